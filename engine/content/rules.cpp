#include "engine/content/rules.hpp"

#include <algorithm>

namespace bran {

bool source_exists(const Aid& aid, const std::string& source_id) {
    return std::any_of(aid.sources.begin(), aid.sources.end(), [&](const Source& s) { return s.id == source_id; });
}

void check_content(const AidDocument& doc, const RuleContext& context, Diagnostics& out) {
    check_identity(doc, out);
    check_governance(doc, context, out);
    check_options(doc, out);
    check_outcomes(doc, out);
    check_personalisation(doc, out);
    check_values(doc, out);
    check_knowledge(doc, out);
    check_translations(doc, out);
}

}  // namespace bran
