#include "engine/core/field_reader.hpp"

#include <algorithm>
#include <vector>

namespace bran {

const char* json_type_name(const nlohmann::json& value) {
    switch (value.type()) {
        case nlohmann::json::value_t::null: return "null";
        case nlohmann::json::value_t::object: return "an object";
        case nlohmann::json::value_t::array: return "an array";
        case nlohmann::json::value_t::string: return "a string";
        case nlohmann::json::value_t::boolean: return "true or false";
        case nlohmann::json::value_t::number_integer:
        case nlohmann::json::value_t::number_unsigned: return "a whole number";
        case nlohmann::json::value_t::number_float: return "a decimal number";
        default: return "an unsupported value";
    }
}

bool in_int_range(const nlohmann::json& value) {
    // Every whole number in the format is small; anything past a billion is a typo, and would
    // otherwise wrap round when narrowed to int.
    constexpr long long limit = 1'000'000'000LL;
    if (value.is_number_unsigned()) return value.get<unsigned long long>() <= static_cast<unsigned long long>(limit);
    if (!value.is_number_integer()) return false;
    const long long v = value.get<long long>();
    return v >= -limit && v <= limit;
}

FieldReader::FieldReader(const LocatedJson& doc, std::string pointer, Diagnostics& out)
    : m_doc(doc), m_pointer(std::move(pointer)), m_out(out) {
    const nlohmann::json* value = doc.find(m_pointer);
    if (value && value->is_object()) {
        m_object = value;
    } else if (value) {
        m_out.add(doc.error(m_pointer, std::string("must be an object, not ") + json_type_name(*value)));
    }
}

const nlohmann::json* FieldReader::member(const std::string& key, Need need) {
    m_known.insert(key);
    if (!m_object) return nullptr;
    auto it = m_object->find(key);
    if (it == m_object->end()) {
        if (need == Need::required) m_out.add(m_doc.error(child(key), "missing required field \"" + key + "\""));
        return nullptr;
    }
    return &*it;
}

void FieldReader::wrong_type(const std::string& key, const char* expected, const nlohmann::json& value) {
    m_out.add(m_doc.error(child(key), std::string("must be ") + expected + ", not " + json_type_name(value)));
}

std::optional<std::string> FieldReader::string(const std::string& key, Need need) {
    const nlohmann::json* value = member(key, need);
    if (!value) return std::nullopt;
    if (!value->is_string()) {
        wrong_type(key, "a string", *value);
        return std::nullopt;
    }
    if (value->get_ref<const std::string&>().find_first_not_of(" \t\r\n") == std::string::npos) {
        m_out.add(m_doc.error(child(key), "must not be empty"));
        return std::nullopt;
    }
    return value->get<std::string>();
}

std::optional<long long> FieldReader::integer(const std::string& key, Need need) {
    const nlohmann::json* value = member(key, need);
    if (!value) return std::nullopt;
    if (!value->is_number_integer()) {
        wrong_type(key, "a whole number", *value);
        return std::nullopt;
    }
    if (!in_int_range(*value)) {
        m_out.add(m_doc.error(child(key), "is far too large or too small"));
        return std::nullopt;
    }
    return value->get<long long>();
}

std::optional<bool> FieldReader::boolean(const std::string& key, Need need) {
    const nlohmann::json* value = member(key, need);
    if (!value) return std::nullopt;
    if (!value->is_boolean()) {
        wrong_type(key, "true or false", *value);
        return std::nullopt;
    }
    return value->get<bool>();
}

const nlohmann::json* FieldReader::array(const std::string& key, Need need, std::size_t min_items) {
    const nlohmann::json* value = member(key, need);
    if (!value) return nullptr;
    if (!value->is_array()) {
        wrong_type(key, "an array", *value);
        return nullptr;
    }
    if (value->size() < min_items) {
        m_out.add(m_doc.error(child(key), "must have at least " + std::to_string(min_items) +
                                              (min_items == 1 ? " item" : " items") + ", not " +
                                              std::to_string(value->size())));
    }
    return value;
}

const nlohmann::json* FieldReader::object(const std::string& key, Need need) {
    const nlohmann::json* value = member(key, need);
    if (!value) return nullptr;
    if (!value->is_object()) {
        wrong_type(key, "an object", *value);
        return nullptr;
    }
    return value;
}

const nlohmann::json* FieldReader::any(const std::string& key, Need need) { return member(key, need); }

namespace {
std::size_t edit_distance(const std::string& a, const std::string& b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}
}  // namespace

void FieldReader::reject_unknown() {
    if (!m_object) return;
    for (auto it = m_object->begin(); it != m_object->end(); ++it) {
        if (m_known.count(it.key()) != 0) continue;
        std::string message = "unknown field \"" + it.key() + "\"";
        std::string nearest;
        std::size_t best = 3;  // suggest only near misses, the typos
        for (const std::string& known : m_known) {
            const std::size_t d = edit_distance(it.key(), known);
            if (d < best) best = d, nearest = known;
        }
        message += nearest.empty() ? ": remove it or check the format" : ": did you mean \"" + nearest + "\"?";
        m_out.add(m_doc.key_error(child(it.key()), message));
    }
}

}  // namespace bran
