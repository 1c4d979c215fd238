#include "app/gui/widgets/widgets.hpp"

#include <GLFW/glfw3.h>
#include <imgui.h>

#include <algorithm>

namespace bran::gui {

namespace {
bool button_with(const DrawContext& dc, const std::string& label, const char* id, float width, const float fill[3],
                 const float hover[3], const float text[3]) {
    ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(fill[0], fill[1], fill[2], 1.0f));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImVec4(hover[0], hover[1], hover[2], 1.0f));
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, ImVec4(hover[0], hover[1], hover[2], 1.0f));
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(text[0], text[1], text[2], 1.0f));
    ImGui::PushFont(dc.fonts->bold);
    const std::string full = label + "###" + id;
    const float height = std::max(56.0f * dc.unit, ImGui::GetFrameHeight());
    const bool pressed = ImGui::Button(full.c_str(), ImVec2(width, height));
    ImGui::PopFont();
    ImGui::PopStyleColor(4);
    return pressed;
}
}  // namespace

bool big_button(const DrawContext& dc, const std::string& label, const char* id, float width) {
    const Palette& p = *dc.palette;
    return button_with(dc, label, id, width, p.button, p.button_hover, p.button_text);
}

bool secondary_button(const DrawContext& dc, const std::string& label, const char* id, float width) {
    const Palette& p = *dc.palette;
    return button_with(dc, label, id, width, p.panel, p.hover_panel, p.text);
}

void heading(const DrawContext& dc, const std::string& text) {
    ImGui::PushFont(dc.fonts->heading);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
}

void paragraph(const std::string& text) {
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopTextWrapPos();
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

void set_frame_key_presses(std::vector<KeyPress> presses) { g_frame_presses = std::move(presses); }

bool key_pressed(int key, int mods) {
    const int relevant = GLFW_MOD_SHIFT | GLFW_MOD_CONTROL | GLFW_MOD_ALT;
    for (const KeyPress& p : g_frame_presses) {
        if (p.key == key && (p.mods & relevant) == mods) return true;
    }
    return false;
}

bool shortcut_pressed(int key) { return !ImGui::GetIO().WantTextInput && key_pressed(key); }

bool choice_button(const DrawContext& dc, int index, const std::string& label, bool selected, float width, bool with_key) {
    const Palette& p = *dc.palette;
    const std::string number = with_key && index < 9 ? std::to_string(index + 1) + "   " : "";
    // A chosen answer is told by a tick and a fill, not by colour alone.
    const std::string text = (selected ? "✓ " : "    ") + number + label;
    const std::string id = "choice" + std::to_string(index);
    const float w = width > 0 ? width : ImGui::GetContentRegionAvail().x;
    ImGui::PushStyleVar(ImGuiStyleVar_ButtonTextAlign, ImVec2(0.0f, 0.5f));
    bool pressed = selected ? big_button(dc, text, id.c_str(), w) : secondary_button(dc, text, id.c_str(), w);
    ImGui::PopStyleVar();
    (void)p;
    if (with_key && index < 9 && shortcut_pressed(GLFW_KEY_1 + index)) pressed = true;
    return pressed;
}

void notice_box(const DrawContext& dc, const std::string& text) {
    const float* bad = dc.palette->bad;
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(bad[0], bad[1], bad[2], 1.0f));
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
    ImGui::PushFont(dc.fonts->bold);
    const float height = ImGui::GetTextLineHeightWithSpacing() * 3.2f;
    ImGui::BeginChild("##notice", ImVec2(0, height), true);
    paragraph("⚠ " + text);
    ImGui::EndChild();
    ImGui::PopFont();
    ImGui::PopStyleColor(2);
}

}  // namespace bran::gui
