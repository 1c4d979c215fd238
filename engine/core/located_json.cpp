#include "engine/core/located_json.hpp"

#include "engine/core/errors.hpp"
#include "engine/core/files.hpp"

#include <iterator>
#include <string_view>
#include <utility>
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

const nlohmann::json* find_pointer(const nlohmann::json& root, const std::string& pointer) {
    try {
        const nlohmann::json::json_pointer p(pointer);
        return root.contains(p) ? &root.at(p) : nullptr;
    } catch (const nlohmann::json::exception&) {
        return nullptr;
    }
}

namespace {

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool starts_code_point(char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }

// The text as the parser reads it, a piece at a time, knowing the line and column of each byte
// and where the token being read began. The parser reports a token only once it has read past
// it, so the handler asks the cursor where that token started.
class Cursor {
public:
    using Source = std::function<std::string_view()>;  // the next piece; empty at the end
    Cursor(Source source, std::size_t budget) : m_source(std::move(source)), m_budget(budget) {}

    bool at_end() {
        if (m_index == m_piece.size()) {
            m_piece = m_source();
            m_index = 0;
        }
        if (m_piece.empty()) return true;
        if (m_offset - m_mark >= m_budget) {
            m_over_budget = true;
            return true;
        }
        return false;
    }
    const char& current() const { return m_piece[m_index]; }
    void advance() {
        const char c = m_piece[m_index++];
        ++m_offset;
        m_last = m_next;
        if (!is_blank(c)) m_any_text = true;
        if (m_waiting && !is_blank(c) && c != ',' && c != ':') {
            m_token_start = m_next;
            m_waiting = false;
        }
        if (c == '\n') {
            ++m_next.line;
            m_next.column = 1;
        } else if (starts_code_point(c)) {
            ++m_next.column;  // continuation bytes belong to the code point before them
        }
    }

    // Where the token just reported began; the search for the next one starts after it.
    LineColumn take_token_start() {
        const LineColumn at = m_waiting ? m_last : m_token_start;
        m_waiting = true;
        return at;
    }
    // Where a syntax error is: the start of an unexpected token, or the byte that broke a token,
    // or the end of the text when that came too soon (`bytes_read` counts the end as one more).
    LineColumn error_position(bool unexpected_token, std::size_t bytes_read) const {
        if (unexpected_token && !m_waiting) return m_token_start;
        return bytes_read > m_offset ? m_next : m_last;
    }
    // The byte budget counts from here.
    void mark() { m_mark = m_offset; }
    bool over_budget() const { return m_over_budget; }
    bool any_text() const { return m_any_text; }

private:
    Source m_source;
    std::string_view m_piece;
    std::size_t m_index = 0;
    std::size_t m_offset = 0;
    std::size_t m_mark = 0;
    std::size_t m_budget;
    LineColumn m_next;
    LineColumn m_last;
    LineColumn m_token_start;
    bool m_waiting = true;
    bool m_over_budget = false;
    bool m_any_text = false;
};

// The input iterator nlohmann's parser reads through; a default one is the end.
class CursorIterator {
public:
    using iterator_category = std::input_iterator_tag;
    using value_type = char;
    using difference_type = std::ptrdiff_t;
    using pointer = const char*;
    using reference = const char&;

    CursorIterator() = default;
    explicit CursorIterator(Cursor* cursor) : m_cursor(cursor) {}
    reference operator*() const { return m_cursor->current(); }
    CursorIterator& operator++() {
        m_cursor->advance();
        return *this;
    }
    CursorIterator operator++(int) {
        CursorIterator before = *this;
        ++*this;
        return before;
    }
    bool operator==(const CursorIterator& other) const { return ended() == other.ended(); }
    bool operator!=(const CursorIterator& other) const { return !(*this == other); }

private:
    bool ended() const { return m_cursor == nullptr || m_cursor->at_end(); }
    Cursor* m_cursor = nullptr;
};

std::string describe_parse_error(const std::string& what) {
    // nlohmann's text: "[json.exception.parse_error.101] parse error at line 1, column 5: syntax error
    // while parsing value - invalid literal; last read: 'tru,'". Keep what a person can act on.
    auto dash = what.find(" - ");
    std::string reason = dash == std::string::npos ? what : what.substr(dash + 3);
    if (auto last = reason.find("; last read:"); last != std::string::npos) reason.erase(last);
    return "not valid JSON: " + reason;
}

std::string mebibytes(std::size_t bytes) {
    if (bytes % (1024 * 1024) != 0) return std::to_string(bytes) + " bytes";
    return std::to_string(bytes / (1024 * 1024)) + " MiB";
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

    LocatingHandler(LocatedJson& doc, Cursor& cursor, JsonLimits limits, std::optional<std::string> streamed,
                    const LocatedJson::ElementSink* sink, Diagnostics& out)
        : m_doc(doc), m_cursor(cursor), m_limits(limits), m_streamed(std::move(streamed)), m_sink(sink), m_out(out) {}

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
        const LineColumn start = m_cursor.take_token_start();
        Frame& top = m_stack.back();
        m_pending_pointer = pointer_append(top.pointer, k);
        if (top.node->contains(k)) {
            top.doc->m_key_positions[m_pending_pointer] = start;
            m_out.add(top.doc->key_error(m_pending_pointer, "duplicate key \"" + k + "\": keep only one"));
        }
        m_pending_key = k;
        top.doc->m_key_positions.emplace(m_pending_pointer, start);
        return true;
    }

    bool parse_error(std::size_t bytes_read, const std::string&, const nlohmann::detail::exception& ex) {
        m_failed = true;
        if (m_cursor.over_budget()) {
            const bool in_element = m_element_open;
            const std::string what = in_element ? "this entry" : m_streamed ? "the file outside its entries" : "file";
            const LocatedJson& doc = in_element ? m_element : m_doc;
            Diagnostic too_large = in_element ? doc.error(doc.root_pointer(), "") : Diagnostic{m_doc.m_file, 0, 0, "", Severity::error, ""};
            too_large.message = what + " is larger than " + mebibytes(m_limits.max_bytes) + ": refusing to read it";
            m_out.add(too_large);
        } else if (!m_cursor.any_text()) {
            m_out.add({m_doc.m_file, 1, 1, "", Severity::error, "file is empty: expected a JSON object"});
        } else {
            const bool unexpected = std::string(ex.what()).find(" - unexpected ") != std::string::npos;
            const LineColumn at = m_cursor.error_position(unexpected, bytes_read);
            m_out.add({m_doc.m_file, at.line, at.column, "", Severity::error, describe_parse_error(ex.what())});
        }
        return false;
    }

    bool failed() const { return m_failed; }

    static std::optional<LocatedJson> read(Cursor::Source source, std::string file, std::optional<std::string> streamed,
                                           const LocatedJson::ElementSink* sink, Diagnostics& out, JsonLimits limits) {
        LocatedJson doc;
        doc.m_file = std::move(file);
        Cursor cursor(std::move(source), limits.max_bytes);
        LocatingHandler handler(doc, cursor, limits, std::move(streamed), sink, out);
        const bool ok = nlohmann::json::sax_parse(CursorIterator(&cursor), CursorIterator(), &handler,
                                                  nlohmann::json::input_format_t::json, true);
        if (!ok || handler.failed()) {
            if (!handler.failed()) out.add({doc.m_file, 0, 0, "", Severity::error, "not valid JSON"});
            return std::nullopt;
        }
        return doc;
    }

private:
    struct Frame {
        LocatedJson* doc;  // the document this container belongs to
        json* node;
        std::string pointer;
        std::size_t items = 0;
        bool streams = false;  // its elements are handed over one at a time, not kept
    };

    // Places a new value in its parent and records where it starts.
    std::pair<json*, LocatedJson*> place(json value, LineColumn start, std::string& pointer_out) {
        json* placed = nullptr;
        LocatedJson* doc = &m_doc;
        if (m_stack.empty()) {
            pointer_out = "";
            m_doc.m_root = std::move(value);
            placed = &m_doc.m_root;
        } else if (Frame& top = m_stack.back(); top.node->is_array()) {
            pointer_out = pointer_append(top.pointer, top.items++);
            if (top.streams) {
                m_element = LocatedJson{};
                m_element.m_file = m_doc.m_file;
                m_element.m_root_pointer = pointer_out;
                m_element.m_root = std::move(value);
                m_element_open = true;
                m_cursor.mark();
                placed = &m_element.m_root;
                doc = &m_element;
            } else {
                top.node->push_back(std::move(value));
                placed = &top.node->back();
                doc = top.doc;
            }
        } else {
            pointer_out = m_pending_pointer;
            placed = &((*top.node)[m_pending_key] = std::move(value));
            doc = top.doc;
        }
        doc->m_value_positions[pointer_out] = start;
        return {placed, doc};
    }

    bool scalar(json value) {
        std::string pointer;
        place(std::move(value), m_cursor.take_token_start(), pointer);
        if (!m_stack.empty() && m_stack.back().streams) hand_over();
        return true;
    }

    bool open(json container) {
        const LineColumn start = m_cursor.take_token_start();
        if (m_stack.size() >= m_limits.max_depth) {
            m_out.add({m_doc.m_file, start.line, start.column, "", Severity::error,
                       "nested deeper than " + std::to_string(m_limits.max_depth) + " levels: flatten the structure"});
            m_failed = true;
            return false;
        }
        std::string pointer;
        auto [placed, doc] = place(std::move(container), start, pointer);
        const bool streams = m_streamed && doc == &m_doc && pointer == *m_streamed && placed->is_array();
        m_stack.push_back({doc, placed, pointer, 0, streams});
        return true;
    }

    bool close() {
        m_cursor.take_token_start();
        m_stack.pop_back();
        if (!m_stack.empty() && m_stack.back().streams) hand_over();
        return true;
    }

    void hand_over() {
        (*m_sink)(m_element);
        m_element = LocatedJson{};
        m_element_open = false;
        m_cursor.mark();
    }

    LocatedJson& m_doc;
    Cursor& m_cursor;
    JsonLimits m_limits;
    std::optional<std::string> m_streamed;
    const LocatedJson::ElementSink* m_sink;
    Diagnostics& m_out;
    LocatedJson m_element;
    bool m_element_open = false;
    std::vector<Frame> m_stack;
    std::string m_pending_pointer;
    std::string m_pending_key;
    bool m_failed = false;
};

std::optional<LocatedJson> LocatedJson::parse(const std::string& text, std::string file, Diagnostics& out,
                                              JsonLimits limits) {
    if (text.size() > limits.max_bytes) {
        out.add({file, 0, 0, "", Severity::error, "file is larger than " + mebibytes(limits.max_bytes) + ": refusing to read it"});
        return std::nullopt;
    }
    bool given = false;
    auto source = [&]() -> std::string_view {
        if (given) return {};
        given = true;
        return text;
    };
    return LocatingHandler::read(source, std::move(file), std::nullopt, nullptr, out, limits);
}

namespace {
// An IoError says "PATH: what"; a diagnostic names the file once.
std::string without_path(const IoError& e, const std::string& path) {
    const std::string what = e.what();
    return what.rfind(path + ": ", 0) == 0 ? what.substr(path.size() + 2) : what;
}
}  // namespace

std::optional<LocatedJson> LocatedJson::load(const std::string& path, Diagnostics& out, JsonLimits limits) {
    std::optional<std::string> text;
    try {
        text = read_file_limited(path, limits.max_bytes);
    } catch (const IoError& e) {
        out.add({path, 0, 0, "", Severity::error, without_path(e, path)});
        return std::nullopt;
    }
    if (!text) {
        out.add({path, 0, 0, "", Severity::error, "file is larger than " + mebibytes(limits.max_bytes) + ": refusing to read it"});
        return std::nullopt;
    }
    return parse(*text, path, out, limits);
}

std::optional<LocatedJson> LocatedJson::stream(const std::string& path, const std::string& streamed,
                                               const ElementSink& on_element, Diagnostics& out, JsonLimits limits) {
    try {
        FileChunks file(path);
        return LocatingHandler::read([&file] { return file.next(); }, path, streamed, &on_element, out, limits);
    } catch (const IoError& e) {
        out.add({path, 0, 0, "", Severity::error, without_path(e, path)});
        return std::nullopt;
    }
}

const nlohmann::json* LocatedJson::find(const std::string& pointer) const {
    if (m_root_pointer.empty()) return find_pointer(m_root, pointer);
    if (pointer.compare(0, m_root_pointer.size(), m_root_pointer) != 0) return nullptr;
    const std::string rest = pointer.substr(m_root_pointer.size());
    if (!rest.empty() && rest.front() != '/') return nullptr;
    return find_pointer(m_root, rest);
}

LineColumn LocatedJson::position_in(const std::unordered_map<std::string, LineColumn>& table,
                                    const std::string& pointer) const {
    std::string at = pointer;
    while (true) {
        if (auto it = table.find(at); it != table.end()) return it->second;
        if (auto it = m_value_positions.find(at); it != m_value_positions.end()) return it->second;
        const std::size_t slash = at.rfind('/');
        if (at.empty() || slash == std::string::npos) return {};
        at.erase(slash);
    }
}

LineColumn LocatedJson::value_position(const std::string& pointer) const { return position_in(m_value_positions, pointer); }

LineColumn LocatedJson::key_position(const std::string& pointer) const { return position_in(m_key_positions, pointer); }

Diagnostic LocatedJson::error(const std::string& pointer, std::string message) const {
    const LineColumn at = value_position(pointer);
    return {m_file, at.line, at.column, pointer, Severity::error, std::move(message)};
}

Diagnostic LocatedJson::warning(const std::string& pointer, std::string message) const {
    const LineColumn at = value_position(pointer);
    return {m_file, at.line, at.column, pointer, Severity::warning, std::move(message)};
}

Diagnostic LocatedJson::key_error(const std::string& pointer, std::string message) const {
    const LineColumn at = key_position(pointer);
    return {m_file, at.line, at.column, pointer, Severity::error, std::move(message)};
}

}  // namespace bran
