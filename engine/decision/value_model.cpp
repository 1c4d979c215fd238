#include "engine/decision/value_model.hpp"

#include <algorithm>

namespace bran {

namespace {

// How much better an option does on an outcome, as a count out of the denominator: fewer of a
// bad outcome, or more of a good one.
int benefit(const Outcome& outcome, const std::map<std::string, Number>& numbers, const std::string& option) {
    auto it = numbers.find(option);
    const int count = it == numbers.end() ? 0 : it->second.count;
    return outcome.valence == Valence::bad ? -count : count;
}

std::pair<int, int> spread(const std::vector<int>& values) {
    const auto [low, high] = std::minmax_element(values.begin(), values.end());
    return {*low, *high};
}

}  // namespace

int rating_weight(int rating) { return rating <= 0 ? 0 : 1 << (std::min(rating, 4) - 1); }

std::map<std::string, ValuePoints> criterion_points(const Aid& aid, const Criterion& criterion,
                                                    const std::optional<OutcomeNumbers>& numbers) {
    std::map<std::string, ValuePoints> points;
    if (!numbers) {
        for (const Option& option : aid.options) {
            auto s = criterion.supports.find(option.id);
            points[option.id] = (s == criterion.supports.end() ? 0 : s->second) * value_point;
        }
        return points;
    }
    // The supports' spread is what the author judged the general numbers' difference worth; the
    // numbers the patient was shown scale it: twice the difference, twice the points.
    const Outcome& outcome = *numbers->outcome;
    std::vector<int> supports, general, shown;
    for (const Option& option : aid.options) {
        auto s = criterion.supports.find(option.id);
        supports.push_back(s == criterion.supports.end() ? 0 : s->second);
        general.push_back(benefit(outcome, outcome.numbers, option.id));
        shown.push_back(benefit(outcome, *numbers->numbers, option.id));
    }
    const auto [support_low, support_high] = spread(supports);
    const auto [general_low, general_high] = spread(general);
    const auto shown_low = spread(shown).first;
    const std::int64_t general_range = general_high - general_low;  // > 0: the content rules see to it
    for (std::size_t i = 0; i < aid.options.size(); ++i) {
        const std::int64_t scaled = std::int64_t(support_high - support_low) * (shown[i] - shown_low) * value_point;
        points[aid.options[i].id] = general_range > 0 ? (scaled + general_range / 2) / general_range : 0;
    }
    return points;
}

ValueVerdict weigh_values(const Aid& aid, const std::map<std::string, int>& ratings,
                          const std::map<std::string, ScoreResult>& scores) {
    ValueVerdict verdict;
    for (const Option& option : aid.options) verdict.totals[option.id] = 0;
    for (const Criterion& criterion : aid.criteria) {
        auto rating = ratings.find(criterion.id);
        if (rating == ratings.end() || rating->second <= 0) continue;
        CriterionWeighing weighing;
        weighing.criterion = &criterion;
        weighing.rating = rating->second;
        if (const Outcome* outcome = aid.find_outcome(criterion.outcome)) weighing.numbers = numbers_for(aid, *outcome, scores);
        const int weight = rating_weight(weighing.rating);
        for (const auto& [option, points] : criterion_points(aid, criterion, weighing.numbers)) {
            weighing.points[option] = weight * points;
            verdict.totals[option] += weight * points;
        }
        verdict.criteria.push_back(std::move(weighing));
    }
    if (verdict.criteria.empty() || aid.options.empty()) return verdict;
    ValuePoints best = verdict.totals.begin()->second;
    for (const auto& [option, total] : verdict.totals) best = std::max(best, total);
    for (const Option& option : aid.options) {
        if (best - verdict.totals[option.id] < about_equal_margin) verdict.favoured.push_back(option.id);
    }
    return verdict;
}

ValueVerdict weigh_values(const Aid& aid, const Answers& answers) {
    return weigh_values(aid, answers.values, compute_scores(aid, answers));
}

std::vector<std::string> favoured_by_weighted_sum(const Aid& aid, const Answers& answers) {
    std::map<std::string, int> scores;
    bool any_weight = false;
    for (const Option& option : aid.options) scores[option.id] = 0;
    for (const auto& [criterion_id, weight] : answers.values) {
        const Criterion* criterion = aid.find_criterion(criterion_id);
        if (!criterion) continue;
        if (weight > 0) any_weight = true;
        for (const auto& [option_id, supports] : criterion->supports) scores[option_id] += weight * supports;
    }
    std::vector<std::string> favoured;
    if (!any_weight || scores.empty()) return favoured;
    int best = scores.begin()->second;
    for (const auto& [option, score] : scores) best = std::max(best, score);
    for (const Option& option : aid.options) {
        if (scores[option.id] == best) favoured.push_back(option.id);
    }
    return favoured;
}

}  // namespace bran
