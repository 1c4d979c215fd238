// JSON parsed with the line and column of every key and value, so that any problem found later
// can be reported at file:line:column. nlohmann/json 3.11 keeps no positions, so a SAX handler
// records them as the parser reads.
#pragma once
#include "engine/core/diagnostic.hpp"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <unordered_map>

namespace bran {

struct LineColumn {
    int line = 1;
    int column = 1;  // counted in code points, so "ŵ" is one column
};

struct JsonLimits {
    std::size_t max_bytes = 4 * 1024 * 1024;  // of the document; when streamed, of each element
    std::size_t max_depth = 64;
};

class LocatedJson {
public:
    const nlohmann::json& root() const { return m_root; }
    const std::string& file() const { return m_file; }
    // Where root() is in its file: "" for a whole document, "/entry/5" for a streamed element.
    // Every pointer a LocatedJson takes or gives is from the top of the file.
    const std::string& root_pointer() const { return m_root_pointer; }

    // The value at `pointer`, or nullptr.
    const nlohmann::json* find(const std::string& pointer) const;

    // Where the value at `pointer` starts; for a pointer that does not exist, where its nearest
    // existing parent starts (so a missing field is reported at the `{` of its object).
    LineColumn value_position(const std::string& pointer) const;
    // Where the key of the member at `pointer` starts (for unknown fields); falls back as above.
    LineColumn key_position(const std::string& pointer) const;

    Diagnostic error(const std::string& pointer, std::string message) const;
    Diagnostic warning(const std::string& pointer, std::string message) const;
    Diagnostic key_error(const std::string& pointer, std::string message) const;

    // Parses text; on any syntax problem returns nullopt and adds one located diagnostic.
    static std::optional<LocatedJson> parse(const std::string& text, std::string file, Diagnostics& out,
                                            JsonLimits limits = {});

    // Reads a file (refusing files over limits.max_bytes) and parses it.
    static std::optional<LocatedJson> load(const std::string& path, Diagnostics& out, JsonLimits limits = {});

    // Reads a file of any size, handing each element of the array at `streamed` (such as a
    // Bundle's "/entry") to `on_element` as soon as it is read and keeping it no longer, so that
    // memory holds one element at a time; limits.max_bytes then bounds each element. Returns the
    // rest of the document, in which that array is empty; nullopt, with one located diagnostic,
    // on a syntax problem (the elements before it have been handed over).
    using ElementSink = std::function<void(const LocatedJson& element)>;
    static std::optional<LocatedJson> stream(const std::string& path, const std::string& streamed,
                                             const ElementSink& on_element, Diagnostics& out, JsonLimits limits);

private:
    friend class LocatingHandler;
    LineColumn position_in(const std::unordered_map<std::string, LineColumn>& table, const std::string& pointer) const;

    std::string m_file;
    std::string m_root_pointer;
    nlohmann::json m_root;
    std::unordered_map<std::string, LineColumn> m_value_positions;
    std::unordered_map<std::string, LineColumn> m_key_positions;
};

// The value at a JSON pointer, or nullptr.
const nlohmann::json* find_pointer(const nlohmann::json& root, const std::string& pointer);

// Appends one reference token to a JSON pointer, escaping '~' and '/'.
std::string pointer_append(const std::string& pointer, const std::string& token);
std::string pointer_append(const std::string& pointer, std::size_t index);

}  // namespace bran
