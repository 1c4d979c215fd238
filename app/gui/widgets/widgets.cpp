#include "app/gui/widgets/widgets.hpp"

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
    return button_with(dc, label, id, width, p.panel, p.empty, p.text);
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
