// The personal-value audit's definitions for one session (shared/spec/audit.md), in one place:
// the window's summary, the stored per-session facts and every report use these and only these.
#pragma once
#include "engine/decision/value_model.hpp"
#include "engine/content/aid.hpp"
#include "engine/decision/answers.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace bran {

struct Assessment {
    // Which options fit what the patient said matters, and why (docs/value-concordance.md).
    ValueVerdict values;
    // decision if recorded, else leaning; nullopt when neither.
    std::optional<std::string> choice;
    // nullopt: not assessable (nothing rated, no clear fit, or choice unsure/defer/none).
    std::optional<bool> concordant;
    // The best options fit about equally: concordance (and so informed choice) is not assessable.
    bool no_clear_fit() const { return values.about_equal(); }
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

// A yes/no/not-assessable fact as the database keeps it: 1, 0 or NULL.
inline std::optional<std::int64_t> fact_code(const std::optional<bool>& fact) {
    return fact ? std::optional<std::int64_t>(*fact ? 1 : 0) : std::nullopt;
}

// The session's concordance as the database keeps it: 1 concordant, 0 not, 2 no clear fit,
// nullopt not assessable for another reason.
std::optional<std::int64_t> concordance_code(const Assessment& assessment);
constexpr std::int64_t no_clear_fit_code = 2;

}  // namespace bran
