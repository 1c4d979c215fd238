// Values clarification: every criterion says how well each option serves it, on the audit's scale.
#include "engine/content/rules.hpp"

namespace bran {

void check_values(const AidDocument& doc, Diagnostics& out) {
    for (std::size_t i = 0; i < doc.aid.criteria.size(); ++i) {
        const Criterion& criterion = doc.aid.criteria[i];
        const std::string pointer = "/criteria/" + std::to_string(i) + "/supports";
        if (!find_pointer(doc.json.root(), pointer)) continue;
        check_option_keys(doc, pointer, criterion.supports, out, "a supports score");
        for (const auto& [option, score] : criterion.supports) {
            if (score < -2 || score > 2) {
                out.add(doc.json.error(pointer_append(pointer, option),
                                       "must be from -2 to 2, not " + std::to_string(score)));
            }
        }
    }
}

}  // namespace bran
