// Counts the syllables of an English word from TeX-style hyphenation patterns (libhyphen with the
// hyphen-en-gb patterns), so that readability scores rest on a published word-division table rather
// than on guessing from vowel groups.
#pragma once
#include <string>
#include <string_view>

typedef struct _HyphenDict HyphenDict;

namespace bran {

// Debian's hyphen-en-gb puts the British English patterns here.
inline constexpr const char* default_hyphen_dictionary = "/usr/share/hyphen/hyph_en_GB.dic";

class HyphenSyllables {
public:
    // Loads a libhyphen pattern file; throws IoError when it cannot.
    explicit HyphenSyllables(const std::string& dictionary_path = default_hyphen_dictionary);
    ~HyphenSyllables();
    HyphenSyllables(const HyphenSyllables&) = delete;
    HyphenSyllables& operator=(const HyphenSyllables&) = delete;

    // Syllables in one word of letters (UTF-8; apostrophes and case are ignored): one more than the
    // number of places the patterns allow a break, with no minimum left or right fragment length,
    // so that "about" counts as a-bout. A word with no letters counts 0.
    int count(std::string_view word) const;

private:
    HyphenDict* m_dict = nullptr;
};

}  // namespace bran
