// The summary in plain words: which options fit what the patient said mattered, and why.
// The window, the take-home summary and their tests all read these sentences from here.
#pragma once
#include "engine/audit/assessment.hpp"
#include "engine/content/aid.hpp"
#include "engine/i18n/catalog.hpp"
#include "engine/session/answers.hpp"
#include "engine/session/home_and_clinic.hpp"
#include "engine/session/risk_scores.hpp"

#include <string>
#include <vector>

namespace bran {

// The criteria behind the best fit: those the patient rated 3 or 4 that the favoured option
// serves (supports > 0), strongest first, at most three.
std::vector<const Criterion*> fit_reasons(const Aid& aid, const Answers& answers, const Assessment& assessment);

// One or two sentences, e.g. "From what you told us, “Wait and see” fits best with what matters
// to you. This is because you said that avoiding an operation matters a lot to you."
std::vector<std::string> fit_sentences(const Aid& aid, const Answers& answers, const Catalog& words);

// How the choice and the ratings moved since home, one sentence each ("At home you were leaning
// towards “Wait and see”. Now: “An operation”."), or one sentence saying nothing has changed.
std::vector<std::string> home_to_clinic_sentences(const Aid& aid, const HomeAndClinic& moves, const Catalog& words);

// One option's number for an outcome, as the screen, read-aloud and the PDF all say it: "17 out
// of 1,000 people like you will have a stroke in the next year". "Like you" is said where the
// numbers are the patient's own, or where the aid has no personal numbers (its numbers are then
// for the people it is written for); an aid's general numbers, before the patient has answered
// the questions about themselves, are for "people", as the note above them says.
std::string outcome_sentence(const Aid& aid, const OutcomeNumbers& shown, int count, const std::string& outcome_name,
                             const Catalog& words);

// The note above an outcome's numbers in an aid with personal numbers: they are the patient's
// own; or general until the questions about them are answered; or general whatever the answers
// (an outcome the aid has no personal numbers for). Empty for an aid without personal numbers.
std::string outcome_numbers_note(const Aid& aid, const OutcomeNumbers& shown, const Catalog& words);

// The name of a choice code: an option's name, or the words for unsure / defer.
std::string choice_name(const Aid& aid, const std::string& code, const Catalog& words);

}  // namespace bran
