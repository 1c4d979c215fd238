// Outcome numbers as natural frequencies: one denominator and time frame, a number for every
// option, each within the denominator and tied to a source.
#include "engine/content/rules.hpp"

namespace bran {

void check_numbers(const AidDocument& doc, const std::string& pointer, const std::map<std::string, Number>& numbers,
                   int denominator, Diagnostics& out) {
    check_option_keys(doc, pointer, numbers, out, "a number");
    for (const auto& [option, number] : numbers) {
        const std::string at = pointer_append(pointer, option);
        if (find_pointer(doc.json.root(), at + "/count") && (number.count < 0 || number.count > denominator)) {
            out.add(doc.json.error(at + "/count", "must be between 0 and the denominator (" + std::to_string(denominator) +
                                                      "), not " + std::to_string(number.count)));
        }
        if (!number.source.empty() && !source_exists(doc.aid, number.source)) {
            out.add(doc.json.error(at + "/source", "\"" + number.source + "\" is not the id of a source in /sources"));
        }
    }
}

void check_outcomes(const AidDocument& doc, Diagnostics& out) {
    const Aid& aid = doc.aid;
    for (std::size_t i = 0; i < aid.outcomes.size(); ++i) {
        const Outcome& outcome = aid.outcomes[i];
        const std::string pointer = "/outcomes/" + std::to_string(i);
        const bool has_denominator = find_pointer(doc.json.root(), pointer + "/denominator") != nullptr;
        if (has_denominator && outcome.denominator != 100 && outcome.denominator != 1000) {
            out.add(doc.json.error(pointer + "/denominator",
                                   "must be 100 or 1000, not " + std::to_string(outcome.denominator)));
        }
        if (find_pointer(doc.json.root(), pointer + "/time_frame/amount") && outcome.time_frame.amount < 1) {
            out.add(doc.json.error(pointer + "/time_frame/amount", "must be at least 1"));
        }
        if (has_denominator) check_numbers(doc, pointer + "/numbers", outcome.numbers, outcome.denominator, out);
    }
}

}  // namespace bran
