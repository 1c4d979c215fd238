// "N out of 100 people like you" as a picture: one shape per person, the affected ones first.
// Good and bad outcomes differ in shape and mark (tick in a circle, cross in a square), not only colour.
#pragma once
#include "app/gui/widgets/widgets.hpp"

namespace bran::gui {

void icon_array(const DrawContext& dc, int count, int denominator, bool good, float width);

}  // namespace bran::gui
