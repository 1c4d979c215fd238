#include "engine/audit/assessment.hpp"

#include <algorithm>

namespace bran {

Assessment assess(const Aid& aid, const Answers& answers) {
    Assessment a;
    bool any_weight = false;
    for (const Option& option : aid.options) a.option_scores[option.id] = 0;
    for (const auto& [criterion_id, weight] : answers.values) {
        const Criterion* criterion = aid.find_criterion(criterion_id);
        if (!criterion) continue;
        if (weight > 0) any_weight = true;
        for (const auto& [option_id, supports] : criterion->supports) a.option_scores[option_id] += weight * supports;
    }
    if (any_weight && !a.option_scores.empty()) {
        int best = std::max_element(a.option_scores.begin(), a.option_scores.end(), [](const auto& x, const auto& y) {
                       return x.second < y.second;
                   })->second;
        for (const Option& option : aid.options) {
            if (a.option_scores[option.id] == best) a.value_favoured.push_back(option.id);
        }
    }

    a.choice = choice_of(answers);
    const bool real_option = a.choice && aid.find_option(*a.choice) != nullptr;
    if (real_option && !a.value_favoured.empty()) {
        a.concordant = std::find(a.value_favoured.begin(), a.value_favoured.end(), *a.choice) != a.value_favoured.end();
    }

    for (const auto& [question_id, answer_id] : answers.knowledge) {
        const Question* q = aid.find_question(question_id);
        if (!q) continue;
        ++a.knowledge_answered;
        if (q->correct == answer_id) ++a.knowledge_correct;
    }
    if (a.knowledge_answered > 0) a.knowledge_adequate = a.knowledge_correct >= aid.knowledge.pass_mark;
    if (a.knowledge_adequate && a.concordant) a.informed_choice = *a.knowledge_adequate && *a.concordant;

    int yes = 0, answered = 0;
    for (const std::string& item : sure_items()) {
        auto it = answers.sure.find(item);
        if (it == answers.sure.end()) continue;
        ++answered;
        yes += it->second ? 1 : 0;
    }
    if (answered == static_cast<int>(sure_items().size())) a.sure_score = yes;
    return a;
}

}  // namespace bran
