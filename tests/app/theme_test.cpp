// The window's colours, checked as WCAG 2 computes contrast: the high-contrast theme gives every
// text at least 7:1 (AAA), the normal one at least 4.5:1 (AA), and the keyboard focus ring is at
// least 3:1 against what it is drawn on (non-text contrast) in both.
#include "app/gui/theme.hpp"

#include <catch2/catch.hpp>

using bran::gui::contrast_ratio;
using bran::gui::Palette;
using bran::gui::palette;

TEST_CASE("contrast ratios are WCAG's: black on white is 21:1, a colour on itself 1:1", "[theme]") {
    const float black[3] = {0, 0, 0}, white[3] = {1, 1, 1}, grey[3] = {0.5f, 0.5f, 0.5f};
    CHECK(contrast_ratio(black, white) == Approx(21.0));
    CHECK(contrast_ratio(white, black) == Approx(21.0));
    CHECK(contrast_ratio(grey, grey) == Approx(1.0));
    CHECK(contrast_ratio(grey, white) == Approx(3.98).epsilon(0.01));  // #808080 on white, as WebAIM gives
}

namespace {
void check_text(const Palette& p, double minimum) {
    INFO("minimum " << minimum);
    CHECK(contrast_ratio(p.text, p.background) >= minimum);
    CHECK(contrast_ratio(p.text, p.panel) >= minimum);
    CHECK(contrast_ratio(p.muted_text, p.background) >= minimum);
    CHECK(contrast_ratio(p.muted_text, p.panel) >= minimum);
    CHECK(contrast_ratio(p.button_text, p.button) >= minimum);
    CHECK(contrast_ratio(p.button_text, p.button_hover) >= minimum);
    // Plain buttons (unselected answers among them) under the pointer, and table headers.
    CHECK(contrast_ratio(p.text, p.hover_panel) >= minimum);
    // A notice: a wrong PIN, a file refused, a save that failed.
    CHECK(contrast_ratio(p.notice_text, p.bad) >= minimum);
}
void check_focus(const Palette& p) {
    CHECK(contrast_ratio(p.focus, p.background) >= 3.0);
    CHECK(contrast_ratio(p.focus, p.panel) >= 3.0);
}
}  // namespace

TEST_CASE("high contrast: every text is at least 7:1 and the focus ring at least 3:1", "[theme]") {
    check_text(palette(true), 7.0);
    check_focus(palette(true));
}

TEST_CASE("normal colours: every text is at least 4.5:1, body text at least 7:1, the focus ring at least 3:1", "[theme]") {
    check_text(palette(false), 4.5);
    CHECK(contrast_ratio(palette(false).text, palette(false).panel) >= 7.0);
    check_focus(palette(false));
}

TEST_CASE("every icon of an icon array stands out at least 3:1 in both themes, its tick or cross too", "[theme]") {
    for (const bool high_contrast : {false, true}) {
        const Palette& p = palette(high_contrast);
        INFO((high_contrast ? "high contrast" : "normal colours"));
        // The people the outcome happens to (filled), and everyone else (an outline).
        CHECK(contrast_ratio(p.good, p.background) >= 3.0);
        CHECK(contrast_ratio(p.bad, p.background) >= 3.0);
        CHECK(contrast_ratio(p.empty, p.background) >= 3.0);
        // The tick and the cross are drawn in the background colour on the filled shape.
        CHECK(contrast_ratio(p.background, p.good) >= 3.0);
        CHECK(contrast_ratio(p.background, p.bad) >= 3.0);
    }
}
