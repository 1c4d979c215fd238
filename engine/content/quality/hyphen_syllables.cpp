#include "engine/content/quality/hyphen_syllables.hpp"

#include "engine/core/errors.hpp"

#include <hyphen.h>

#include <cctype>
#include <cstdlib>
#include <vector>

namespace bran {

HyphenSyllables::HyphenSyllables(const std::string& dictionary_path) {
    m_dict = hnj_hyphen_load(dictionary_path.c_str());
    if (!m_dict) {
        throw IoError("cannot load the hyphenation patterns " + dictionary_path +
                      " (Debian package hyphen-en-gb)");
    }
}

HyphenSyllables::~HyphenSyllables() {
    if (m_dict) hnj_hyphen_free(m_dict);
}

int HyphenSyllables::count(std::string_view word) const {
    // Lower-case ASCII letters and keep other letters' bytes; drop apostrophes (’ and ') so that
    // "don’t" is hyphenated as "dont".
    std::string letters;
    for (std::size_t i = 0; i < word.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(word[i]);
        if (word.compare(i, 3, "\xE2\x80\x99") == 0) {
            i += 2;
            continue;
        }
        if (c == '\'') continue;
        if (c < 0x80 && !std::isalpha(c)) continue;
        letters += static_cast<char>(c < 0x80 ? std::tolower(c) : c);
    }
    if (letters.empty()) return 0;
    // libhyphen refuses words of 100 bytes or more; no real word is that long.
    if (letters.size() > 90) letters.resize(90);
    const int size = static_cast<int>(letters.size());
    std::vector<char> hyphens(letters.size() + 5, '0');
    char** rep = nullptr;
    int* pos = nullptr;
    int* cut = nullptr;
    // Left and right minimum 1: a syllable count, unlike line breaking, wants every division.
    hnj_hyphen_hyphenate3(m_dict, letters.c_str(), size, hyphens.data(), nullptr, &rep, &pos, &cut, 1, 1, 1, 1);
    int breaks = 0;
    // An odd digit after byte i allows a break between byte i and the next; the last byte never breaks.
    for (int i = 0; i + 1 < size; ++i) {
        if (hyphens[static_cast<std::size_t>(i)] & 1) ++breaks;
    }
    if (rep) {
        for (int i = 0; i < size; ++i) std::free(rep[i]);
        std::free(rep);
    }
    std::free(pos);
    std::free(cut);
    return breaks + 1;
}

}  // namespace bran
