#include "engine/decision/risk_scores.hpp"

namespace bran {

std::map<std::string, ScoreResult> compute_scores(const Aid& aid, const Answers& answers) {
    std::map<std::string, ScoreResult> results;
    if (!aid.personalisation) return results;
    const Personalisation& p = *aid.personalisation;
    std::map<std::string, bool> complete;
    for (const RiskScore& score : p.scores) {
        results[score.id] = {score.id, 0};
        complete[score.id] = true;
    }
    for (const RiskInput& input : p.inputs) {
        auto answer = answers.risk_inputs.find(input.id);
        const InputChoice* chosen = nullptr;
        for (const InputChoice& choice : input.choices) {
            if (answer != answers.risk_inputs.end() && choice.id == answer->second) chosen = &choice;
        }
        for (const RiskScore& score : p.scores) {
            bool feeds = false;
            for (const InputChoice& choice : input.choices) feeds = feeds || choice.points.count(score.id) > 0;
            if (!feeds) continue;
            if (!chosen) {
                complete[score.id] = false;
                continue;
            }
            auto points = chosen->points.find(score.id);
            if (points != chosen->points.end() && results[score.id].value) *results[score.id].value += points->second;
        }
    }
    for (auto& [id, result] : results) {
        if (!complete[id]) result.value.reset();
    }
    return results;
}

OutcomeNumbers numbers_for(const Aid& aid, const Outcome& outcome, const std::map<std::string, ScoreResult>& scores) {
    OutcomeNumbers result{&outcome, &outcome.numbers, false, std::nullopt};
    if (!aid.personalisation) return result;
    for (const RiskTable& table : aid.personalisation->tables) {
        if (table.outcome != outcome.id) continue;
        auto score = scores.find(table.score);
        if (score == scores.end() || !score->second.value) continue;
        for (const Band& band : table.bands) {
            if (*score->second.value >= band.min && *score->second.value <= band.max) {
                return {&outcome, &band.numbers, true, score->second.value};
            }
        }
    }
    return result;
}

}  // namespace bran
