#include "app/gui/screens/home.hpp"

#include <GLFW/glfw3.h>
#include <imgui.h>

namespace bran::gui {

std::optional<std::string> draw_home(const DrawContext& dc, const Catalog& words, const std::vector<AidCard>& aids) {
    std::optional<std::string> chosen;
    heading(dc, words.text("home.heading"));
    paragraph(words.text("home.intro"));
    if (aids.empty()) {
        bold_paragraph(dc, words.text("home.none"));
        return chosen;
    }
    muted_paragraph(dc, words.text("home.count", {{"count", static_cast<long long>(aids.size())}}));
    ImGui::Spacing();
    for (std::size_t i = 0; i < aids.size(); ++i) {
        const AidCard& aid = aids[i];
        ImGui::PushID(aid.id.c_str());
        ImGui::Separator();
        ImGui::Spacing();
        bold_paragraph(dc, aid.title);
        paragraph(aid.audience);
        if (aid.not_in_this_language) muted_paragraph(dc, words.text("home.english-only"));
        if (aid.draft) muted_paragraph(dc, words.text("home.draft"));
        // Number keys open an aid too, as they choose answers on every question.
        const std::string key = i < 9 ? std::to_string(i + 1) + "   " : "";
        if (big_button(dc, key + words.text("home.open"), "open") || (i < 9 && shortcut_pressed(GLFW_KEY_1 + static_cast<int>(i)))) {
            chosen = aid.id;
        }
        ImGui::Spacing();
        ImGui::PopID();
    }
    return chosen;
}

}  // namespace bran::gui
