#include "engine/report/pdf_layout.hpp"

#include "engine/core/errors.hpp"

#include <cairo-pdf.h>

#include <algorithm>
#include <memory>
#include <utility>

namespace bran {

namespace {

constexpr double pango_points(int units) { return static_cast<double>(units) / PANGO_SCALE; }

// Noto Sans already has generous leading (about 1.36 em); a little more helps readers keep
// their place, more than that only spreads the summary over more sheets.
constexpr double line_spacing = 1.08;

}  // namespace

std::string escape_markup(const std::string& text) {
    gchar* escaped = g_markup_escape_text(text.c_str(), static_cast<gssize>(text.size()));
    std::string out(escaped);
    g_free(escaped);
    return out;
}

TextBlock::TextBlock(PangoContext* context, const std::string& markup, const PangoFontDescription* font, double width, Rgb colour,
                     PangoAlignment align)
    : m_layout(pango_layout_new(context)), m_width(width), m_colour(colour) {
    pango_layout_set_font_description(m_layout, font);
    pango_layout_set_width(m_layout, static_cast<int>(width * PANGO_SCALE));
    // Long words (a session id, a web address) break anywhere rather than run off the page.
    pango_layout_set_wrap(m_layout, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_line_spacing(m_layout, static_cast<float>(line_spacing));
    pango_layout_set_alignment(m_layout, align);
    pango_layout_set_markup(m_layout, markup.c_str(), static_cast<int>(markup.size()));
    PangoRectangle logical;
    pango_layout_get_extents(m_layout, nullptr, &logical);
    m_height = pango_points(logical.y + logical.height);
}

TextBlock::~TextBlock() {
    if (m_layout) g_object_unref(m_layout);
}

TextBlock::TextBlock(TextBlock&& other) noexcept
    : m_layout(std::exchange(other.m_layout, nullptr)), m_height(other.m_height), m_width(other.m_width), m_colour(other.m_colour) {}

void TextBlock::draw(cairo_t* cr, double x, double y) const {
    cairo_set_source_rgb(cr, m_colour.r, m_colour.g, m_colour.b);
    cairo_move_to(cr, x, y);
    pango_cairo_show_layout(cr, m_layout);
}

PdfFlow::PdfFlow(cairo_t* cr, const std::string& language, PrintSize size, bool drawing, int total_pages,
                 std::function<std::string(int, int)> footer)
    : m_cr(cr), m_drawing(drawing), m_total_pages(total_pages), m_footer(std::move(footer)) {
    // Body text of 13 pt (18 pt large print): above the 12 pt floor of clear-print guidance.
    const bool large_print = size == PrintSize::large;
    m_body_pt = large_print ? 18.0 : size == PrintSize::staff ? 9.5 : 13.0;
    m_margin = large_print || size == PrintSize::staff ? 40.0 : 48.0;
    m_top = large_print ? 40.0 : 48.0;
    m_bottom = page_height - (large_print ? 40.0 : 44.0) - 1.6 * m_body_pt;
    m_y = m_top;

    m_context = pango_cairo_create_context(cr);
    // The language decides line breaking and shaping rules, and which fallback fonts fit.
    pango_context_set_language(m_context, pango_language_from_string(language == "cy" ? "cy" : "en-gb"));
    cairo_font_options_t* options = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    pango_cairo_context_set_font_options(m_context, options);
    cairo_font_options_destroy(options);

    const double sizes[5] = {m_body_pt * 1.75, m_body_pt * 1.35, m_body_pt * 1.1, m_body_pt, m_body_pt};
    const PangoWeight weights[5] = {PANGO_WEIGHT_BOLD, PANGO_WEIGHT_BOLD, PANGO_WEIGHT_BOLD, PANGO_WEIGHT_NORMAL, PANGO_WEIGHT_BOLD};
    for (int i = 0; i < 5; ++i) {
        m_fonts[i] = pango_font_description_new();
        pango_font_description_set_family(m_fonts[i], "Noto Sans");
        pango_font_description_set_weight(m_fonts[i], weights[i]);
        pango_font_description_set_size(m_fonts[i], static_cast<int>(sizes[i] * PANGO_SCALE));
    }
}

PdfFlow::~PdfFlow() {
    for (PangoFontDescription* f : m_fonts) {
        if (f) pango_font_description_free(f);
    }
    if (m_context) g_object_unref(m_context);
}

const PangoFontDescription* PdfFlow::font(TextStyle style) const { return m_fonts[static_cast<int>(style)]; }

TextBlock PdfFlow::block(const std::string& text, TextStyle style, double width, Rgb colour, PangoAlignment align) const {
    return TextBlock(m_context, escape_markup(text), font(style), width, colour, align);
}

TextBlock PdfFlow::markup_block(const std::string& markup, TextStyle style, double width, Rgb colour) const {
    return TextBlock(m_context, markup, font(style), width, colour);
}

void PdfFlow::ensure(double height) {
    if (m_y > m_top && m_y + height > m_bottom) new_page();
}

void PdfFlow::draw_footer() {
    if (!m_drawing || !m_footer) return;
    const TextBlock foot = block(m_footer(m_page, m_total_pages), TextStyle::body, width(), ink::text, PANGO_ALIGN_CENTER);
    const double y = m_bottom + 0.9 * m_body_pt;
    cairo_set_source_rgb(m_cr, ink::rule.r, ink::rule.g, ink::rule.b);
    cairo_set_line_width(m_cr, 0.75);
    cairo_move_to(m_cr, m_margin, y - 0.4 * m_body_pt);
    cairo_line_to(m_cr, m_margin + width(), y - 0.4 * m_body_pt);
    cairo_stroke(m_cr);
    foot.draw(m_cr, m_margin, y);
}

void PdfFlow::new_page() {
    draw_footer();
    if (m_drawing) cairo_show_page(m_cr);
    ++m_page;
    m_y = m_top;
}

int PdfFlow::finish() {
    draw_footer();
    if (m_drawing) cairo_show_page(m_cr);
    return m_page;
}

double PdfFlow::heading_height(const std::string& text) const {
    return block(text, TextStyle::heading, width(), ink::heading).height() + 2 * 0.35 * m_body_pt + 0.3 * m_body_pt;
}

void PdfFlow::heading(const std::string& text, double keep_with) {
    const TextBlock title = block(text, TextStyle::heading, width(), ink::heading);
    const double before = m_y > m_top ? 1.1 * line() : 0;
    const double rule_gap = 0.35 * m_body_pt;
    ensure(before + title.height() + 2 * rule_gap + keep_with);
    if (m_y > m_top) m_y += before;
    if (m_drawing) {
        title.draw(m_cr, m_margin, m_y);
        // A bookmark per section, so a screen reader or PDF viewer can jump to it.
        const std::string link = "page=" + std::to_string(m_page) + " pos=[" + std::to_string(m_margin) + " " + std::to_string(m_y) + "]";
        cairo_pdf_surface_add_outline(cairo_get_target(m_cr), CAIRO_PDF_OUTLINE_ROOT, text.c_str(), link.c_str(),
                                      static_cast<cairo_pdf_outline_flags_t>(0));
    }
    m_y += title.height() + rule_gap;
    if (m_drawing) {
        cairo_set_source_rgb(m_cr, ink::heading.r, ink::heading.g, ink::heading.b);
        cairo_set_line_width(m_cr, 1.2);
        cairo_move_to(m_cr, m_margin, m_y);
        cairo_line_to(m_cr, m_margin + width(), m_y);
        cairo_stroke(m_cr);
    }
    m_y += rule_gap + 0.3 * m_body_pt;
}

void PdfFlow::paragraph(const std::string& text, TextStyle style, double indent, Rgb colour) {
    const TextBlock b = block(text, style, width() - indent, colour);
    paragraph_block(b, m_margin + indent);
}

void PdfFlow::paragraph_block(const TextBlock& b, double x) {
    const double room = m_bottom - m_y;
    // A short paragraph is never split, nor a long one left with a single line at a page's foot.
    const bool keep_whole = pango_layout_get_line_count(b.layout()) <= 3 || room < 2 * line();
    if (b.height() > room && keep_whole && b.height() <= page_room()) new_page();
    if (b.height() <= m_bottom - m_y) {
        if (m_drawing) b.draw(m_cr, x, m_y);
        m_y += b.height() + 0.4 * m_body_pt;
        return;
    }
    // Line by line, starting a new page where the next line would not fit.
    PangoLayoutIter* it = pango_layout_get_iter(b.layout());
    double origin = m_y;  // where the layout's top would be on this page
    double layout_bottom = 0;
    do {
        PangoRectangle logical;
        pango_layout_iter_get_line_extents(it, nullptr, &logical);
        const double top = pango_points(logical.y), height = pango_points(logical.height);
        if (origin + top + height > m_bottom && origin + top > m_top) {
            new_page();
            origin = m_y - top;
        }
        if (m_drawing) {
            cairo_set_source_rgb(m_cr, b.colour().r, b.colour().g, b.colour().b);
            cairo_move_to(m_cr, x, origin + pango_points(pango_layout_iter_get_baseline(it)));
            pango_cairo_show_layout_line(m_cr, pango_layout_iter_get_line_readonly(it));
        }
        layout_bottom = top + height;
    } while (pango_layout_iter_next_line(it));
    pango_layout_iter_free(it);
    m_y = origin + layout_bottom + 0.4 * m_body_pt;
}

void PdfFlow::notice(const std::string& text) {
    const double pad = 0.6 * m_body_pt;
    const double edge = 4.0;
    const TextBlock b = block(text, TextStyle::strong, width() - 2 * pad - edge, ink::text);
    const double h = b.height() + 2 * pad;
    ensure(h);
    if (m_drawing) {
        cairo_set_source_rgb(m_cr, ink::notice_fill.r, ink::notice_fill.g, ink::notice_fill.b);
        cairo_rectangle(m_cr, m_margin, m_y, width(), h);
        cairo_fill(m_cr);
        cairo_set_source_rgb(m_cr, ink::notice_edge.r, ink::notice_edge.g, ink::notice_edge.b);
        cairo_rectangle(m_cr, m_margin, m_y, edge, h);
        cairo_fill(m_cr);
        b.draw(m_cr, m_margin + edge + pad, m_y + pad);
    }
    m_y += h + 0.7 * m_body_pt;
}

namespace {
cairo_status_t append_bytes(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}
struct SurfaceDeleter {
    void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
struct ContextDeleter {
    void operator()(cairo_t* c) const { cairo_destroy(c); }
};
}  // namespace

std::string render_pdf(const std::string& title, const std::string& language, PrintSize size,
                       const std::function<std::string(int, int)>& footer, const std::function<void(PdfFlow&)>& layout,
                       const std::string& what) {
    std::string bytes;
    std::unique_ptr<cairo_surface_t, SurfaceDeleter> surface(
        cairo_pdf_surface_create_for_stream(append_bytes, &bytes, PdfFlow::page_width, PdfFlow::page_height));
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, title.c_str());
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "bran " BRAN_VERSION);
    std::unique_ptr<cairo_t, ContextDeleter> cr(cairo_create(surface.get()));
    int pages = 0;
    {
        PdfFlow measure(cr.get(), language, size, false, 0, footer);
        layout(measure);
        pages = measure.finish();
    }
    {
        PdfFlow draw(cr.get(), language, size, true, pages, footer);
        layout(draw);
        draw.finish();
    }
    cr.reset();
    cairo_surface_finish(surface.get());
    const cairo_status_t status = cairo_surface_status(surface.get());
    if (status != CAIRO_STATUS_SUCCESS) throw IoError("cannot draw " + what + ": " + cairo_status_to_string(status));
    return bytes;
}

}  // namespace bran
