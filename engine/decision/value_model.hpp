// Which options fit what a patient said matters (docs/value-concordance.md): the patient's ratings
// weigh how well each option serves each criterion, and where a criterion is tied to an outcome,
// the size of the difference in the numbers the patient was shown sets how well. The summary's
// verdict, its explanation and the audit's concordance all come from weigh_values.
#pragma once
#include "engine/content/aid.hpp"
#include "engine/decision/answers.hpp"
#include "engine/decision/risk_scores.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace bran {

// Points are whole millionths, so a total is the same whatever order its parts are added in.
using ValuePoints = std::int64_t;
constexpr ValuePoints value_point = 1000000;
// Options whose totals differ by less than this fit "about equally": less than the difference
// one criterion rated "A little" (1) makes between an option that serves it (+1) and one that
// goes against it (-1).
constexpr ValuePoints about_equal_margin = 2 * value_point;

// How much a rating weighs: each step up the scale doubles it (Not at all 0, A little 1,
// Somewhat 2, A lot 4, Very much 8), so what matters most to the patient is not outvoted by
// several things that matter a little.
int rating_weight(int rating);

// One criterion the patient rated above 0, as the verdict weighs it.
struct CriterionWeighing {
    const Criterion* criterion = nullptr;
    int rating = 0;  // 1..4
    // option id -> rating_weight × how well the option serves the criterion (only differences
    // between options mean anything).
    std::map<std::string, ValuePoints> points;
    // The numbers that set "how well", for a criterion tied to an outcome.
    std::optional<OutcomeNumbers> numbers;
};

struct ValueVerdict {
    std::vector<CriterionWeighing> criteria;    // in the aid's order
    std::map<std::string, ValuePoints> totals;  // option id -> sum over criteria
    // The options within about_equal_margin of the best, in the aid's order; empty when the
    // patient rated nothing above 0.
    std::vector<std::string> favoured;
    bool clear() const { return favoured.size() == 1; }
    bool about_equal() const { return favoured.size() > 1; }
};

// ratings: criterion id -> 0..4; scores: the patient's risk scores (the numbers they were shown).
ValueVerdict weigh_values(const Aid& aid, const std::map<std::string, int>& ratings,
                          const std::map<std::string, ScoreResult>& scores);
ValueVerdict weigh_values(const Aid& aid, const Answers& answers);

// How well each option serves a criterion, before the rating: its supports, or for a criterion
// tied to an outcome, the supports' spread scaled by the shown numbers' spread against the
// aid's general numbers; in millionths of a point, the worst option at 0 for a tied criterion.
std::map<std::string, ValuePoints> criterion_points(const Aid& aid, const Criterion& criterion,
                                                    const std::optional<OutcomeNumbers>& numbers);

// The rule of shared/spec/audit.md before docs/value-concordance.md (the highest sum of rating ×
// fixed supports), kept only so that verify can check facts a bran from before recorded, until
// the database is opened for recording and they are assessed again.
std::vector<std::string> favoured_by_weighted_sum(const Aid& aid, const Answers& answers);

}  // namespace bran
