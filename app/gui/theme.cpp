#include "app/gui/theme.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>

namespace bran::gui {

float body_pixels(TextSize size) {
    static const float pixels[text_size_count] = {24.0f, 30.0f, 38.0f};
    return pixels[static_cast<int>(size)];
}

float heading_pixels(TextSize size) { return body_pixels(size) * 1.35f; }

const Palette& palette(bool high_contrast) {
    // Normal: dark navy text on a warm off-white, NHS-like blue buttons. High contrast: white and
    // yellow on black, the combination low-vision users most often choose.
    static const Palette normal{
        {0.98f, 0.97f, 0.95f}, {0.05f, 0.09f, 0.16f}, {0.25f, 0.29f, 0.36f}, {0.00f, 0.37f, 0.72f},
        {0.00f, 0.28f, 0.56f}, {1.00f, 1.00f, 1.00f}, {0.00f, 0.45f, 0.30f}, {0.75f, 0.16f, 0.10f},
        {0.42f, 0.45f, 0.50f}, {0.80f, 0.35f, 0.00f}, {1.00f, 1.00f, 1.00f}, {0.80f, 0.82f, 0.85f},
        {1.00f, 1.00f, 1.00f}};
    static const Palette contrast{
        {0.00f, 0.00f, 0.00f}, {1.00f, 1.00f, 1.00f}, {1.00f, 1.00f, 0.60f}, {1.00f, 1.00f, 0.00f},
        {1.00f, 1.00f, 1.00f}, {0.00f, 0.00f, 0.00f}, {0.40f, 1.00f, 0.60f}, {1.00f, 0.55f, 0.45f},
        {0.45f, 0.45f, 0.45f}, {0.00f, 1.00f, 1.00f}, {0.10f, 0.10f, 0.10f}, {0.25f, 0.25f, 0.25f},
        {0.00f, 0.00f, 0.00f}};
    return high_contrast ? contrast : normal;
}

namespace {
ImVec4 rgba(const float c[3], float alpha = 1.0f) { return ImVec4(c[0], c[1], c[2], alpha); }

double luminance(const float c[3]) {
    auto channel = [](float v) {
        return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(c[0]) + 0.7152 * channel(c[1]) + 0.0722 * channel(c[2]);
}
}  // namespace

double contrast_ratio(const float a[3], const float b[3]) {
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

void apply_theme(bool high_contrast, TextSize size) {
    const Palette& p = palette(high_contrast);
    ImGuiStyle style;
    ImGui::StyleColorsLight(&style);
    const float unit = body_pixels(size) / 24.0f;
    style.WindowPadding = ImVec2(28 * unit, 24 * unit);
    style.FramePadding = ImVec2(20 * unit, 14 * unit);
    style.ItemSpacing = ImVec2(16 * unit, 14 * unit);
    style.ItemInnerSpacing = ImVec2(12 * unit, 10 * unit);
    style.ScrollbarSize = 28 * unit;
    style.GrabMinSize = 28 * unit;
    style.FrameRounding = 10 * unit;
    style.GrabRounding = 8 * unit;
    style.FrameBorderSize = high_contrast ? 2.0f : 1.0f;
    style.WindowBorderSize = 0.0f;
    ImVec4* c = style.Colors;
    c[ImGuiCol_WindowBg] = rgba(p.background);
    c[ImGuiCol_ChildBg] = rgba(p.panel);
    c[ImGuiCol_PopupBg] = rgba(p.panel);
    c[ImGuiCol_Text] = rgba(p.text);
    c[ImGuiCol_TextDisabled] = rgba(p.muted_text);
    c[ImGuiCol_Border] = rgba(p.muted_text, 0.6f);
    c[ImGuiCol_Button] = rgba(p.button);
    c[ImGuiCol_ButtonHovered] = rgba(p.button_hover);
    c[ImGuiCol_ButtonActive] = rgba(p.button_hover);
    c[ImGuiCol_FrameBg] = rgba(p.panel);
    c[ImGuiCol_FrameBgHovered] = rgba(p.hover_panel);
    c[ImGuiCol_FrameBgActive] = rgba(p.hover_panel);
    c[ImGuiCol_CheckMark] = rgba(p.text);
    c[ImGuiCol_SliderGrab] = rgba(p.button);
    c[ImGuiCol_SliderGrabActive] = rgba(p.button_hover);
    c[ImGuiCol_Header] = rgba(p.hover_panel);
    c[ImGuiCol_HeaderHovered] = rgba(p.hover_panel);
    c[ImGuiCol_HeaderActive] = rgba(p.hover_panel);
    c[ImGuiCol_NavHighlight] = rgba(p.focus);
    c[ImGuiCol_TableHeaderBg] = rgba(p.hover_panel);
    c[ImGuiCol_TableBorderStrong] = rgba(p.muted_text);
    c[ImGuiCol_TableBorderLight] = rgba(p.muted_text, 0.5f);
    c[ImGuiCol_TableRowBg] = rgba(p.panel);
    c[ImGuiCol_TableRowBgAlt] = rgba(p.background);
    c[ImGuiCol_ScrollbarBg] = rgba(p.background);
    c[ImGuiCol_ScrollbarGrab] = rgba(p.muted_text);
    c[ImGuiCol_ModalWindowDimBg] = ImVec4(0, 0, 0, 0.6f);
    ImGui::GetStyle() = style;
}

}  // namespace bran::gui
