#include "engine/view/outcome_figure.hpp"

#include "engine/view/summary_words.hpp"

namespace bran {

FigureBlock outcome_figure(const Aid& aid, const OutcomeNumbers& shown, const Catalog& words, bool counts_only) {
    const Outcome& outcome = *shown.outcome;
    FigureBlock figure;
    figure.outcome = localized(outcome.name, words.locale());
    figure.good = outcome.valence == Valence::good;
    figure.denominator = outcome.denominator;
    int scale = 1;
    if (outcome.denominator > 100 && outcome.denominator % 100 == 0) {
        const int factor = outcome.denominator / 100;
        bool whole = true;
        for (const auto& [option, number] : *shown.numbers) whole = whole && number.count % factor == 0;
        if (whole) scale = factor, figure.denominator = 100;
    }
    for (const Option& option : aid.options) {
        auto it = shown.numbers->find(option.id);
        if (it == shown.numbers->end()) continue;
        const int count = it->second.count / scale;
        const std::string sentence =
            counts_only ? words.text("outcomes.count", {{"count", static_cast<long long>(count)},
                                                        {"denominator", static_cast<long long>(figure.denominator)},
                                                        {"like", std::string(shown.personalised ? "yes" : "no")}})
                        : outcome_sentence(shown, count, figure.outcome, words, figure.denominator);
        figure.columns.push_back({localized(option.name, words.locale()), sentence, count});
    }
    // The summary's pictures share one key (summary_view.cpp).
    if (!counts_only) figure.key = words.text(figure.good ? "outcomes.legend-good" : "outcomes.legend-bad", {{"outcome", figure.outcome}});
    return figure;
}

std::string scores_sentence(const Aid& aid, const std::map<std::string, ScoreResult>& scores, const Catalog& words) {
    if (!aid.personalisation) return "";
    std::vector<std::string> known;
    for (const RiskScore& score : aid.personalisation->scores) {
        auto it = scores.find(score.id);
        if (it == scores.end() || !it->second.value) continue;
        known.push_back(words.text("outcomes.score", {{"name", localized(score.name, words.locale())},
                                                      {"value", static_cast<long long>(*it->second.value)}}));
    }
    if (known.empty()) return "";
    return words.text("outcomes.worked-out-from", {{"scores", format_list(words.locale(), known)}});
}

}  // namespace bran
