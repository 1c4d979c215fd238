// A4 pages filled top to bottom: Pango shapes the text (Welsh ŵ and ŷ included), Cairo draws it.
// The few building blocks a printed summary needs: headings kept with what follows, paragraphs
// that break between lines, blocks measured before they are placed, and a footer on every page.
#pragma once
#include <cairo.h>
#include <pango/pangocairo.h>

#include <functional>
#include <string>

namespace bran {

struct Rgb {
    double r = 0, g = 0, b = 0;
};

// Print colours: dark text on white, and the screen's green and red for outcome figures.
namespace ink {
constexpr Rgb text{0.05, 0.09, 0.16};
constexpr Rgb heading{0.00, 0.24, 0.48};
constexpr Rgb good{0.00, 0.45, 0.30};
constexpr Rgb bad{0.75, 0.16, 0.10};
constexpr Rgb empty{0.50, 0.53, 0.57};
constexpr Rgb rule{0.70, 0.73, 0.77};
constexpr Rgb notice_fill{1.00, 0.95, 0.78};
constexpr Rgb notice_edge{0.80, 0.60, 0.00};
constexpr Rgb panel{0.95, 0.96, 0.97};
}  // namespace ink

enum class TextStyle { title, heading, subheading, body, strong };

// One paragraph shaped for one width, so its height is known before it is placed.
class TextBlock {
public:
    TextBlock(PangoContext* context, const std::string& markup, const PangoFontDescription* font, double width, Rgb colour,
              PangoAlignment align = PANGO_ALIGN_LEFT);
    ~TextBlock();
    TextBlock(TextBlock&& other) noexcept;
    TextBlock& operator=(TextBlock&&) = delete;
    TextBlock(const TextBlock&) = delete;
    TextBlock& operator=(const TextBlock&) = delete;

    double height() const { return m_height; }
    double width() const { return m_width; }
    PangoLayout* layout() const { return m_layout; }
    Rgb colour() const { return m_colour; }
    void draw(cairo_t* cr, double x, double y) const;

private:
    PangoLayout* m_layout = nullptr;
    double m_height = 0;
    double m_width = 0;
    Rgb m_colour;
};

// Text for Pango markup: &, < and > escaped.
std::string escape_markup(const std::string& text);

// Body text: 13 pt for patients, 18 pt large print, 9.5 pt for staff tables and plots.
enum class PrintSize { patient, large, staff };

class PdfFlow {
public:
    // `footer(page, pages)` gives the words at the foot of each page. When `drawing` is false the
    // flow only measures, which is how the number of pages is known before the real pass.
    PdfFlow(cairo_t* cr, const std::string& language, PrintSize size, bool drawing, int total_pages,
            std::function<std::string(int, int)> footer);
    ~PdfFlow();
    PdfFlow(const PdfFlow&) = delete;
    PdfFlow& operator=(const PdfFlow&) = delete;

    static constexpr double page_width = 595.276;   // A4 in points
    static constexpr double page_height = 841.890;

    bool drawing() const { return m_drawing; }
    cairo_t* cr() const { return m_cr; }
    double left() const { return m_margin; }
    double width() const { return page_width - 2 * m_margin; }
    double y() const { return m_y; }
    void move_down(double points) { m_y += points; }
    double body_size() const { return m_body_pt; }
    // One blank line of body text, the unit of vertical space.
    double line() const { return m_body_pt * 1.4; }
    // Height available on an empty page.
    double page_room() const { return m_bottom - m_top; }
    // Height left below the cursor on this page.
    double room_left() const { return m_bottom - m_y; }
    int page() const { return m_page; }

    TextBlock block(const std::string& text, TextStyle style, double width, Rgb colour = ink::text,
                    PangoAlignment align = PANGO_ALIGN_LEFT) const;
    TextBlock markup_block(const std::string& markup, TextStyle style, double width, Rgb colour = ink::text) const;

    // Starts a new page unless `height` fits below the cursor (or the page is still empty).
    void ensure(double height);
    void new_page();
    // Closes the last page; returns how many pages there were.
    int finish();

    // A section heading with a rule under it, kept on the page with `keep_with` points of what follows.
    void heading(const std::string& text, double keep_with);
    // The height heading() takes at the top of a page.
    double heading_height(const std::string& text) const;
    // A paragraph that may break between its lines across pages.
    void paragraph(const std::string& text, TextStyle style = TextStyle::body, double indent = 0, Rgb colour = ink::text);
    void paragraph_block(const TextBlock& block, double x);
    // A paragraph in a tinted box with a coloured edge, never split.
    void notice(const std::string& text);

private:
    const PangoFontDescription* font(TextStyle style) const;
    void draw_footer();

    cairo_t* m_cr;
    PangoContext* m_context = nullptr;
    PangoFontDescription* m_fonts[5] = {};
    bool m_drawing;
    int m_total_pages;
    std::function<std::string(int, int)> m_footer;
    double m_body_pt;
    double m_margin;
    double m_top;
    double m_bottom;
    double m_y;
    int m_page = 1;
};

// A whole A4 document as PDF bytes: `layout` runs twice on a fresh flow, to count the pages and
// then to draw them. `what` names the document when Cairo fails (IoError).
std::string render_pdf(const std::string& title, const std::string& language, PrintSize size,
                       const std::function<std::string(int, int)>& footer, const std::function<void(PdfFlow&)>& layout,
                       const std::string& what);

}  // namespace bran
