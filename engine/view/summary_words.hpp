// The summary in plain words: which options fit what the patient said mattered, and why.
// The window, the take-home summary and their tests all read these sentences from here.
#pragma once
#include "engine/decision/assessment.hpp"
#include "engine/content/aid.hpp"
#include "engine/i18n/catalog.hpp"
#include "engine/decision/answers.hpp"
#include "engine/decision/home_and_clinic.hpp"
#include "engine/decision/risk_scores.hpp"

#include <string>
#include <vector>

namespace bran {

// The verdict in words, the same on screen, read aloud and in the PDF: which option fits best
// (or which fit about equally), what points to it and what points away from it, each with the
// patient's rating and, for a criterion tied to an outcome, the difference in their numbers;
// then that this is what the answers point to, not what the patient should do. On paper the
// numbers follow at once as a table with pictures, so each point there names its rating only
// (PointNumbers::in_table), which keeps the verdict and its numbers on the first two pages.
enum class PointNumbers { in_each_point, in_table };
std::vector<std::string> fit_sentences(const Aid& aid, const Answers& answers, const Catalog& words,
                                       PointNumbers numbers = PointNumbers::in_each_point);

// "With “Take a blood thinner”, 31 fewer out of 1,000 people like you will have a stroke in the
// next year": `subject` against `other`, in the numbers shown.
std::string difference_sentence(const Aid& aid, const OutcomeNumbers& shown, const std::string& subject,
                                const std::string& other, const Catalog& words);

// The numbers under a values question tied to an outcome: each option's number, and for two
// options the difference between them.
std::vector<std::string> criterion_number_sentences(const Aid& aid, const OutcomeNumbers& shown, const Catalog& words);

// For an auditor: the option the answers fit, then each rating the verdict weighed, with the
// numbers behind it ("Lowering my chance of a stroke: Very much. “Take a blood thinner” 17 and
// “Don’t take a blood thinner” 48 out of 1,000, their own numbers.").
std::vector<std::string> verdict_basis(const Aid& aid, const Answers& answers, const Catalog& words);

// How the choice and the ratings moved since home, one sentence each ("At home you were leaning
// towards “Wait and see”. Now: “An operation”."), or one sentence saying nothing has changed.
std::vector<std::string> home_to_clinic_sentences(const Aid& aid, const HomeAndClinic& moves, const Catalog& words);

// One option's number for an outcome, as the screen, read-aloud and the PDF all say it: "17 out
// of 1,000 people like you will have a stroke in the next year". "Like you" only where the
// numbers are the patient's own, worked out from their answers; otherwise they are for "people".
// `denominator` (0: the outcome's own) is the one the figure shows the count out of.
std::string outcome_sentence(const OutcomeNumbers& shown, int count, const std::string& outcome_name,
                             const Catalog& words, int denominator = 0);

// The note above an outcome's numbers: they are the patient's own; or general until the
// questions about them are answered; or general whatever the answers (an outcome the aid has no
// personal numbers for); or general because the aid works out no personal numbers, and whom to ask.
std::string outcome_numbers_note(const Aid& aid, const OutcomeNumbers& shown, const Catalog& words);

// The name of a choice code: an option's name, or the words for unsure / defer.
std::string choice_name(const Aid& aid, const std::string& code, const Catalog& words);

}  // namespace bran
