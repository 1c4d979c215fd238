#include "engine/decision/assessment.hpp"

#include <algorithm>

namespace bran {

Assessment assess(const Aid& aid, const Answers& answers) {
    Assessment a;
    a.values = weigh_values(aid, answers);
    a.choice = choice_of(answers);
    const bool real_option = a.choice && aid.find_option(*a.choice) != nullptr;
    if (real_option && a.values.clear()) a.concordant = *a.choice == a.values.favoured.front();

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

std::optional<std::int64_t> concordance_code(const Assessment& assessment) {
    if (assessment.no_clear_fit()) return no_clear_fit_code;
    if (assessment.concordant) return *assessment.concordant ? 1 : 0;
    return std::nullopt;
}

}  // namespace bran
