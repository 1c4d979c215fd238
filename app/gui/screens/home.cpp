#include "app/gui/screens/home.hpp"

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
    for (const AidCard& aid : aids) {
        ImGui::PushID(aid.id.c_str());
        ImGui::Separator();
        ImGui::Spacing();
        bold_paragraph(dc, aid.title);
        paragraph(aid.audience);
        if (aid.draft) muted_paragraph(dc, words.text("home.draft"));
        if (big_button(dc, words.text("home.open"), "open")) chosen = aid.id;
        ImGui::Spacing();
        ImGui::PopID();
    }
    return chosen;
}

}  // namespace bran::gui
