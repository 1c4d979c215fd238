// Values clarification: every criterion says how well each option serves it, on the audit's scale;
// a criterion tied to an outcome agrees with that outcome's numbers (docs/value-concordance.md).
#include "engine/content/rules.hpp"

#include <algorithm>

namespace bran {

namespace {

// A criterion's supports must rank the options as its outcome's general numbers do, and the
// numbers must differ: the verdict scales the supports' spread by the numbers' spread.
void check_outcome_link(const AidDocument& doc, std::size_t index, Diagnostics& out) {
    const Criterion& criterion = doc.aid.criteria[index];
    const std::string pointer = "/criteria/" + std::to_string(index);
    const Outcome* outcome = doc.aid.find_outcome(criterion.outcome);
    if (!outcome) {
        out.add(doc.json.error(pointer + "/outcome", "\"" + criterion.outcome + "\" is not the id of an outcome in /outcomes"));
        return;
    }
    const auto benefit = [&](const std::string& option) {
        const int count = outcome->numbers.at(option).count;
        return outcome->valence == Valence::bad ? -count : count;
    };
    const auto has_number = [&](const std::string& option) { return outcome->numbers.count(option) > 0; };
    int least = 0, most = 0;
    bool first = true;
    for (const Option& a : doc.aid.options) {
        if (!has_number(a.id) || !criterion.supports.count(a.id)) return;  // reported by the numbers' and supports' own checks
        least = first ? benefit(a.id) : std::min(least, benefit(a.id));
        most = first ? benefit(a.id) : std::max(most, benefit(a.id));
        first = false;
    }
    if (least == most) {
        out.add(doc.json.error(pointer + "/outcome", "the numbers of \"" + outcome->id +
                                                         "\" are the same for every option, so they cannot say how "
                                                         "the options differ on this criterion"));
        return;
    }
    for (const Option& a : doc.aid.options) {
        for (const Option& b : doc.aid.options) {
            if (benefit(a.id) > benefit(b.id) && criterion.supports.at(a.id) < criterion.supports.at(b.id)) {
                out.add(doc.json.error(pointer_append(pointer + "/supports", a.id),
                                       "\"" + a.id + "\" does better than \"" + b.id + "\" in the numbers of \"" + outcome->id +
                                           "\", so its supports score must not be lower than " +
                                           std::to_string(criterion.supports.at(b.id))));
                return;
            }
        }
    }
}

}  // namespace

void check_values(const AidDocument& doc, Diagnostics& out) {
    for (std::size_t i = 0; i < doc.aid.criteria.size(); ++i) {
        const Criterion& criterion = doc.aid.criteria[i];
        const std::string pointer = "/criteria/" + std::to_string(i) + "/supports";
        if (!find_pointer(doc.json.root(), pointer)) continue;
        check_option_keys(doc, pointer, criterion.supports, out, "a supports score");
        bool in_range = true;
        for (const auto& [option, score] : criterion.supports) {
            if (score < -2 || score > 2) {
                in_range = false;
                out.add(doc.json.error(pointer_append(pointer, option),
                                       "must be from -2 to 2, not " + std::to_string(score)));
            }
        }
        if (in_range && !criterion.outcome.empty()) check_outcome_link(doc, i, out);
    }
}

}  // namespace bran
