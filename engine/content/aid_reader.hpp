// Turns a located JSON document into an Aid; every missing, mistyped or unknown field becomes a diagnostic.
#pragma once
#include "engine/content/aid.hpp"
#include "engine/core/located_json.hpp"

#include <string>
#include <vector>

namespace bran {

struct AidDocument {
    Aid aid;
    LocatedJson json;
    std::vector<std::string> text_pointers;  // every Text field, for the translation rules
};

// Reads the structure only; content rules (references, ranges, coverage) run afterwards.
AidDocument read_aid(LocatedJson json, Diagnostics& out);

}  // namespace bran
