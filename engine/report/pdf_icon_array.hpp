// The icon array of the outcomes screen, drawn for print: one shape per person, the affected
// first. Good and bad differ in shape as well as colour (a circle with a tick, a square with a
// cross), so the figure still reads in black and white and for colour-blind readers.
#pragma once
#include <cairo.h>

namespace bran {

struct IconArrayGeometry {
    int columns = 10;
    int rows = 10;
    double cell = 10;  // points per person, side of the square each shape sits in
    double width() const { return cell * columns; }
    double height() const { return cell * rows; }
};

// 10 columns for 100 people, 50 for 1000 (as on screen), cells as large as `width` allows up
// to `max_cell`.
IconArrayGeometry icon_array_geometry(int denominator, double width, double max_cell);

void draw_icon_array(cairo_t* cr, double x, double y, const IconArrayGeometry& geometry, int count, int denominator, bool good);

}  // namespace bran
