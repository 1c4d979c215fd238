#include "app/gui/top_bar.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <functional>
#include <string>
#include <vector>

namespace bran::gui {

TopBarPresses draw_top_bar(const DrawContext& dc, const Catalog& words, AppModel& model,
                           const std::vector<std::string>& locales, bool speaking) {
    TopBarPresses pressed;
    // The same IDs whichever window holds the bar (above the page, or in it at the larger sizes),
    // so the focus ring stays on A+ when pressing it moves the bar into the page.
    ImGui::PushOverrideID(ImHashStr("top-bar"));
    struct Control {
        bool chosen;
        std::string label;
        std::string id;
        std::function<void()> pressed;
    };
    std::vector<Control> controls;
    for (const std::string& locale : locales) {
        // Each language is named in itself, so a person can find their own.
        controls.push_back({locale == model.locale(), words.text("lang." + locale), "lang-" + locale, [&model, locale] { model.set_locale(locale); }});
    }
    controls.push_back({false, "A−  " + words.text("top.smaller"), "smaller", [&model] { model.set_text_size(model.text_size() - 1); }});
    controls.push_back({false, "A+  " + words.text("top.bigger"), "bigger", [&model] { model.set_text_size(model.text_size() + 1); }});
    controls.push_back({false, words.text(model.high_contrast() ? "top.contrast-off" : "top.contrast-on"), "contrast",
                        [&model] { model.set_high_contrast(!model.high_contrast()); }});
    controls.push_back({speaking, words.text(speaking ? "top.stop-reading" : "top.read-aloud"), "read-aloud", [&pressed] { pressed.read_aloud = true; }});
    const bool every = model.reads_every_screen();
    controls.push_back({every, words.text(every ? "top.auto-read-off" : "top.auto-read-on"), "auto-read",
                        [&model, every] { model.set_read_every_screen(!every); }});
    if (model.screen() == Screen::walkthrough) {
        controls.push_back({false, words.text("top.start-again"), "start-again", [&pressed] { pressed.start_again = true; }});
    } else if (model.screen() == Screen::home) {
        controls.push_back({false, words.text("home.staff"), "staff", [&pressed] { pressed.staff = true; }});
    }
    // Tighter than the page's buttons, so the bar takes one row at 1280 pixels and normal text,
    // leaving the page most of the window; tighter still where the words are longer (Welsh)
    // before it takes a second row.
    ImGui::PushFont(dc.fonts->bold);
    float words_width = 0.0f;
    for (const Control& c : controls) words_width += ImGui::CalcTextSize(c.label.c_str()).x;
    ImGui::PopFont();
    const float room = ImGui::GetContentRegionAvail().x;
    const float gaps = static_cast<float>(controls.size());
    float padding = 14.0f * dc.unit, spacing = 10.0f * dc.unit;
    if (words_width + gaps * (2.0f * padding + spacing) > room) padding = 9.0f * dc.unit, spacing = 7.0f * dc.unit;
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(padding, ImGui::GetStyle().FramePadding.y));
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(spacing, ImGui::GetStyle().ItemSpacing.y));
    for (std::size_t i = 0; i < controls.size(); ++i) {
        if (row_button(dc, controls[i].chosen, controls[i].label, controls[i].id.c_str(), i == 0)) controls[i].pressed();
    }
    ImGui::PopStyleVar(2);
    ImGui::PopID();
    ImGui::Separator();
    return pressed;
}

}  // namespace bran::gui
