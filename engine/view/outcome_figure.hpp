// One outcome's numbers as a picture for every option, as the outcome pages, the summary and the
// printed summary all show them.
#pragma once
#include "engine/content/aid.hpp"
#include "engine/decision/risk_scores.hpp"
#include "engine/i18n/catalog.hpp"
#include "engine/view/screen_view.hpp"

namespace bran {

// Each option's sentence and count out of the outcome's denominator. An outcome counted out of
// 1,000 is shown out of 100 where every option's count is a whole number out of 100 (a picture
// of 100 people is far easier to take in); otherwise out of 1,000, so no difference is rounded away.
// With `counts_only`, each option's words are its count alone ("17 out of 1,000 people like
// you"), and the figure has no key of its own: for the summary, where each figure has a title
// and all share one key.
FigureBlock outcome_figure(const Aid& aid, const OutcomeNumbers& shown, const Catalog& words, bool counts_only = false);

// The numbers a patient's answers gave, in words: "Worked out from your answers: Stroke risk score
// (CHA2DS2-VASc) 4, Bleeding risk score (HAS-BLED) 1." Empty for an aid without personal numbers
// or before any score is known.
std::string scores_sentence(const Aid& aid, const std::map<std::string, ScoreResult>& scores, const Catalog& words);

}  // namespace bran
