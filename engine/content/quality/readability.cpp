#include "engine/content/quality/readability.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <vector>

namespace bran {

namespace {

// One code point decoded from UTF-8, with its length in bytes; malformed bytes count as one
// non-letter (aids are checked as valid UTF-8 before this runs).
struct CodePoint {
    std::uint32_t value = 0;
    std::size_t length = 1;
};

CodePoint decode(std::string_view text, std::size_t at) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char lead = byte(at);
    std::size_t length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    if (at + length > text.size()) return {0xFFFD, 1};
    std::uint32_t value = length == 1 ? lead : lead & (0xFF >> (length + 1));
    for (std::size_t i = 1; i < length; ++i) value = (value << 6) | (byte(at + i) & 0x3F);
    return {value, length};
}

// Latin letters, including the accented ones of Welsh and of borrowed words; not × or ÷.
bool is_letter(std::uint32_t c) {
    if (c < 0x80) return std::isalpha(static_cast<int>(c)) != 0;
    return c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7;
}
bool is_digit(std::uint32_t c) { return c >= '0' && c <= '9'; }
bool is_apostrophe(std::uint32_t c) { return c == '\'' || c == 0x2019; }
bool is_space(std::uint32_t c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0; }

const char* const ones[] = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                            "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
                            "seventeen", "eighteen", "nineteen"};
const char* const tens[] = {"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};

// British style: "one hundred and five".
std::string below_thousand(unsigned n) {
    std::string out;
    if (n >= 100) {
        out = std::string(ones[n / 100]) + " hundred";
        n %= 100;
        if (n == 0) return out;
        out += " and ";
    }
    if (n < 20) return out + ones[n];
    out += tens[n / 10];
    if (n % 10) out += std::string(" ") + ones[n % 10];
    return out;
}

std::string whole_in_words(unsigned long long n) {
    if (n == 0) return "zero";
    static const std::pair<unsigned long long, const char*> scales[] = {
        {1000000000ULL, "billion"}, {1000000ULL, "million"}, {1000ULL, "thousand"}};
    std::string out;
    for (const auto& [scale, name] : scales) {
        if (n >= scale) {
            if (!out.empty()) out += ' ';
            out += whole_in_words(n / scale) + " " + name;
            n %= scale;
        }
    }
    if (n > 0) {
        if (!out.empty()) out += n < 100 ? " and " : " ";
        out += below_thousand(static_cast<unsigned>(n));
    }
    return out;
}

int word_syllables(std::string_view word, const SyllableCounter& syllables) {
    // A hyphenated word: the syllables of its parts. A token with digits in it (e.g. "CHA2DS2"):
    // the syllables of its letters.
    int total = 0;
    std::size_t start = 0;
    while (start <= word.size()) {
        const std::size_t end = std::min(word.find('-', start), word.size());
        const std::string_view part = word.substr(start, end - start);
        const bool all_digits = !part.empty() && std::all_of(part.begin(), part.end(), [](char c) {
            return std::isdigit(static_cast<unsigned char>(c)) || c == ',' || c == '.';
        });
        if (all_digits) {
            const std::string words = number_in_words(part);
            std::size_t w = 0;
            while (w < words.size()) {
                const std::size_t space = std::min(words.find(' ', w), words.size());
                total += syllables(std::string_view(words).substr(w, space - w));
                w = space + 1;
            }
        } else if (!part.empty()) {
            total += syllables(part);
        }
        start = end + 1;
    }
    return std::max(total, 1);
}

}  // namespace

TextCounts& TextCounts::operator+=(const TextCounts& other) {
    sentences += other.sentences;
    words += other.words;
    syllables += other.syllables;
    return *this;
}

std::string number_in_words(std::string_view digits) {
    std::string whole, fraction;
    bool after_point = false;
    for (char c : digits) {
        if (c == '.') after_point = true;
        else if (std::isdigit(static_cast<unsigned char>(c))) (after_point ? fraction : whole) += c;
    }
    std::string out;
    if (whole.size() > 15) {
        // Too long to be a quantity (a reference number, say): read digit by digit.
        for (char c : whole) out += std::string(out.empty() ? "" : " ") + ones[c - '0'];
    } else {
        out = whole_in_words(whole.empty() ? 0 : std::stoull(whole));
    }
    if (!fraction.empty()) {
        out += " point";
        for (char c : fraction) out += std::string(" ") + ones[c - '0'];
    }
    return out;
}

TextCounts count_text(std::string_view text, const SyllableCounter& syllables) {
    TextCounts counts;
    bool words_in_sentence = false;
    std::size_t i = 0;
    while (i < text.size()) {
        const CodePoint c = decode(text, i);
        if (is_letter(c.value) || is_digit(c.value)) {
            // A word: letters, digits, and apostrophes, hyphens, commas or points between them
            // (commas and points only between digits: "1,250", "1.9").
            std::string word;
            std::size_t j = i;
            while (j < text.size()) {
                const CodePoint d = decode(text, j);
                if (is_letter(d.value) || is_digit(d.value)) {
                    word.append(text.substr(j, d.length));
                    j += d.length;
                    continue;
                }
                if (j + d.length >= text.size()) break;
                const CodePoint next = decode(text, j + d.length);
                const bool joins = (is_apostrophe(d.value) && is_letter(next.value)) ||
                                   (d.value == '-' && (is_letter(next.value) || is_digit(next.value))) ||
                                   ((d.value == ',' || d.value == '.') && is_digit(next.value) && !word.empty() &&
                                    std::isdigit(static_cast<unsigned char>(word.back())));
                if (!joins) break;
                if (!is_apostrophe(d.value)) word += static_cast<char>(d.value);
                else word += '\'';
                j += d.length;
            }
            ++counts.words;
            counts.syllables += word_syllables(word, syllables);
            words_in_sentence = true;
            i = j;
            continue;
        }
        if (c.value == '%') {
            // "per cent": two words of one syllable each.
            counts.words += 2;
            counts.syllables += 2;
            words_in_sentence = true;
        } else if ((c.value == '.' || c.value == '!' || c.value == '?') && words_in_sentence) {
            // The end of a sentence unless a lower-case letter follows after white space ("e.g. aspirin").
            std::size_t j = i + c.length;
            while (j < text.size() && (text[j] == '.' || text[j] == '!' || text[j] == '?')) ++j;
            std::size_t k = j;
            bool spaced = false;
            while (k < text.size() && is_space(decode(text, k).value)) {
                k += decode(text, k).length;
                spaced = true;
            }
            const bool at_end = k >= text.size();
            const bool lower_next = !at_end && std::islower(static_cast<unsigned char>(text[k]));
            if (at_end || (spaced && !lower_next)) {
                ++counts.sentences;
                words_in_sentence = false;
            }
            i = j;
            continue;
        }
        i += c.length;
    }
    if (words_in_sentence) ++counts.sentences;
    return counts;
}

double flesch_kincaid_grade(const TextCounts& counts) {
    if (counts.words == 0 || counts.sentences == 0) return 0.0;
    return 0.39 * counts.words / counts.sentences + 11.8 * counts.syllables / counts.words - 15.59;
}

double reading_age(const TextCounts& counts) {
    return std::max(5.0, flesch_kincaid_grade(counts) + 5.0);
}

}  // namespace bran
