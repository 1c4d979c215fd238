// The few widgets every screen uses: large buttons, wrapped paragraphs and headings.
#pragma once
#include "app/gui/theme.hpp"
#include "app/gui/window.hpp"

#include <string>

namespace bran::gui {

// What a screen needs to draw: fonts at the current size, the palette, the text size.
struct DrawContext {
    const FontSet* fonts = nullptr;
    const Palette* palette = nullptr;
    TextSize size = TextSize::normal;
    float unit = 1.0f;  // scale factor relative to the normal size
};

// A large, touch-friendly button (at least 48 px high). `id` keeps it the same button whatever
// the language of its label.
bool big_button(const DrawContext& dc, const std::string& label, const char* id, float width = 0.0f);
bool secondary_button(const DrawContext& dc, const std::string& label, const char* id, float width = 0.0f);
void heading(const DrawContext& dc, const std::string& text);
void paragraph(const std::string& text);
void bold_paragraph(const DrawContext& dc, const std::string& text);
void muted_paragraph(const DrawContext& dc, const std::string& text);

}  // namespace bran::gui
