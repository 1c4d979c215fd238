// Personalised numbers: the patient's answers to an aid's risk questions give published points
// scores (e.g. CHA2DS2-VASc), and each score's band gives the numbers for each option.
#pragma once
#include "engine/content/aid.hpp"
#include "engine/decision/answers.hpp"

#include <map>
#include <optional>
#include <string>

namespace bran {

struct ScoreResult {
    std::string score_id;
    std::optional<int> value;  // nullopt until every input that feeds it is answered
};

// Score values from the answered inputs.
std::map<std::string, ScoreResult> compute_scores(const Aid& aid, const Answers& answers);

// The numbers to show for one outcome: the band's numbers where the outcome is personalised and
// its score is known, else the outcome's own numbers.
struct OutcomeNumbers {
    const Outcome* outcome = nullptr;
    const std::map<std::string, Number>* numbers = nullptr;
    bool personalised = false;
    std::optional<int> score;  // the score value used, if personalised
};

OutcomeNumbers numbers_for(const Aid& aid, const Outcome& outcome, const std::map<std::string, ScoreResult>& scores);

}  // namespace bran
