#include "engine/report/pdf_view_blocks.hpp"

#include <algorithm>
#include <cmath>

namespace bran {

void bullet_point(PdfFlow& flow, const std::string& text) {
    const double indent = flow.line();
    const TextBlock b = flow.block(text, TextStyle::body, flow.width() - indent);
    // As paragraph_block keeps it: whole when short, else at least two lines with the bullet.
    flow.ensure(pango_layout_get_line_count(b.layout()) <= 3 ? b.height() : 2 * flow.line());
    if (flow.drawing()) {
        const TextBlock dot = flow.block("•", TextStyle::body, indent);
        dot.draw(flow.cr(), flow.left() + 0.2 * indent, flow.y());
    }
    flow.paragraph_block(b, flow.left() + indent);
}

void print_words(PdfFlow& flow, const WordsBlock& w) {
    const double line = flow.line();
    switch (w.emphasis) {
        case Emphasis::heading: flow.heading(w.text, 3 * line); break;
        case Emphasis::section: {
            const TextBlock b = flow.block(w.text, TextStyle::subheading, flow.width(), ink::heading);
            flow.ensure(b.height() + 2.5 * line);  // with what follows
            flow.move_down(0.5 * line);
            flow.paragraph_block(b, flow.left());
            break;
        }
        case Emphasis::strong: flow.paragraph(w.text, TextStyle::strong); break;
        case Emphasis::quote: flow.paragraph("“" + w.text + "”"); break;
        case Emphasis::point: bullet_point(flow, w.text); break;
        case Emphasis::notice: flow.notice(w.text); break;
        case Emphasis::body:
        case Emphasis::muted: flow.paragraph(w.text); break;
    }
}

namespace {

void fill_rect(cairo_t* cr, double x, double y, double w, double h, Rgb c) {
    cairo_set_source_rgb(cr, c.r, c.g, c.b);
    cairo_rectangle(cr, x, y, w, h);
    cairo_fill(cr);
}

void stroke_line(cairo_t* cr, double x0, double y0, double x1, double y1, Rgb c, double width) {
    cairo_set_source_rgb(cr, c.r, c.g, c.b);
    cairo_set_line_width(cr, width);
    cairo_move_to(cr, x0, y0);
    cairo_line_to(cr, x1, y1);
    cairo_stroke(cr);
}

}  // namespace

void print_table(PdfFlow& flow, const TableBlock& table) {
    if (table.columns.empty()) return;
    const double pad = 3.0, line = flow.line(), bar_height = 0.45 * line;
    double shares = 0;
    for (const auto& c : table.columns) shares += c.share;
    std::vector<double> widths;
    for (const auto& c : table.columns) widths.push_back(flow.width() * c.share / shares);
    struct Row {
        std::vector<std::vector<TextBlock>> cells;
        std::vector<std::optional<double>> bars;
        double height = 0;
    };
    const auto shape_row = [&](const std::vector<std::vector<WordsBlock>>& lines, const std::vector<std::optional<double>>& bars,
                               TextStyle style) {
        Row row;
        row.bars = bars;
        for (std::size_t i = 0; i < widths.size(); ++i) {
            std::vector<TextBlock> blocks;
            double h = bars[i] ? bar_height + pad : 0;
            for (const WordsBlock& w : lines[i]) {
                const TextStyle s = style == TextStyle::strong || w.emphasis == Emphasis::strong ? TextStyle::strong : TextStyle::body;
                blocks.push_back(flow.block(w.text, s, widths[i] - 2 * pad, w.emphasis == Emphasis::muted ? ink::empty : ink::text));
                h += blocks.back().height();
            }
            row.cells.push_back(std::move(blocks));
            row.height = std::max(row.height, h + 2 * pad);
        }
        return row;
    };
    std::vector<std::vector<WordsBlock>> heading_lines;
    for (const auto& c : table.columns) heading_lines.push_back({WordsBlock{Emphasis::strong, c.heading}});
    const Row header = shape_row(heading_lines, std::vector<std::optional<double>>(widths.size()), TextStyle::strong);
    const auto draw_row = [&](const Row& row, bool is_header) {
        if (flow.drawing()) {
            cairo_t* cr = flow.cr();
            if (is_header) fill_rect(cr, flow.left(), flow.y(), flow.width(), row.height, ink::panel);
            double x = flow.left();
            for (std::size_t i = 0; i < row.cells.size(); ++i) {
                double y = flow.y() + pad;
                if (row.bars[i]) {
                    const double w = widths[i] - 2 * pad;
                    fill_rect(cr, x + pad, y, w, bar_height, ink::rule);
                    fill_rect(cr, x + pad, y, w * std::clamp(*row.bars[i], 0.0, 1.0), bar_height, ink::heading);
                    y += bar_height + pad;
                }
                for (const TextBlock& b : row.cells[i]) {
                    b.draw(cr, x + pad, y);
                    y += b.height();
                }
                x += widths[i];
            }
            stroke_line(cr, flow.left(), flow.y() + row.height, flow.left() + flow.width(), flow.y() + row.height, ink::rule, 0.6);
        }
        flow.move_down(row.height);
    };
    bool first = true;
    for (const auto& cells : table.rows) {
        std::vector<std::vector<WordsBlock>> lines;
        std::vector<std::optional<double>> bars;
        for (std::size_t i = 0; i < widths.size(); ++i) {
            lines.push_back(i < cells.size() ? cells[i].lines : std::vector<WordsBlock>{});
            bars.push_back(i < cells.size() ? cells[i].bar : std::nullopt);
        }
        const Row row = shape_row(lines, bars, TextStyle::body);
        const int page = flow.page();
        flow.ensure((first ? header.height : 0) + row.height);
        if (first || flow.page() != page) draw_row(header, true);
        draw_row(row, false);
        first = false;
    }
    if (first) draw_row(header, true);
    flow.move_down(0.6 * line);
}

namespace {
struct ShapedFunnel {
    std::optional<TextBlock> title;
    std::vector<TextBlock> words;
    double plot_height = 0, height = 0;
};
ShapedFunnel shape_funnel(const PdfFlow& flow, const FunnelBlock& f) {
    const double line = flow.line();
    ShapedFunnel s;
    s.title.emplace(flow.block(f.title, TextStyle::strong, flow.width()));
    s.plot_height = 16 * line;
    s.height = s.title->height() + 0.3 * line + s.plot_height;
    for (const std::string& finding : f.findings) {
        s.words.push_back(flow.block(finding, TextStyle::body, flow.width()));
        s.height += s.words.back().height() + 0.4 * flow.body_size();
    }
    if (!f.key.empty()) {
        s.words.push_back(flow.block(f.key, TextStyle::body, flow.width(), ink::empty));
        s.height += s.words.back().height() + 0.4 * flow.body_size();
    }
    return s;
}
}  // namespace

double funnel_height(const PdfFlow& flow, const FunnelBlock& f) { return shape_funnel(flow, f).height; }

void print_funnel(PdfFlow& flow, const FunnelBlock& f) {
    const double line = flow.line();
    const ShapedFunnel shaped = shape_funnel(flow, f);
    const TextBlock& title = *shaped.title;
    const double plot_height = shaped.plot_height;
    const std::vector<TextBlock>& words = shaped.words;
    flow.ensure(shaped.height);
    if (flow.drawing()) title.draw(flow.cr(), flow.left(), flow.y());
    flow.move_down(title.height() + 0.3 * line);
    if (flow.drawing()) {
        cairo_t* cr = flow.cr();
        const double scale_width = 2.2 * line, small = 0.7 * flow.body_size();
        const double left = flow.left() + scale_width, right = flow.left() + flow.width() - 0.5 * line;
        const double top = flow.y() + 0.3 * line, bottom = flow.y() + plot_height - 1.2 * line;
        long long largest = 1;
        for (const auto& d : f.dots) largest = std::max(largest, d.n);
        for (const auto& l : f.curve) largest = std::max(largest, l.n);
        const auto x_of = [&](double n) { return left + (right - left) * n / static_cast<double>(largest); };
        const auto y_of = [&](double rate) { return bottom - (bottom - top) * std::clamp(rate, 0.0, 1.0); };
        cairo_set_source_rgb(cr, ink::rule.r, ink::rule.g, ink::rule.b);
        cairo_set_line_width(cr, 0.8);
        cairo_rectangle(cr, left, top, right - left, bottom - top);
        cairo_stroke(cr);
        const auto label = [&](const std::string& text, double x, double y, Rgb colour) {
            PangoLayout* layout = pango_cairo_create_layout(cr);
            PangoFontDescription* font = pango_font_description_from_string("Noto Sans");
            pango_font_description_set_absolute_size(font, small * PANGO_SCALE);
            pango_layout_set_font_description(layout, font);
            pango_layout_set_text(layout, text.c_str(), -1);
            int w = 0, h = 0;
            pango_layout_get_size(layout, &w, &h);
            cairo_set_source_rgb(cr, colour.r, colour.g, colour.b);
            cairo_move_to(cr, x, y - static_cast<double>(h) / PANGO_SCALE / 2);
            pango_cairo_show_layout(cr, layout);
            pango_font_description_free(font);
            g_object_unref(layout);
            return static_cast<double>(w) / PANGO_SCALE;
        };
        for (const double tick : {0.0, 0.5, 1.0}) label(std::to_string(static_cast<int>(tick * 100)) + "%", flow.left(), y_of(tick), ink::empty);
        label("0", left, bottom + 0.5 * line, ink::empty);
        const std::string most = std::to_string(largest);
        label(most, right - 0.5 * line * static_cast<double>(most.size()), bottom + 0.5 * line, ink::empty);
        stroke_line(cr, left, y_of(f.target), right, y_of(f.target), ink::text, 1.2);
        const auto curve = [&](double FunnelBlock::Limits::*which, double width, bool dashed) {
            if (f.curve.size() < 2) return;
            cairo_set_source_rgb(cr, ink::empty.r, ink::empty.g, ink::empty.b);
            cairo_set_line_width(cr, width);
            const double dash[] = {3.0, 2.0};
            cairo_set_dash(cr, dash, dashed ? 2 : 0, 0);
            bool started = false;
            for (const auto& l : f.curve) {
                const double x = x_of(static_cast<double>(l.n)), y = y_of(l.*which);
                if (started) cairo_line_to(cr, x, y);
                else cairo_move_to(cr, x, y), started = true;
            }
            cairo_stroke(cr);
            cairo_set_dash(cr, nullptr, 0, 0);
        };
        curve(&FunnelBlock::Limits::lower95, 0.8, true);
        curve(&FunnelBlock::Limits::upper95, 0.8, true);
        curve(&FunnelBlock::Limits::lower998, 1.6, false);
        curve(&FunnelBlock::Limits::upper998, 1.6, false);
        const double r = 2.6;
        for (const auto& d : f.dots) {
            const double x = x_of(static_cast<double>(d.n)), y = y_of(d.rate);
            if (!d.outside) {
                cairo_set_source_rgb(cr, ink::heading.r, ink::heading.g, ink::heading.b);
                cairo_arc(cr, x, y, r, 0, 2 * M_PI);
                cairo_fill(cr);
                continue;
            }
            // An outlier: a square, told apart by shape as well as colour, and labelled.
            fill_rect(cr, x - r, y - r, 2 * r, 2 * r, ink::bad);
            label(d.label, x + 2 * r, y, ink::text);
        }
    }
    flow.move_down(plot_height);
    for (const TextBlock& b : words) flow.paragraph_block(b, flow.left());
    flow.move_down(0.4 * line);
}

}  // namespace bran
