// The summary of one session: what was agreed or where the patient is leaning, their own words,
// which options fit what they said and why, their numbers as pictures, their ratings, and how
// sure they feel. The window's summary page shows it and the take-home PDF prints it first.
#pragma once
#include "engine/content/aid.hpp"
#include "engine/decision/answers.hpp"
#include "engine/decision/home_and_clinic.hpp"
#include "engine/i18n/catalog.hpp"
#include "engine/view/screen_view.hpp"

namespace bran {

struct SummaryInput {
    const Aid& aid;
    const Answers& answers;
    const Catalog& words;
    // How the answers moved since home; shown when not null.
    const HomeAndClinic* moves_since_home = nullptr;
};

// On paper the document has its own title, and says so where the patient wrote nothing.
enum class SummaryFor { screen, paper };

ScreenView summary_view(const SummaryInput& in, SummaryFor use);

// The outcomes whose numbers the verdict weighed (those a value question is tied to), in the
// aid's order; every outcome where no question is tied to one.
std::vector<const Outcome*> outcomes_weighed(const Aid& aid);

}  // namespace bran
