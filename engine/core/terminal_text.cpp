#include "engine/core/terminal_text.hpp"

#include <cstdio>

namespace bran {

namespace {

constexpr const char* replacement_character = "\xEF\xBF\xBD";  // U+FFFD in UTF-8

std::string escaped(const char* format, unsigned value) {
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, format, value);
    return buffer;
}

bool is_continuation(unsigned char byte) { return (byte & 0xC0) == 0x80; }

// The length of the valid UTF-8 sequence starting at `at`, or 0 when it is not one
// (overlong forms, surrogates and code points past U+10FFFF are not valid).
std::size_t utf8_length(std::string_view text, std::size_t at) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[at + i]); };
    const unsigned char lead = byte(0);
    std::size_t length = 0;
    unsigned code_point = 0;
    if (lead >= 0xC2 && lead <= 0xDF) length = 2, code_point = lead & 0x1Fu;
    else if (lead >= 0xE0 && lead <= 0xEF) length = 3, code_point = lead & 0x0Fu;
    else if (lead >= 0xF0 && lead <= 0xF4) length = 4, code_point = lead & 0x07u;
    else return 0;
    if (at + length > text.size()) return 0;
    for (std::size_t i = 1; i < length; ++i) {
        if (!is_continuation(byte(i))) return 0;
        code_point = (code_point << 6) | (byte(i) & 0x3Fu);
    }
    const bool overlong = (length == 3 && code_point < 0x800) || (length == 4 && code_point < 0x10000);
    const bool surrogate = code_point >= 0xD800 && code_point <= 0xDFFF;
    if (overlong || surrogate || code_point > 0x10FFFF) return 0;
    return length;
}

}  // namespace

std::string terminal_safe(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t at = 0; at < text.size();) {
        const auto lead = static_cast<unsigned char>(text[at]);
        if (lead < 0x20 || lead == 0x7F) {
            out += escaped("\\x%02x", lead);
            ++at;
        } else if (lead < 0x80) {
            out += text[at++];
        } else if (const std::size_t length = utf8_length(text, at); length == 0) {
            out += replacement_character;
            ++at;
        } else if (lead == 0xC2 && static_cast<unsigned char>(text[at + 1]) < 0xA0) {
            // U+0080 to U+009F: the C1 controls, CSI (U+009B) among them.
            out += escaped("\\u%04x", static_cast<unsigned char>(text[at + 1]));
            at += 2;
        } else {
            out.append(text, at, length);
            at += length;
        }
    }
    return out;
}

}  // namespace bran
