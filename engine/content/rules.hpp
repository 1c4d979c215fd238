// The content rules of docs/content-format.md that go beyond structure: references, ranges,
// coverage and governance. One family per file; check_content runs them all.
#pragma once
#include "engine/content/aid_reader.hpp"
#include "engine/core/field_reader.hpp"

#include <string>

namespace bran {

struct RuleContext {
    std::string today;  // YYYY-MM-DD, for "review overdue"
};

void check_identity(const AidDocument& doc, Diagnostics& out);
void check_governance(const AidDocument& doc, const RuleContext& context, Diagnostics& out);
void check_options(const AidDocument& doc, Diagnostics& out);
void check_outcomes(const AidDocument& doc, Diagnostics& out);
void check_personalisation(const AidDocument& doc, Diagnostics& out);
void check_values(const AidDocument& doc, Diagnostics& out);
void check_knowledge(const AidDocument& doc, Diagnostics& out);
void check_translations(const AidDocument& doc, Diagnostics& out);

void check_content(const AidDocument& doc, const RuleContext& context, Diagnostics& out);

// Shared by the families: a map keyed by option id must name each option once and nothing else.
template <typename Map>
void check_option_keys(const AidDocument& doc, const std::string& pointer, const Map& by_option, Diagnostics& out,
                       const char* what) {
    for (const auto& [key, value] : by_option) {
        (void)value;
        if (!doc.aid.find_option(key)) {
            out.add(doc.json.key_error(pointer_append(pointer, key), "\"" + key + "\" is not an option of this aid"));
        }
    }
    for (const auto& option : doc.aid.options) {
        if (!option.id.empty() && by_option.count(option.id) == 0) {
            out.add(doc.json.error(pointer, std::string("missing ") + what + " for option \"" + option.id + "\""));
        }
    }
}

bool source_exists(const Aid& aid, const std::string& source_id);

// A refused value in quotes for a message, cut short (with "…") when long: an author needs to see which
// value is wrong, not 26,000 characters of it on one line.
std::string quoted_excerpt(const std::string& value);

// A number for every option, each within the denominator and tied to a source in /sources.
void check_numbers(const AidDocument& doc, const std::string& pointer, const std::map<std::string, Number>& numbers,
                   int denominator, Diagnostics& out);

}  // namespace bran
