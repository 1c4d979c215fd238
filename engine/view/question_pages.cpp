// One question per page: how much each thing matters (in words, stored 0 to 4), the knowledge
// check, the SURE test, the leaning and the decision. Number keys choose an answer.
#include "engine/decision/risk_scores.hpp"
#include "engine/view/step_pages.hpp"
#include "engine/view/summary_words.hpp"

namespace bran::pages {

namespace {

// The answers of a one-question page, keyed 1, 2, 3... in order.
void add_choice(ScreenView& view, const std::string& item, const nlohmann::json& value, const std::string& label,
                const nlohmann::json& current) {
    int key = 1;
    for (const Block& b : view.blocks) {
        if (std::holds_alternative<ChoiceBlock>(b)) ++key;
    }
    ChoiceBlock c{item, value, label};
    c.key = key <= 9 ? key : 0;
    c.selected = !current.is_null() && current == value;
    view.blocks.push_back(std::move(c));
}

}  // namespace

void values(const PageInput& in, ScreenView& view) {
    const Aid& aid = in.aid();
    const int page = in.walk.page();
    if (page < 0 || page >= static_cast<int>(aid.criteria.size())) return;
    const Criterion& criterion = aid.criteria[static_cast<std::size_t>(page)];
    view.words(Emphasis::muted, in.counter("values.counter", aid.criteria.size()));
    view.words(Emphasis::heading, in.text(criterion.label));
    // What the options change on this, in the patient's own numbers, before they say how much it matters.
    if (const Outcome* outcome = aid.find_outcome(criterion.outcome)) {
        const OutcomeNumbers shown = numbers_for(aid, *outcome, in.walk.scores());
        for (std::string& line : criterion_number_sentences(aid, shown, in.words)) view.words(Emphasis::body, std::move(line));
        view.words(Emphasis::muted, outcome_numbers_note(aid, shown, in.words));
    }
    view.words(Emphasis::strong, in.text(criterion.question));
    const std::string item = "value." + criterion.id;
    const nlohmann::json current = in.walk.answers().get(item);
    for (int level = 0; level <= 4; ++level) {
        add_choice(view, item, level, in.words.text("values.scale." + std::to_string(level)), current);
    }
}

void knowledge(const PageInput& in, ScreenView& view) {
    const Knowledge& knowledge = in.aid().knowledge;
    const int page = in.walk.page();
    if (page < 0 || page >= static_cast<int>(knowledge.questions.size())) return;
    const Question& q = knowledge.questions[static_cast<std::size_t>(page)];
    view.words(Emphasis::muted, in.counter("knowledge.counter", knowledge.questions.size()));
    view.words(Emphasis::heading, in.text(q.question));
    if (page == 0) view.words(Emphasis::muted, in.words.text("knowledge.intro"));
    const std::string item = "knowledge." + q.id;
    const nlohmann::json current = in.walk.answers().get(item);
    for (const Answer& a : q.answers) add_choice(view, item, a.id, in.text(a.text), current);
    if (!current.is_string()) return;
    if (current.get<std::string>() == q.correct) {
        view.words(Emphasis::strong, in.words.text("knowledge.right"));
    } else {
        for (const Answer& a : q.answers) {
            if (a.id == q.correct) view.words(Emphasis::strong, in.words.text("knowledge.not-quite", {{"answer", in.text(a.text)}}));
        }
    }
    view.words_if(Emphasis::body, in.text(q.explanation));
}

void sure(const PageInput& in, ScreenView& view) {
    const auto& items = sure_items();
    const int page = in.walk.page();
    if (page < 0 || page >= static_cast<int>(items.size())) return;
    const std::string& id = items[static_cast<std::size_t>(page)];
    view.words(Emphasis::muted, in.counter("sure.counter", items.size()));
    view.words(Emphasis::heading, in.words.text("sure." + id));
    if (page == 0) view.words(Emphasis::body, in.words.text("sure.intro"));
    const std::string item = "sure." + id;
    const nlohmann::json current = in.walk.answers().get(item);
    add_choice(view, item, true, in.words.text("sure.yes"), current);
    add_choice(view, item, false, in.words.text("sure.no"), current);
    if (current.is_boolean() && !current.get<bool>()) view.words(Emphasis::body, in.words.text("sure.no-means"));
}

void leaning(const PageInput& in, ScreenView& view) {
    view.words(Emphasis::heading, in.words.text("leaning.heading"));
    view.words(Emphasis::body, in.words.text("leaning.intro"));
    const auto& leaning = in.walk.answers().leaning;
    const nlohmann::json current = leaning ? nlohmann::json(*leaning) : nlohmann::json();
    for (const Option& o : in.aid().options) add_choice(view, "leaning", o.id, in.text(o.name), current);
    add_choice(view, "leaning", choice_unsure, in.words.text("leaning.unsure"), current);
}

void decision(const PageInput& in, ScreenView& view) {
    view.words(Emphasis::heading, in.words.text("decision.heading"));
    view.words(Emphasis::body, in.words.text("decision.intro"));
    const auto& decision = in.walk.answers().decision;
    const nlohmann::json current = decision ? nlohmann::json(*decision) : nlohmann::json();
    for (const Option& o : in.aid().options) add_choice(view, "decision", o.id, in.text(o.name), current);
    add_choice(view, "decision", choice_unsure, in.words.text("decision.unsure"), current);
    add_choice(view, "decision", choice_defer, in.words.text("decision.defer"), current);
    if (decision) view.words(Emphasis::strong, in.words.text("decision.recorded", {{"choice", choice_name(in.aid(), *decision, in.words)}}));
    view.blocks.push_back(ButtonBlock{Action::finish, in.words.text("decision.finish"), "", 0});
}

}  // namespace bran::pages
