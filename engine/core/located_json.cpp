#include "engine/core/located_json.hpp"

#include "engine/core/errors.hpp"
#include "engine/core/files.hpp"

#include <algorithm>
#include <iterator>
#include <vector>

namespace bran {

std::string pointer_append(const std::string& pointer, const std::string& token) {
    std::string out = pointer + '/';
    for (char c : token) {
        if (c == '~') out += "~0";
        else if (c == '/') out += "~1";
        else out += c;
    }
    return out;
}

std::string pointer_append(const std::string& pointer, std::size_t index) {
    return pointer + '/' + std::to_string(index);
}

namespace {

// An input iterator over the text that counts how many bytes the parser has taken, which tells
// the handler where the token it is being told about ends.
class CountingIterator {
public:
    using iterator_category = std::input_iterator_tag;
    using value_type = char;
    using difference_type = std::ptrdiff_t;
    using pointer = const char*;
    using reference = const char&;

    CountingIterator(const char* at, std::size_t* consumed) : m_at(at), m_consumed(consumed) {}
    reference operator*() const { return *m_at; }
    CountingIterator& operator++() {
        ++m_at;
        ++*m_consumed;
        return *this;
    }
    CountingIterator operator++(int) {
        CountingIterator before = *this;
        ++*this;
        return before;
    }
    bool operator==(const CountingIterator& other) const { return m_at == other.m_at; }
    bool operator!=(const CountingIterator& other) const { return m_at != other.m_at; }

private:
    const char* m_at;
    std::size_t* m_consumed;
};

std::string describe_parse_error(const std::string& what) {
    // nlohmann's text: "[json.exception.parse_error.101] parse error at line 1, column 5: syntax error
    // while parsing value - invalid literal; last read: 'tru,'". Keep what a person can act on.
    auto dash = what.find(" - ");
    std::string reason = dash == std::string::npos ? what : what.substr(dash + 3);
    if (auto last = reason.find("; last read:"); last != std::string::npos) reason.erase(last);
    return "not valid JSON: " + reason;
}

}  // namespace

class LocatingHandler {
public:
    using json = nlohmann::json;
    using number_integer_t = json::number_integer_t;
    using number_unsigned_t = json::number_unsigned_t;
    using number_float_t = json::number_float_t;
    using string_t = json::string_t;
    using binary_t = json::binary_t;

    LocatingHandler(LocatedJson& doc, const std::string& text, const std::size_t* consumed, std::size_t max_depth,
                    Diagnostics& out)
        : m_doc(doc), m_text(text), m_consumed(consumed), m_max_depth(max_depth), m_out(out) {}

    bool null() { return scalar(json(nullptr)); }
    bool boolean(bool v) { return scalar(json(v)); }
    bool number_integer(number_integer_t v) { return scalar(json(v)); }
    bool number_unsigned(number_unsigned_t v) { return scalar(json(v)); }
    bool number_float(number_float_t v, const string_t&) { return scalar(json(v)); }
    bool string(string_t& v) { return scalar(json(std::move(v))); }
    bool binary(binary_t&) { return false; }

    bool start_object(std::size_t) { return open(json::object()); }
    bool start_array(std::size_t) { return open(json::array()); }
    bool end_object() { return close(); }
    bool end_array() { return close(); }

    bool key(string_t& k) {
        const std::size_t start = token_start();
        Frame& top = m_stack.back();
        m_pending_pointer = pointer_append(top.pointer, k);
        if (top.node->contains(k)) {
            m_doc.m_key_offsets[m_pending_pointer] = start;
            m_out.add(m_doc.key_error(m_pending_pointer, "duplicate key \"" + k + "\": keep only one"));
        }
        m_pending_key = k;
        m_doc.m_key_offsets.emplace(m_pending_pointer, start);
        return true;
    }

    bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& ex) {
        // position counts the bytes read, including the one that broke the syntax. That is the
        // place for a lexical error (a bad literal, a bad byte in a string); for an unexpected
        // token the place is where that token starts.
        std::size_t offset = position > 0 ? position - 1 : 0;
        if (std::string(ex.what()).find(" - unexpected ") != std::string::npos) {
            // A many-byte token starts at the first non-blank after the previous one; a number's
            // look-ahead may already have read a one-byte token, hence the earlier of the two.
            auto skip_blanks = [&](std::size_t at) {
                while (at < m_text.size() && (m_text[at] == ' ' || m_text[at] == '\t' || m_text[at] == '\n' || m_text[at] == '\r')) ++at;
                return at;
            };
            std::size_t start = skip_blanks(m_prev_end);
            if (start < m_text.size() && (m_text[start] == ',' || m_text[start] == ':')) start = skip_blanks(start + 1);
            offset = std::min(offset, start);
        }
        const LineColumn at = TextPositions(m_text).at(offset);
        m_out.add({m_doc.m_file, at.line, at.column, "", Severity::error, describe_parse_error(ex.what())});
        m_failed = true;
        return false;
    }

    bool failed() const { return m_failed; }

private:
    struct Frame {
        json* node;
        std::string pointer;
    };

    // The token being reported starts at the first byte after the previous token that is not
    // white space or a separator; its end is how far the parser has read.
    std::size_t token_start() {
        std::size_t at = m_prev_end;
        while (at < m_text.size()) {
            const char c = m_text[at];
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',' || c == ':') ++at;
            else break;
        }
        m_prev_end = *m_consumed;
        return at;
    }

    // Places a new value in its parent and records where it starts; returns the placed value.
    json* place(json value, std::size_t start, std::string& pointer_out) {
        if (m_stack.empty()) {
            m_doc.m_root = std::move(value);
            pointer_out = "";
            m_doc.m_value_offsets[pointer_out] = start;
            return &m_doc.m_root;
        }
        Frame& top = m_stack.back();
        json* placed = nullptr;
        if (top.node->is_array()) {
            pointer_out = pointer_append(top.pointer, top.node->size());
            top.node->push_back(std::move(value));
            placed = &top.node->back();
        } else {
            pointer_out = m_pending_pointer;
            placed = &((*top.node)[m_pending_key] = std::move(value));
        }
        m_doc.m_value_offsets[pointer_out] = start;
        return placed;
    }

    bool scalar(json value) {
        std::string pointer;
        place(std::move(value), token_start(), pointer);
        return true;
    }

    bool open(json container) {
        const std::size_t start = token_start();
        if (m_stack.size() >= m_max_depth) {
            const LineColumn at = TextPositions(m_text).at(start);
            m_out.add({m_doc.m_file, at.line, at.column, "", Severity::error,
                       "nested deeper than " + std::to_string(m_max_depth) + " levels: flatten the structure"});
            m_failed = true;
            return false;
        }
        std::string pointer;
        json* placed = place(std::move(container), start, pointer);
        m_stack.push_back({placed, pointer});
        return true;
    }

    bool close() {
        token_start();
        m_stack.pop_back();
        return true;
    }

    LocatedJson& m_doc;
    const std::string& m_text;
    const std::size_t* m_consumed;
    std::size_t m_max_depth;
    Diagnostics& m_out;
    std::vector<Frame> m_stack;
    std::string m_pending_pointer;
    std::string m_pending_key;
    std::size_t m_prev_end = 0;
    bool m_failed = false;
};

std::optional<LocatedJson> LocatedJson::parse(std::string text, std::string file, Diagnostics& out,
                                              JsonLimits limits) {
    LocatedJson doc;
    doc.m_file = std::move(file);
    if (text.size() > limits.max_bytes) {
        out.add({doc.m_file, 0, 0, "", Severity::error,
                 "file is larger than " + std::to_string(limits.max_bytes / (1024 * 1024)) + " MiB: refusing to read it"});
        return std::nullopt;
    }
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
        out.add({doc.m_file, 1, 1, "", Severity::error, "file is empty: expected a JSON object"});
        return std::nullopt;
    }
    auto shared_text = std::make_shared<const std::string>(std::move(text));
    doc.m_text = shared_text;
    // Made before parsing, so that each duplicate key found on the way is located in the one
    // table, not by a scan of the whole text per key.
    doc.m_positions = std::make_shared<const TextPositions>(*doc.m_text);
    std::size_t consumed = 0;
    LocatingHandler handler(doc, *shared_text, &consumed, limits.max_depth, out);
    CountingIterator first(shared_text->data(), &consumed);
    CountingIterator last(shared_text->data() + shared_text->size(), &consumed);
    const bool ok = nlohmann::json::sax_parse(first, last, &handler, nlohmann::json::input_format_t::json, true);
    if (!ok || handler.failed()) {
        if (!handler.failed()) {
            out.add({doc.m_file, 0, 0, "", Severity::error, "not valid JSON"});
        }
        return std::nullopt;
    }
    return doc;
}

std::optional<LocatedJson> LocatedJson::load(const std::string& path, Diagnostics& out, JsonLimits limits) {
    std::optional<std::string> text;
    try {
        text = read_file_limited(path, limits.max_bytes);
    } catch (const IoError& e) {
        out.add({path, 0, 0, "", Severity::error, std::string(e.what()).substr(path.size() + 2)});
        return std::nullopt;
    }
    if (!text) {
        out.add({path, 0, 0, "", Severity::error,
                 "file is larger than " + std::to_string(limits.max_bytes / (1024 * 1024)) + " MiB: refusing to read it"});
        return std::nullopt;
    }
    return parse(std::move(*text), path, out, limits);
}

std::size_t LocatedJson::offset_of(const std::unordered_map<std::string, std::size_t>& table,
                                   const std::string& pointer) const {
    std::string at = pointer;
    while (true) {
        auto it = table.find(at);
        if (it != table.end()) return it->second;
        auto it_value = m_value_offsets.find(at);
        if (it_value != m_value_offsets.end()) return it_value->second;
        if (at.empty()) return 0;
        at.erase(at.rfind('/'));
    }
}

LineColumn LocatedJson::value_position(const std::string& pointer) const {
    if (!m_positions) return {};
    return m_positions->at(offset_of(m_value_offsets, pointer));
}

LineColumn LocatedJson::key_position(const std::string& pointer) const {
    if (!m_positions) return {};
    return m_positions->at(offset_of(m_key_offsets, pointer));
}

Diagnostic LocatedJson::error(const std::string& pointer, std::string message) const {
    const LineColumn at = value_position(pointer);
    return {m_file, at.line, at.column, pointer, Severity::error, std::move(message)};
}

Diagnostic LocatedJson::warning(const std::string& pointer, std::string message) const {
    const LineColumn at = value_position(pointer);
    return {m_file, at.line, at.column, pointer, Severity::warning, std::move(message)};
}

Diagnostic LocatedJson::key_error(const std::string& pointer, std::string message) const {
    const LineColumn at = m_positions ? m_positions->at(offset_of(m_key_offsets, pointer)) : LineColumn{};
    return {m_file, at.line, at.column, pointer, Severity::error, std::move(message)};
}

}  // namespace bran
