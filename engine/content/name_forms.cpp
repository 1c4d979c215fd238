#include "engine/content/name_forms.hpp"

namespace bran {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_lowercase(char c) { return c >= 'a' && c <= 'z'; }
bool is_uppercase(char c) { return c >= 'A' && c <= 'Z'; }
bool is_label_character(char c) { return is_digit(c) || is_lowercase(c) || is_uppercase(c) || c == '.' || c == '-'; }

// One numeric field of a version at `position`: "0" or digits not starting with 0. Moves past it.
bool read_version_number(const std::string& text, std::size_t& position) {
    if (position >= text.size() || !is_digit(text[position])) return false;
    if (text[position++] == '0') return true;  // a following digit is then refused by what comes next
    while (position < text.size() && is_digit(text[position])) ++position;
    return true;
}

// "-PRERELEASE" or "+BUILD" when `text` has `marker` at `position`: one or more label characters, up to
// the next '+' or the end. Says false only for a marker with nothing valid after it.
bool read_optional_label(const std::string& text, char marker, std::size_t& position) {
    if (position >= text.size() || text[position] != marker) return true;
    const std::size_t start = ++position;
    while (position < text.size() && is_label_character(text[position])) ++position;
    return position > start;
}

}  // namespace

bool is_content_id(const std::string& text) {
    if (text.empty() || text.size() > max_id_length || text.front() == '-' || text.back() == '-') return false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '-' ? text[i - 1] == '-' : !(is_lowercase(c) || is_digit(c))) return false;
    }
    return true;
}

bool is_semantic_version(const std::string& text) {
    std::size_t position = 0;
    for (int field = 0; field < 3; ++field) {
        if (field > 0 && (position >= text.size() || text[position++] != '.')) return false;
        if (!read_version_number(text, position)) return false;
    }
    return read_optional_label(text, '-', position) && read_optional_label(text, '+', position) &&
           position == text.size();
}

bool is_locale_tag(const std::string& text) {
    std::size_t language = 0;
    while (language < text.size() && language < 4 && is_lowercase(text[language])) ++language;
    if (language < 2 || language > 3) return false;
    if (text.size() == language) return true;
    return text.size() == language + 3 && text[language] == '-' && is_uppercase(text[language + 1]) &&
           is_uppercase(text[language + 2]);
}

}  // namespace bran
