#include "app/gui/top_bar.hpp"

#include <imgui.h>
#include <imgui_internal.h>

namespace bran::gui {

TopBarPresses draw_top_bar(const DrawContext& dc, const Catalog& words, AppModel& model,
                           const std::vector<std::string>& locales, bool speaking) {
    TopBarPresses pressed;
    // The same IDs whichever window holds the bar (above the page, or in it at the larger sizes),
    // so the focus ring stays on A+ when pressing it moves the bar into the page.
    ImGui::PushOverrideID(ImHashStr("top-bar"));
    // Tighter than the page's buttons, so the bar takes one row at 1280 pixels and normal text,
    // leaving the page most of the window.
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(14.0f * dc.unit, ImGui::GetStyle().FramePadding.y));
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(10.0f * dc.unit, ImGui::GetStyle().ItemSpacing.y));
    bool first = true;
    auto button = [&](bool chosen, const std::string& label, const char* id) {
        const bool clicked = row_button(dc, chosen, label, id, first);
        first = false;
        return clicked;
    };
    for (const std::string& locale : locales) {
        // Each language is named in itself, so a person can find their own.
        const std::string id = "lang-" + locale;
        if (button(locale == model.locale(), words.text("lang." + locale), id.c_str())) model.set_locale(locale);
    }
    if (button(false, "A−  " + words.text("top.smaller"), "smaller")) model.set_text_size(model.text_size() - 1);
    if (button(false, "A+  " + words.text("top.bigger"), "bigger")) model.set_text_size(model.text_size() + 1);
    if (button(false, words.text(model.high_contrast() ? "top.contrast-off" : "top.contrast-on"), "contrast")) {
        model.set_high_contrast(!model.high_contrast());
    }
    if (button(speaking, words.text(speaking ? "top.stop-reading" : "top.read-aloud"), "read-aloud")) pressed.read_aloud = true;
    const bool every = model.reads_every_screen();
    if (button(every, words.text(every ? "top.auto-read-off" : "top.auto-read-on"), "auto-read")) {
        model.set_read_every_screen(!every);
    }
    if (model.screen() == Screen::walkthrough) {
        if (button(false, words.text("top.start-again"), "start-again")) pressed.start_again = true;
    } else if (model.screen() == Screen::home) {
        if (button(false, words.text("home.staff"), "staff")) pressed.staff = true;
    }
    ImGui::PopStyleVar(2);
    ImGui::PopID();
    ImGui::Separator();
    return pressed;
}

}  // namespace bran::gui
