// Reads one JSON object field by field and reports, at the right place, every field that is missing,
// of the wrong type, or unknown (so a typo such as "benfits" never passes silently).
#pragma once
#include "engine/core/located_json.hpp"

#include <optional>
#include <set>
#include <string>

namespace bran {

enum class Need { required, optional };

class FieldReader {
public:
    // Reports an error if the value at `pointer` is not an object.
    FieldReader(const LocatedJson& doc, std::string pointer, Diagnostics& out);

    bool is_object() const { return m_object != nullptr; }
    const std::string& pointer() const { return m_pointer; }
    std::string child(const std::string& key) const { return pointer_append(m_pointer, key); }
    const LocatedJson& doc() const { return m_doc; }
    Diagnostics& out() { return m_out; }

    std::optional<std::string> string(const std::string& key, Need need);
    std::optional<long long> integer(const std::string& key, Need need);
    std::optional<bool> boolean(const std::string& key, Need need);
    const nlohmann::json* array(const std::string& key, Need need, std::size_t min_items = 0);
    const nlohmann::json* object(const std::string& key, Need need);
    // The member, of any type, marked as known; nullptr when absent (reported if required).
    const nlohmann::json* any(const std::string& key, Need need);

    // Reports every member that no call above asked for.
    void reject_unknown();

private:
    const nlohmann::json* member(const std::string& key, Need need);
    void wrong_type(const std::string& key, const char* expected, const nlohmann::json& value);

    const LocatedJson& m_doc;
    std::string m_pointer;
    Diagnostics& m_out;
    const nlohmann::json* m_object = nullptr;
    std::set<std::string> m_known;
};

// "a string", "a number", ... for messages.
const char* json_type_name(const nlohmann::json& value);

// A whole number small enough to be meaningful in the format (within ±1,000,000,000).
bool in_int_range(const nlohmann::json& value);

}  // namespace bran
