// What may happen: the risk questions (for aids that personalise), then one outcome per page as
// "N out of 100 people like you" in words and as an icon array, every option side by side with the
// same denominator and time frame.
#include "app/gui/screens/step_screens.hpp"
#include "app/gui/widgets/icon_array.hpp"
#include "engine/session/risk_scores.hpp"
#include "engine/session/summary.hpp"

#include <imgui.h>

namespace bran::gui {

namespace {

StepResult draw_risk_questions(StepContext& c) {
    StepResult result;
    const Personalisation& p = *c.aid().personalisation;
    heading(c.dc, c.words.text("outcomes.about-you"));
    paragraph(c.words.text("outcomes.about-you-intro"));
    for (const RiskInput& input : p.inputs) {
        ImGui::PushID(input.id.c_str());
        ImGui::Separator();
        bold_paragraph(c.dc, c.text(input.question));
        if (!input.help.empty()) muted_paragraph(c.dc, c.text(input.help));
        const std::string item = "risk." + input.id;
        const nlohmann::json chosen = c.walk.answers().get(item);
        for (std::size_t i = 0; i < input.choices.size(); ++i) {
            const InputChoice& choice = input.choices[i];
            const bool selected = chosen.is_string() && chosen.get<std::string>() == choice.id;
            if (choice_button(c.dc, static_cast<int>(i), c.text(choice.label), selected, 0.0f, false)) {
                result.intent = intent::Answer{item, selected ? nlohmann::json() : nlohmann::json(choice.id)};
            }
        }
        ImGui::PopID();
    }
    return result;
}

}  // namespace

StepResult draw_outcomes(StepContext& c) {
    if (c.walk.is_risk_page()) return draw_risk_questions(c);
    const Outcome* outcome = c.walk.current_outcome();
    if (!outcome) return {};
    const Aid& aid = c.aid();
    const std::string name = c.text(outcome->name);
    heading(c.dc, c.words.text("outcomes.heading", {{"outcome", name}}));
    if (!outcome->explanation.empty()) paragraph(c.text(outcome->explanation));
    const OutcomeNumbers shown = numbers_for(aid, *outcome, c.walk.scores());
    if (aid.personalisation) muted_paragraph(c.dc, outcome_numbers_note(aid, shown, c.words));
    const bool good = outcome->valence == Valence::good;
    const int columns = static_cast<int>(aid.options.size());
    if (ImGui::BeginTable("##outcome", columns, ImGuiTableFlags_SizingStretchSame | ImGuiTableFlags_BordersInnerV)) {
        ImGui::TableNextRow();
        for (int i = 0; i < columns; ++i) {
            ImGui::TableSetColumnIndex(i);
            const Option& option = aid.options[static_cast<std::size_t>(i)];
            const Number& number = shown.numbers->at(option.id);
            bold_paragraph(c.dc, c.text(option.name));
            paragraph(outcome_sentence(aid, shown, number.count, name, c.words));
            icon_array(c.dc, number.count, outcome->denominator, good, ImGui::GetContentRegionAvail().x - 8.0f);
        }
        ImGui::EndTable();
    }
    muted_paragraph(c.dc, c.words.text(good ? "outcomes.legend-good" : "outcomes.legend-bad", {{"outcome", name}}));
    // Every number shown is tied to its source.
    std::vector<std::string> cited;
    for (const auto& [option, number] : *shown.numbers) {
        if (std::find(cited.begin(), cited.end(), number.source) != cited.end()) continue;
        cited.push_back(number.source);
        for (const Source& s : aid.sources) {
            if (s.id == number.source) {
                muted_paragraph(c.dc, c.words.text("outcomes.source", {{"citation", s.citation}, {"year", std::to_string(s.year)}}));
            }
        }
    }
    return {};
}

}  // namespace bran::gui
