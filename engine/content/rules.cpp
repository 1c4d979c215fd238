#include "engine/content/rules.hpp"

#include <algorithm>

namespace bran {

bool source_exists(const Aid& aid, const std::string& source_id) {
    return std::any_of(aid.sources.begin(), aid.sources.end(), [&](const Source& s) { return s.id == source_id; });
}

std::string quoted_excerpt(const std::string& value) {
    constexpr std::size_t shown_bytes = 80;  // room for an id a little over its 64-character limit, shown whole
    if (value.size() <= shown_bytes) return "\"" + value + "\"";
    std::size_t cut = shown_bytes;
    // Back up to the start of a UTF-8 sequence so the message stays valid UTF-8.
    while (cut > 0 && (static_cast<unsigned char>(value[cut]) & 0xC0) == 0x80) --cut;
    return "\"" + value.substr(0, cut) + "…\" (" + std::to_string(value.size()) + " bytes)";
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
