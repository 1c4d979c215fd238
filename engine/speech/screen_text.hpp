// A view as plain sentences for reading aloud: the same words the window draws, in the same
// order, without the symbols that only decorate (ticks, arrows, curly quotes, bullets).
#pragma once
#include "engine/view/screen_view.hpp"

#include <string>
#include <vector>

namespace bran {

// One sentence or short item per entry: each block in order, then where the patient is. An
// answer is read as its number key says it ("1: Not at all."); the options grid a row at a
// time, each answer after its option's name, so a listener knows which option it belongs to; a
// staff table likewise, each cell after its column's heading. A PIN typed is never read.
std::vector<std::string> spoken_lines(const ScreenView& view);

// The lines of one block alone (the window's drawing is checked against these, block by block).
std::vector<std::string> spoken_lines(const Block& block);

// spoken_lines joined by newlines: what the speaker is given.
std::string spoken_text(const ScreenView& view);

// One piece of screen text made ready for speech: decorative symbols removed, spaces collapsed,
// and a full stop added where a heading or label has no closing punctuation. Empty if nothing is left.
std::string speakable(const std::string& text);

}  // namespace bran
