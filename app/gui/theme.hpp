// Sizes and colours in one place: text size steps, the normal and high-contrast palettes.
#pragma once

struct ImVec4;

namespace bran::gui {

enum class TextSize { normal = 0, large = 1, largest = 2 };
constexpr int text_size_count = 3;

// Pixel height of body text at each step; headings are larger.
float body_pixels(TextSize size);
float heading_pixels(TextSize size);

struct Palette {
    float background[3];
    float text[3];
    float muted_text[3];
    float button[3];
    float button_hover[3];
    float button_text[3];
    float good[3];   // outcome figures: good
    float bad[3];    // outcome figures: bad
    float empty[3];  // outcome figures: not affected
    float focus[3];
    float panel[3];
    float hover_panel[3];  // under text: a hovered plain button, a table's header
    float notice_text[3];  // on a notice, whose background is `bad`
};

const Palette& palette(bool high_contrast);

// Applies sizes and colours to Dear ImGui's style.
void apply_theme(bool high_contrast, TextSize size);

// WCAG 2 contrast ratio of two sRGB colours (1..21).
double contrast_ratio(const float a[3], const float b[3]);

}  // namespace bran::gui
