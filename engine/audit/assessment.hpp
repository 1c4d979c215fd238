// The personal-value audit's definitions for one session (shared/spec/audit.md), in one place:
// the window's summary, the stored per-session facts and every report use these and only these.
#pragma once
#include "engine/content/aid.hpp"
#include "engine/session/answers.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace bran {

struct Assessment {
    // S(o) = sum over rated criteria of importance * supports(o, c).
    std::map<std::string, int> option_scores;
    // The options with the highest score; empty when no criterion was rated above 0.
    std::vector<std::string> value_favoured;
    // decision if recorded, else leaning; nullopt when neither.
    std::optional<std::string> choice;
    // nullopt: not assessable (no favoured options, or choice unsure/defer/none).
    std::optional<bool> concordant;
    int knowledge_correct = 0;
    int knowledge_answered = 0;
    std::optional<bool> knowledge_adequate;  // nullopt when no question was answered
    std::optional<bool> informed_choice;     // adequate AND concordant, where both are assessable
    std::optional<int> sure_score;           // number of yes; nullopt unless all four answered
    std::optional<bool> sure_pass() const {
        return sure_score ? std::optional<bool>(*sure_score == 4) : std::nullopt;
    }
};

Assessment assess(const Aid& aid, const Answers& answers);

}  // namespace bran
