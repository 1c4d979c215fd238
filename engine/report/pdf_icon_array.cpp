#include "engine/report/pdf_icon_array.hpp"

#include "engine/report/pdf_layout.hpp"

#include <algorithm>
#include <cmath>

namespace bran {

IconArrayGeometry icon_array_geometry(int denominator, double width, double max_cell) {
    IconArrayGeometry g;
    g.columns = denominator == 1000 ? 40 : 10;
    g.rows = (std::max(denominator, 1) + g.columns - 1) / g.columns;
    g.cell = std::max(2.0, std::min(width / g.columns, max_cell));
    return g;
}

void draw_icon_array(cairo_t* cr, double x, double y, const IconArrayGeometry& g, int count, int denominator, bool good) {
    const double radius = g.cell * 0.4;
    const double line = std::max(0.35, g.cell * 0.08);
    // Below this size a tick or a cross is a smudge; the shapes alone still tell good from bad.
    const bool marks = g.cell >= 7.0;
    const Rgb fill = good ? ink::good : ink::bad;
    cairo_save(cr);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    for (int i = 0; i < denominator; ++i) {
        // Row by row from the top left, so the affected people read as one block.
        const int row = i / g.columns, column = i % g.columns;
        const double cx = x + (column + 0.5) * g.cell, cy = y + (row + 0.5) * g.cell;
        cairo_new_path(cr);
        if (i >= count) {
            cairo_set_source_rgb(cr, ink::empty.r, ink::empty.g, ink::empty.b);
            cairo_set_line_width(cr, line);
            cairo_arc(cr, cx, cy, radius - line / 2, 0, 2 * M_PI);
            cairo_stroke(cr);
            continue;
        }
        cairo_set_source_rgb(cr, fill.r, fill.g, fill.b);
        if (good) {
            cairo_arc(cr, cx, cy, radius, 0, 2 * M_PI);
        } else {
            cairo_rectangle(cr, cx - radius, cy - radius, 2 * radius, 2 * radius);
        }
        cairo_fill(cr);
        if (!marks) continue;
        cairo_set_source_rgb(cr, 1, 1, 1);
        cairo_set_line_width(cr, line * 1.6);
        if (good) {
            cairo_move_to(cr, cx - radius * 0.5, cy);
            cairo_line_to(cr, cx - radius * 0.1, cy + radius * 0.4);
            cairo_line_to(cr, cx + radius * 0.55, cy - radius * 0.45);
        } else {
            const double r = radius * 0.55;
            cairo_move_to(cr, cx - r, cy - r);
            cairo_line_to(cr, cx + r, cy + r);
            cairo_move_to(cr, cx - r, cy + r);
            cairo_line_to(cr, cx + r, cy - r);
        }
        cairo_stroke(cr);
    }
    cairo_restore(cr);
}

}  // namespace bran
