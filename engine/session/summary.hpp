// The summary in plain words: which options fit what the patient said mattered, and why.
// The window, the take-home summary and their tests all read these sentences from here.
#pragma once
#include "engine/audit/assessment.hpp"
#include "engine/content/aid.hpp"
#include "engine/i18n/catalog.hpp"
#include "engine/session/answers.hpp"
#include "engine/session/home_and_clinic.hpp"

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

// "in the next 13 years" / "yn ystod y 13 blynedd nesaf": an outcome's time frame in words.
std::string outcome_time_text(const Outcome& outcome, const Catalog& words);

// The name of a choice code: an option's name, or the words for unsure / defer.
std::string choice_name(const Aid& aid, const std::string& code, const Catalog& words);

}  // namespace bran
