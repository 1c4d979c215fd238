// Reading age of English text by the Flesch–Kincaid grade level, with syllables counted from
// hyphenation patterns.
#pragma once
#include <functional>
#include <string>
#include <string_view>

namespace bran {

// Counts of one text, or of many added together (the whole aid's reading age pools its texts).
struct TextCounts {
    int sentences = 0;
    int words = 0;
    int syllables = 0;

    TextCounts& operator+=(const TextCounts& other);
};

// Syllables in one word (letters only); HyphenSyllables::count in production.
using SyllableCounter = std::function<int(std::string_view word)>;

// Splits text into sentences and words and counts syllables.
// - A sentence ends at '.', '!' or '?' followed by the end of the text, or by white space and then
//   something that is not a lower-case letter (so "e.g. aspirin" and "1.9" do not end one); a text
//   with words but no such ending is one sentence (a label such as "Take a blood thinner").
// - A word is a run of letters, digits, apostrophes and inner hyphens; a hyphenated word is one word
//   whose syllables are those of its parts ("side-effects" = side + effects).
// - A number counts as one word with the syllables of how it is read aloud ("100" = one hun-dred = 3).
TextCounts count_text(std::string_view text, const SyllableCounter& syllables);

// Flesch–Kincaid grade level (Kincaid JP, Fishburne RP, Rogers RL, Chissom BS. Derivation of new
// readability formulas (Automated Readability Index, Fog Count and Flesch Reading Ease Formula) for
// Navy enlisted personnel. Research Branch Report 8-75. Millington, TN: Naval Technical Training
// Command; 1975):  0.39 × words/sentences + 11.8 × syllables/words − 15.59.
// Chosen over SMOG (McLaughlin GH. SMOG grading: a new readability formula. J Reading 1969;12:639-46)
// because SMOG was calibrated on samples of 30 sentences and counts only words of three or more
// syllables, so on the one- to five-sentence texts of an aid a single long word swings it by several
// grades, and it cannot see sentence length, the first thing an author is asked to fix. 0 for no words.
double flesch_kincaid_grade(const TextCounts& counts);

// A US school grade is read by children of about grade + 5 years (grade 1 at age 6), the usual
// conversion to the UK's reading age. Never below 5: a grade below 0 means "very easy", not an age.
double reading_age(const TextCounts& counts);

// The NHS Scotland target reading age for patient information.
inline constexpr double target_reading_age = 11.0;

// Spells a whole number (or a decimal, digit by digit after "point") as English words,
// e.g. "1,250" → "one thousand two hundred and fifty"; for counting the syllables of numbers.
std::string number_in_words(std::string_view digits);

}  // namespace bran
