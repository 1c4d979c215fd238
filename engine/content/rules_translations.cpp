// Every patient-facing text exists in each locale the aid claims, and in no other.
#include "engine/content/name_forms.hpp"
#include "engine/content/rules.hpp"

#include <algorithm>
#include <set>

namespace bran {

void check_translations(const AidDocument& doc, Diagnostics& out) {
    const auto& locales = doc.aid.locales;
    std::set<std::string> declared;
    for (std::size_t i = 0; i < locales.size(); ++i) {
        if (!is_locale_tag(locales[i])) {
            out.add(doc.json.error("/locales/" + std::to_string(i), quoted_excerpt(locales[i]) + " is not a locale tag such as \"en-GB\" or \"cy\""));
        }
        if (!declared.insert(locales[i]).second) {
            out.add(doc.json.error("/locales/" + std::to_string(i), "\"" + locales[i] + "\" is listed twice"));
        }
    }
    if (find_pointer(doc.json.root(), "/locales") && declared.count("en-GB") == 0) {
        out.add(doc.json.error("/locales", "must include \"en-GB\": every aid is written in British English first"));
    }
    for (const std::string& pointer : doc.text_pointers) {
        const nlohmann::json* text = find_pointer(doc.json.root(), pointer);
        if (!text || !text->is_object()) continue;
        for (const std::string& locale : locales) {
            if (!text->contains(locale)) {
                out.add(doc.json.error(pointer, "missing the \"" + locale + "\" translation"));
            }
        }
        for (auto it = text->begin(); it != text->end(); ++it) {
            // en-GB is required of every aid: never tell an author to remove it.
            if (declared.count(it.key()) == 0 && it.key() != "en-GB") {
                out.add(doc.json.key_error(pointer_append(pointer, it.key()),
                                           "\"" + it.key() + "\" is not one of this aid’s locales (/locales)"));
            }
        }
    }
}

}  // namespace bran
