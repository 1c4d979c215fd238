// What the current screen says, as plain sentences for reading aloud: the same words the window
// draws, in the same order, without the symbols that only decorate (ticks, arrows, curly quotes).
#pragma once
#include "engine/i18n/catalog.hpp"
#include "engine/session/app_model.hpp"
#include "engine/session/walkthrough.hpp"

#include <optional>
#include <string>
#include <vector>

namespace bran {

// The whole screen the model shows, one sentence or short item per line: a notice first, then the
// screen's own text; in a walk-through, the step's words and then where the patient is ("Step 4 of
// 11: What may happen (2 of 5)"). With now (the model's clock) the kiosk's "Are you still there?"
// prompt is read with its countdown; without it, only its heading and button.
std::string screen_text(const AppModel& model, const Catalog& words, std::optional<double> now = std::nullopt);

// The current step's words alone, as sentences (no notice, no progress line).
std::vector<std::string> step_sentences(const Walkthrough& walk, const Catalog& words);

// The home screen's words: heading, introduction and each aid with its number key.
std::vector<std::string> home_sentences(const Library& library, const std::string& locale, const Catalog& words);

// One piece of screen text made ready for speech: decorative symbols removed, spaces collapsed,
// and a full stop added where a heading or label has no closing punctuation. Empty if nothing is left.
std::string speakable(const std::string& text);

}  // namespace bran
