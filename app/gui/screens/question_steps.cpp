// One question per page: values (0-4 in words), the knowledge check, SURE, the leaning and the
// decision. Number keys choose an answer.
#include "app/gui/screens/step_screens.hpp"
#include "engine/session/summary.hpp"

#include <imgui.h>

namespace bran::gui {

namespace {

std::optional<Intent> choose(const std::string& item, const nlohmann::json& value, bool already) {
    // Choosing the chosen answer again leaves it as it is (a second tap is not "unselect").
    if (already) return std::nullopt;
    return Intent(intent::Answer{item, value});
}

}  // namespace

StepResult draw_values(StepContext& c) {
    StepResult result;
    const Aid& aid = c.aid();
    const Criterion& criterion = aid.criteria[static_cast<std::size_t>(c.walk.page())];
    muted_paragraph(c.dc, c.words.text("values.counter", {{"number", static_cast<long long>(c.walk.page() + 1)},
                                                           {"count", static_cast<long long>(aid.criteria.size())}}));
    heading(c.dc, c.text(criterion.label));
    // What the options change on this, in the patient's own numbers, before they say how much it matters.
    if (const Outcome* outcome = aid.find_outcome(criterion.outcome)) {
        for (const std::string& line : criterion_number_sentences(aid, numbers_for(aid, *outcome, c.walk.scores()), c.words)) {
            paragraph(line);
        }
        ImGui::Spacing();
    }
    bold_paragraph(c.dc, c.text(criterion.question));
    const std::string item = "value." + criterion.id;
    const nlohmann::json current = c.walk.answers().get(item);
    for (int level = 0; level <= 4; ++level) {
        const bool selected = current.is_number_integer() && current.get<int>() == level;
        if (choice_button(c.dc, level, c.words.text("values.scale." + std::to_string(level)), selected)) {
            result.intent = choose(item, level, selected);
        }
    }
    return result;
}

StepResult draw_knowledge(StepContext& c) {
    StepResult result;
    const Knowledge& knowledge = c.aid().knowledge;
    const Question& q = knowledge.questions[static_cast<std::size_t>(c.walk.page())];
    muted_paragraph(c.dc, c.words.text("knowledge.counter", {{"number", static_cast<long long>(c.walk.page() + 1)},
                                                              {"count", static_cast<long long>(knowledge.questions.size())}}));
    heading(c.dc, c.text(q.question));
    if (c.walk.page() == 0) muted_paragraph(c.dc, c.words.text("knowledge.intro"));
    const std::string item = "knowledge." + q.id;
    const nlohmann::json current = c.walk.answers().get(item);
    for (std::size_t i = 0; i < q.answers.size(); ++i) {
        const bool selected = current.is_string() && current.get<std::string>() == q.answers[i].id;
        if (choice_button(c.dc, static_cast<int>(i), c.text(q.answers[i].text), selected)) {
            result.intent = choose(item, q.answers[i].id, selected);
        }
    }
    if (current.is_string()) {
        ImGui::Spacing();
        if (current.get<std::string>() == q.correct) {
            bold_paragraph(c.dc, c.words.text("knowledge.right"));
        } else {
            for (const Answer& a : q.answers) {
                if (a.id == q.correct) bold_paragraph(c.dc, c.words.text("knowledge.not-quite", {{"answer", c.text(a.text)}}));
            }
        }
        paragraph(c.text(q.explanation));
    }
    return result;
}

StepResult draw_sure(StepContext& c) {
    StepResult result;
    const auto& items = sure_items();
    const std::string& id = items[static_cast<std::size_t>(c.walk.page())];
    muted_paragraph(c.dc, c.words.text("sure.counter", {{"number", static_cast<long long>(c.walk.page() + 1)},
                                                         {"count", static_cast<long long>(items.size())}}));
    heading(c.dc, c.words.text("sure." + id));
    if (c.walk.page() == 0) paragraph(c.words.text("sure.intro"));
    const std::string item = "sure." + id;
    const nlohmann::json current = c.walk.answers().get(item);
    const bool yes = current.is_boolean() && current.get<bool>();
    const bool no = current.is_boolean() && !current.get<bool>();
    if (choice_button(c.dc, 0, c.words.text("sure.yes"), yes)) result.intent = choose(item, true, yes);
    if (choice_button(c.dc, 1, c.words.text("sure.no"), no)) result.intent = choose(item, false, no);
    if (no) {
        ImGui::Spacing();
        paragraph(c.words.text("sure.no-means"));
    }
    return result;
}

StepResult draw_leaning(StepContext& c) {
    StepResult result;
    heading(c.dc, c.words.text("leaning.heading"));
    paragraph(c.words.text("leaning.intro"));
    const auto& current = c.walk.answers().leaning;
    const Aid& aid = c.aid();
    int index = 0;
    for (const Option& o : aid.options) {
        const bool selected = current == o.id;
        if (choice_button(c.dc, index++, c.text(o.name), selected)) result.intent = choose("leaning", o.id, selected);
    }
    const bool unsure = current == std::string(choice_unsure);
    if (choice_button(c.dc, index, c.words.text("leaning.unsure"), unsure)) result.intent = choose("leaning", choice_unsure, unsure);
    return result;
}

StepResult draw_decision(StepContext& c) {
    StepResult result;
    heading(c.dc, c.words.text("decision.heading"));
    paragraph(c.words.text("decision.intro"));
    const auto& current = c.walk.answers().decision;
    int index = 0;
    for (const Option& o : c.aid().options) {
        const bool selected = current == o.id;
        if (choice_button(c.dc, index++, c.text(o.name), selected)) result.intent = choose("decision", o.id, selected);
    }
    const bool unsure = current == std::string(choice_unsure);
    if (choice_button(c.dc, index++, c.words.text("decision.unsure"), unsure)) result.intent = choose("decision", choice_unsure, unsure);
    const bool defer = current == std::string(choice_defer);
    if (choice_button(c.dc, index, c.words.text("decision.defer"), defer)) result.intent = choose("decision", choice_defer, defer);
    ImGui::Spacing();
    if (current) bold_paragraph(c.dc, c.words.text("decision.recorded", {{"choice", choice_name(c.aid(), *current, c.words)}}));
    if (big_button(c.dc, c.words.text("decision.finish"), "finish")) result.finish = true;
    return result;
}

}  // namespace bran::gui
