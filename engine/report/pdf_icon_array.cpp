#include "engine/report/pdf_icon_array.hpp"

#include "engine/report/pdf_layout.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

namespace bran {

IconArrayGeometry icon_array_geometry(int denominator, double width, double max_cell) {
    IconArrayGeometry g;
    g.columns = denominator == 1000 ? 50 : 10;  // 1,000 as 50 x 20, as on screen
    g.rows = (std::max(denominator, 1) + g.columns - 1) / g.columns;
    g.cell = std::max(2.0, std::min(width / g.columns, max_cell));
    return g;
}

namespace {

enum class Icon { unaffected, good, bad };

// One person's shape, centred on (cx, cy) in a cell of the given size.
void draw_icon(cairo_t* cr, double cx, double cy, double cell, Icon icon) {
    const double radius = cell * 0.4;
    const double line = std::max(0.35, cell * 0.08);
    cairo_new_path(cr);
    if (icon == Icon::unaffected) {
        cairo_set_source_rgb(cr, ink::empty.r, ink::empty.g, ink::empty.b);
        cairo_set_line_width(cr, line);
        cairo_arc(cr, cx, cy, radius - line / 2, 0, 2 * M_PI);
        cairo_stroke(cr);
        return;
    }
    const bool good = icon == Icon::good;
    const Rgb fill = good ? ink::good : ink::bad;
    cairo_set_source_rgb(cr, fill.r, fill.g, fill.b);
    if (good) cairo_arc(cr, cx, cy, radius, 0, 2 * M_PI);
    else cairo_rectangle(cr, cx - radius, cy - radius, 2 * radius, 2 * radius);
    cairo_fill(cr);
    // Below this size a tick or a cross is a smudge; the shapes alone still tell good from bad.
    if (cell < 7.0) return;
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

// A pattern repeating one shape every cell, lined up with the array's top left corner. A PDF
// then holds each shape once (a tiling pattern) instead of a path per person, which keeps
// a page of 1000-person arrays small and quick to write.
cairo_pattern_t* tile(double x, double y, double cell, Icon icon) {
    const cairo_rectangle_t extents{0, 0, cell, cell};
    cairo_surface_t* recording = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &extents);
    cairo_t* c = cairo_create(recording);
    cairo_set_line_cap(c, CAIRO_LINE_CAP_ROUND);
    cairo_set_line_join(c, CAIRO_LINE_JOIN_ROUND);
    draw_icon(c, cell / 2, cell / 2, cell, icon);
    cairo_destroy(c);
    cairo_pattern_t* pattern = cairo_pattern_create_for_surface(recording);
    cairo_surface_destroy(recording);
    cairo_pattern_set_extend(pattern, CAIRO_EXTEND_REPEAT);
    cairo_matrix_t matrix;
    cairo_matrix_init_translate(&matrix, -x, -y);
    cairo_pattern_set_matrix(pattern, &matrix);
    return pattern;
}

void fill_cells(cairo_t* cr, double x, double y, double cell, Icon icon, const std::vector<cairo_rectangle_t>& cells) {
    cairo_pattern_t* pattern = tile(x, y, cell, icon);
    cairo_set_source(cr, pattern);
    cairo_new_path(cr);
    for (const cairo_rectangle_t& r : cells) {
        if (r.width > 0 && r.height > 0) cairo_rectangle(cr, r.x, r.y, r.width, r.height);
    }
    cairo_fill(cr);
    cairo_pattern_destroy(pattern);
}

}  // namespace

void draw_icon_array(cairo_t* cr, double x, double y, const IconArrayGeometry& g, int count, int denominator, bool good) {
    count = std::clamp(count, 0, denominator);
    cairo_save(cr);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    const Icon affected = good ? Icon::good : Icon::bad;
    if (denominator % g.columns != 0) {
        // Row by row from the top left, so the affected people read as one block.
        for (int i = 0; i < denominator; ++i) {
            const int row = i / g.columns, column = i % g.columns;
            draw_icon(cr, x + (column + 0.5) * g.cell, y + (row + 0.5) * g.cell, g.cell, i < count ? affected : Icon::unaffected);
        }
        cairo_restore(cr);
        return;
    }
    // The same order as above, as at most two rectangles of each kind: whole rows, then the
    // part of the row where affected people end and unaffected ones begin.
    const int full_rows = count / g.columns, rest = count % g.columns;
    const double c = g.cell, w = g.width();
    if (count > 0) fill_cells(cr, x, y, c, affected, {{x, y, w, full_rows * c}, {x, y + full_rows * c, rest * c, c}});
    if (count < denominator) fill_cells(cr, x, y, c, Icon::unaffected,
               {{x + rest * c, y + full_rows * c, (g.columns - rest) * c, c},
                {x, y + (full_rows + 1) * c, w, (g.rows - full_rows - 1) * c}});
    cairo_restore(cr);
}

}  // namespace bran
