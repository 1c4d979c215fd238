// "N out of 100 people like you" as a picture: one shape per person, the affected ones first.
// Good and bad outcomes differ in shape and mark (tick in a circle, cross in a square), not only
// colour; everyone else is an outline circle. Icons grow with the text size. 1,000 people are
// drawn as ten blocks of 100, so a count can be read against the blocks.
#pragma once
#include "app/gui/widgets/widgets.hpp"

namespace bran::gui {

// The width the array takes at this text size when it has the room.
float icon_array_width(const DrawContext& dc, int denominator);

// Draws at most `width` wide (smaller icons when it must).
void icon_array(const DrawContext& dc, int count, int denominator, bool good, float width);

}  // namespace bran::gui
