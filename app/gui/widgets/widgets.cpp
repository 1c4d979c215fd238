#include "app/gui/widgets/widgets.hpp"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_internal.h>
#include <imgui_stdlib.h>

#include <algorithm>

namespace bran::gui {

FocusRing& focus_ring() {
    static FocusRing ring;
    return ring;
}

namespace {

std::vector<std::string>* g_drawn_text = nullptr;

void drawn(const std::string& text) {
    if (g_drawn_text) g_drawn_text->push_back(text);
}

// Around the item just drawn: the focus ring, and a scroll that brings the item (ring included)
// into view when the focus has just come to it.
void show_focus(const DrawContext& dc, const FocusRing::Control& control) {
    const float gap = 2.0f * dc.unit, width = 4.0f * dc.unit;
    const float pad = gap + width;
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    if (control.tabbed_to) {
        ImGui::ScrollToRect(window, ImRect(min.x - pad, min.y - pad, max.x + pad, max.y + pad), ImGuiScrollFlags_KeepVisibleEdgeY);
    }
    if (!control.focused || !focus_ring().showing()) return;
    const float* f = dc.palette->focus;
    // Full-width buttons touch the sides of their scrolling page: let the ring out sideways,
    // never over the top bar or the footer.
    ImDrawList* draw = window->DrawList;
    draw->PushClipRect(ImVec2(window->ClipRect.Min.x - 2 * pad, window->ClipRect.Min.y),
                       ImVec2(window->ClipRect.Max.x + 2 * pad, window->ClipRect.Max.y), false);
    const float half = gap + width / 2;
    draw->AddRect(ImVec2(min.x - half, min.y - half), ImVec2(max.x + half, max.y + half),
                  ImGui::GetColorU32(ImVec4(f[0], f[1], f[2], 1.0f)),
                  ImGui::GetStyle().FrameRounding + gap, 0, width);
    draw->PopClipRect();
}

bool button_with(const DrawContext& dc, const std::string& label, const char* id, float width, const float fill[3],
                 const float hover[3], const float text[3]) {
    ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(fill[0], fill[1], fill[2], 1.0f));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImVec4(hover[0], hover[1], hover[2], 1.0f));
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, ImVec4(hover[0], hover[1], hover[2], 1.0f));
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(text[0], text[1], text[2], 1.0f));
    ImGui::PushFont(dc.fonts->bold);
    drawn(label);
    const std::string full = label + "###" + id;
    const float height = std::max(56.0f * dc.unit, ImGui::GetFrameHeight());
    const ImGuiID control_id = ImGui::GetID(full.c_str());
    const FocusRing::Control control = focus_ring().add(control_id);
    const bool clicked = ImGui::Button(full.c_str(), ImVec2(width, height));
    if (clicked) focus_ring().focus(control_id, FocusRing::By::pointer);
    show_focus(dc, control);
    ImGui::PopFont();
    ImGui::PopStyleColor(4);
    return clicked || control.pressed;
}

}  // namespace

bool text_field(const DrawContext& dc, const char* label, std::string& text, int flags, float width, float height,
                bool take_keys) {
    if (!(flags & ImGuiInputTextFlags_Password)) drawn(text);  // a PIN shows as dots
    const ImGuiID control_id = ImGui::GetID(label);
    if (take_keys) focus_ring().focus(control_id, FocusRing::By::keyboard);
    const FocusRing::Control control = focus_ring().add(control_id);
    if (control.arrived) ImGui::SetKeyboardFocusHere();
    // Dear ImGui's own Tab order is off: Tab is the focus ring's, on every screen.
    ImGui::PushAllowKeyboardFocus(false);
    const bool result = height > 0 ? ImGui::InputTextMultiline(label, &text, ImVec2(width, height), flags)
                                   : (ImGui::SetNextItemWidth(width), ImGui::InputText(label, &text, flags));
    ImGui::PopAllowKeyboardFocus();
    // Given the keys by a click (the ring's own SetKeyboardFocusHere takes effect a frame later).
    if (ImGui::IsItemActivated() && ImGui::GetIO().MouseClicked[0]) focus_ring().focus(control_id, FocusRing::By::pointer);
    show_focus(dc, control);
    return result;
}

void end_of_page(const DrawContext& dc) { ImGui::Dummy(ImVec2(1.0f, 12.0f * dc.unit)); }

void scroll_with_arrow_keys() {
    if (ImGui::GetIO().WantTextInput) return;
    const float step = ImGui::GetTextLineHeightWithSpacing() * 3.0f;
    if (key_pressed(GLFW_KEY_DOWN)) ImGui::SetScrollY(ImGui::GetScrollY() + step);
    if (key_pressed(GLFW_KEY_UP)) ImGui::SetScrollY(std::max(0.0f, ImGui::GetScrollY() - step));
}

bool big_button(const DrawContext& dc, const std::string& label, const char* id, float width) {
    const Palette& p = *dc.palette;
    return button_with(dc, label, id, width, p.button, p.button_hover, p.button_text);
}

bool secondary_button(const DrawContext& dc, const std::string& label, const char* id, float width) {
    const Palette& p = *dc.palette;
    return button_with(dc, label, id, width, p.panel, p.hover_panel, p.text);
}

void same_line_if_fits(const DrawContext& dc, const std::string& label) {
    ImGui::PushFont(dc.fonts->bold);
    const float width = ImGui::CalcTextSize(label.c_str()).x + ImGui::GetStyle().FramePadding.x * 2;
    ImGui::PopFont();
    ImGui::SameLine();
    if (ImGui::GetCursorPosX() + width > ImGui::GetWindowContentRegionMax().x) ImGui::NewLine();
}

bool row_button(const DrawContext& dc, bool chosen, const std::string& label, const char* id, bool first_in_row) {
    if (!first_in_row) same_line_if_fits(dc, label);
    return chosen ? big_button(dc, label, id) : secondary_button(dc, label, id);
}

void label_at(float x, float y, const std::string& text, const float colour[3]) {
    drawn(text);
    ImGui::GetWindowDrawList()->AddText(ImVec2(x, y), ImGui::GetColorU32(ImVec4(colour[0], colour[1], colour[2], 1.0f)), text.c_str());
}

void rate_bar(const DrawContext& dc, double rate) {
    const float width = std::max(40.0f, ImGui::GetContentRegionAvail().x - 4.0f);
    const float height = ImGui::GetTextLineHeight();
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float* e = dc.palette->empty;
    const float* f = dc.palette->button;
    draw->AddRectFilled(at, ImVec2(at.x + width, at.y + height), ImGui::GetColorU32(ImVec4(e[0], e[1], e[2], 1)));
    const float filled = width * static_cast<float>(std::clamp(rate, 0.0, 1.0));
    draw->AddRectFilled(at, ImVec2(at.x + filled, at.y + height), ImGui::GetColorU32(ImVec4(f[0], f[1], f[2], 1)));
    ImGui::Dummy(ImVec2(width, height));
}

void wrapped_headers_row(const DrawContext& dc) {
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, ImGui::GetColorU32(ImGuiCol_TableHeaderBg));
    for (int i = 0; i < ImGui::TableGetColumnCount(); ++i) {
        ImGui::TableSetColumnIndex(i);
        bold_paragraph(dc, ImGui::TableGetColumnName(i));
    }
}

void heading(const DrawContext& dc, const std::string& text) {
    drawn(text);
    ImGui::PushFont(dc.fonts->heading);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
}

void paragraph(const std::string& text) {
    drawn(text);
    // Wrapped at the page's edge, or where the caller has set it (the place between Back and Next).
    const bool wrap_set = ImGui::GetCurrentWindow()->DC.TextWrapPos >= 0.0f;
    if (!wrap_set) ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(text.c_str());
    if (!wrap_set) ImGui::PopTextWrapPos();
}

void bold_paragraph(const DrawContext& dc, const std::string& text) {
    ImGui::PushFont(dc.fonts->bold);
    paragraph(text);
    ImGui::PopFont();
}

void muted_paragraph(const DrawContext& dc, const std::string& text) {
    const float* m = dc.palette->muted_text;
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(m[0], m[1], m[2], 1.0f));
    paragraph(text);
    ImGui::PopStyleColor();
}

}  // namespace bran::gui

namespace bran::gui {

void section_heading(const DrawContext& dc, const std::string& text) {
    ImGui::Spacing();
    bold_paragraph(dc, text);
}

namespace {
std::vector<KeyPress> g_frame_presses;
}

void record_drawn_text(std::vector<std::string>* into) { g_drawn_text = into; }

void set_frame_key_presses(std::vector<KeyPress> presses) { g_frame_presses = std::move(presses); }

bool key_pressed(int key, int mods) {
    const int relevant = GLFW_MOD_SHIFT | GLFW_MOD_CONTROL | GLFW_MOD_ALT;
    for (const KeyPress& p : g_frame_presses) {
        if (p.key == key && (p.mods & relevant) == mods) return true;
    }
    return false;
}

bool shortcut_pressed(int key) { return !ImGui::GetIO().WantTextInput && key_pressed(key); }

bool choice_button(const DrawContext& dc, int id, int key, const std::string& label, bool selected, float width) {
    const std::string number = key > 0 ? std::to_string(key) + "   " : "";
    // A chosen answer is told by a tick and a fill, not by colour alone.
    const std::string text = (selected ? "✓ " : "    ") + number + label;
    const std::string button_id = "choice" + std::to_string(id);
    const float w = width > 0 ? width : ImGui::GetContentRegionAvail().x;
    ImGui::PushStyleVar(ImGuiStyleVar_ButtonTextAlign, ImVec2(0.0f, 0.5f));
    bool pressed = selected ? big_button(dc, text, button_id.c_str(), w) : secondary_button(dc, text, button_id.c_str(), w);
    ImGui::PopStyleVar();
    if (key > 0 && key <= 9 && shortcut_pressed(GLFW_KEY_0 + key)) pressed = true;
    return pressed;
}

void notice_box(const DrawContext& dc, const std::string& text) {
    const float* bad = dc.palette->bad;
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(bad[0], bad[1], bad[2], 1.0f));
    const float* words = dc.palette->notice_text;
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(words[0], words[1], words[2], 1.0f));
    ImGui::PushFont(dc.fonts->bold);
    // As tall as its words wrapped to the box's width, and no taller: it sits above the page.
    const std::string shown = "⚠ " + text;
    const ImVec2 padding = ImGui::GetStyle().WindowPadding;
    const float wrap = ImGui::GetContentRegionAvail().x - padding.x * 2.0f;
    const float height = ImGui::CalcTextSize(shown.c_str(), nullptr, false, wrap).y + padding.y * 2.0f + ImGui::GetStyle().ItemSpacing.y;
    ImGui::BeginChild("##notice", ImVec2(0, height), true, ImGuiWindowFlags_NoScrollbar);
    paragraph(shown);
    ImGui::EndChild();
    ImGui::PopFont();
    ImGui::PopStyleColor(2);
}

}  // namespace bran::gui
