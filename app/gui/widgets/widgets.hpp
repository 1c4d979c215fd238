// The few widgets every screen uses: large buttons, wrapped paragraphs and headings.
#pragma once
#include "app/gui/key_press.hpp"
#include "app/gui/theme.hpp"
#include "app/gui/widgets/focus_ring.hpp"
#include "app/gui/window.hpp"

#include <string>
#include <vector>

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
// One of a row of buttons that wraps onto a new line when the next would not fit (the top bar,
// the audit's choices), so nothing is cut off at the largest text size or in longer Welsh labels.
// Filled when chosen.
bool row_button(const DrawContext& dc, bool chosen, const std::string& label, const char* id, bool first_in_row);
// Puts the next button, labelled `label`, beside the last item when it fits there, else below it.
void same_line_if_fits(const DrawContext& dc, const std::string& label);
// Words placed on a picture (a plot's label), in the colour given.
void label_at(float x, float y, const std::string& text, const float colour[3]);
// A rate from 0 to 1 as a bar across the column (its numbers go in words beside it: the bar is
// never the only carrier).
void rate_bar(const DrawContext& dc, double rate);
// A table's header row with its labels wrapped in narrow columns rather than cut short.
void wrapped_headers_row(const DrawContext& dc);
void heading(const DrawContext& dc, const std::string& text);
void paragraph(const std::string& text);
void bold_paragraph(const DrawContext& dc, const std::string& text);
void muted_paragraph(const DrawContext& dc, const std::string& text);
void section_heading(const DrawContext& dc, const std::string& text);

// One answer of a question: a wide button showing its number key, filled and ticked when chosen.
// `id` tells it from the page's other answers. Returns true when clicked, or when its number key
// (1 to 9; 0 for none) is pressed and no text is being typed.
bool choice_button(const DrawContext& dc, int id, int key, const std::string& label, bool selected, float width = 0.0f);

// For tests: while set, every text a widget draws is appended to `into`, in the order drawn.
void record_drawn_text(std::vector<std::string>* into);

// The presses this frame handles; the window hands them over before drawing.
void set_frame_key_presses(std::vector<KeyPress> presses);
// True when `key` with exactly these modifiers was pressed for this frame.
bool key_pressed(int key, int mods = 0);
// As key_pressed, but not while a text field has the keyboard (number keys type digits there).
bool shortcut_pressed(int key);

// The screen's keyboard focus: every button and text field drawn here takes part.
FocusRing& focus_ring();

// A text field in the focus order (height > 0: several lines). take_keys gives it the keyboard
// now, e.g. as its page opens. Returns what ImGui::InputText returns (flags: ImGuiInputTextFlags).
bool text_field(const DrawContext& dc, const char* label, std::string& text, int flags, float width, float height,
                bool take_keys);

// At the foot of a scrolling page: room for the last control's focus ring.
void end_of_page(const DrawContext& dc);

// Up and Down scroll the current window, unless a text field has the keyboard.
void scroll_with_arrow_keys();

// A message box in the content: for errors the patient must see.
void notice_box(const DrawContext& dc, const std::string& text);

}  // namespace bran::gui
