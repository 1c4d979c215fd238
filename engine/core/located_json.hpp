// JSON parsed with the byte offset of every key and value, so that any problem found later can be
// reported at file:line:column. nlohmann/json 3.11 keeps no positions, so a SAX handler records them.
#pragma once
#include "engine/core/diagnostic.hpp"
#include "engine/core/text_position.hpp"

#include <nlohmann/json.hpp>

#include <memory>
#include <optional>
#include <string>
#include <unordered_map>

namespace bran {

struct JsonLimits {
    std::size_t max_bytes = 4 * 1024 * 1024;
    std::size_t max_depth = 64;
};

class LocatedJson {
public:
    const nlohmann::json& root() const { return m_root; }
    const std::string& file() const { return m_file; }

    // Where the value at `pointer` starts; for a pointer that does not exist, where its nearest
    // existing parent starts (so a missing field is reported at the `{` of its object).
    LineColumn value_position(const std::string& pointer) const;
    // Where the key of the member at `pointer` starts (for unknown fields); falls back as above.
    LineColumn key_position(const std::string& pointer) const;

    Diagnostic error(const std::string& pointer, std::string message) const;
    Diagnostic warning(const std::string& pointer, std::string message) const;
    Diagnostic key_error(const std::string& pointer, std::string message) const;

    // Parses text; on any syntax problem returns nullopt and adds one located diagnostic.
    static std::optional<LocatedJson> parse(std::string text, std::string file, Diagnostics& out,
                                            JsonLimits limits = {});

    // Reads a file (refusing files over limits.max_bytes) and parses it.
    static std::optional<LocatedJson> load(const std::string& path, Diagnostics& out, JsonLimits limits = {});

private:
    friend class LocatingHandler;
    std::size_t offset_of(const std::unordered_map<std::string, std::size_t>& table,
                          const std::string& pointer) const;

    std::string m_file;
    std::shared_ptr<const std::string> m_text;
    std::shared_ptr<const TextPositions> m_positions;
    nlohmann::json m_root;
    std::unordered_map<std::string, std::size_t> m_value_offsets;
    std::unordered_map<std::string, std::size_t> m_key_offsets;
};

// Appends one reference token to a JSON pointer, escaping '~' and '/'.
std::string pointer_append(const std::string& pointer, const std::string& token);
std::string pointer_append(const std::string& pointer, std::size_t index);

}  // namespace bran
