// The two steps where the patient writes in their own words.
#include "app/gui/screens/step_screens.hpp"

#include <imgui.h>

#include <algorithm>

namespace bran::gui {

namespace {

StepResult text_step(StepContext& c, const std::string& item, const char* heading_key, const char* intro_key,
                     const char* hint_key) {
    StepResult result;
    heading(c.dc, c.words.text(heading_key));
    paragraph(c.words.text(intro_key));
    muted_paragraph(c.dc, c.words.text(hint_key));
    auto [it, inserted] = c.drafts.try_emplace(item, "");
    if (inserted) {
        const nlohmann::json saved = c.walk.answers().get(item);
        if (saved.is_string()) it->second = saved.get<std::string>();
    }
    // Six lines, but never more than half the page at the larger sizes: the question must stay in view.
    const float line = ImGui::GetTextLineHeightWithSpacing();
    const float height = std::max(line * 3.0f, std::min(line * 6.0f, ImGui::GetWindowHeight() * 0.45f));
    text_field(c.dc, "##text", it->second, 0, -1.0f, height, c.first_frame_on_page);
    if (ImGui::IsItemDeactivatedAfterEdit()) {
        const auto first = it->second.find_first_not_of(" \t\r\n");
        result.intent = intent::Answer{item, first == std::string::npos ? nlohmann::json() : nlohmann::json(it->second)};
    }
    return result;
}

}  // namespace

StepResult draw_what_matters(StepContext& c) {
    return text_step(c, "what-matters", "what-matters.heading", "what-matters.intro", "what-matters.hint");
}

StepResult draw_questions(StepContext& c) {
    return text_step(c, "questions", "questions.heading", "questions.intro", "questions.hint");
}

}  // namespace bran::gui
