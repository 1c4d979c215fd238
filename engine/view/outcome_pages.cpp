// What may happen: the questions about the patient (for aids that personalise), then one outcome
// per page, every option side by side with the same denominator and time frame, and where each
// number comes from.
#include "engine/view/outcome_figure.hpp"
#include "engine/view/step_pages.hpp"
#include "engine/view/summary_words.hpp"

#include <algorithm>

namespace bran::pages {

namespace {

void risk_questions(const PageInput& in, ScreenView& view) {
    const Personalisation& p = *in.aid().personalisation;
    view.words(Emphasis::heading, in.words.text("outcomes.about-you"));
    view.words(Emphasis::body, in.words.text("outcomes.about-you-intro"));
    for (const RiskInput& input : p.inputs) {
        view.words(Emphasis::section, in.text(input.question));
        view.words_if(Emphasis::muted, in.text(input.help));
        const std::string item = "risk." + input.id;
        const nlohmann::json chosen = in.walk.answers().get(item);
        // Several questions share this page, so their answers have no number keys.
        for (const InputChoice& choice : input.choices) {
            ChoiceBlock c{item, choice.id, in.text(choice.label)};
            c.selected = chosen.is_string() && chosen.get<std::string>() == choice.id;
            c.clears_when_chosen = true;
            view.blocks.push_back(std::move(c));
        }
    }
}

}  // namespace

void outcomes(const PageInput& in, ScreenView& view) {
    if (in.walk.is_risk_page()) {
        risk_questions(in, view);
        return;
    }
    const Outcome* outcome = in.walk.current_outcome();
    if (!outcome) return;
    const Aid& aid = in.aid();
    const std::string name = in.text(outcome->name);
    view.words(Emphasis::heading, in.words.text("outcomes.heading", {{"outcome", name}}));
    view.words_if(Emphasis::body, in.text(outcome->explanation));
    const auto scores = in.walk.scores();
    const OutcomeNumbers shown = numbers_for(aid, *outcome, scores);
    view.words(Emphasis::muted, outcome_numbers_note(aid, shown, in.words));
    if (shown.personalised) view.words_if(Emphasis::muted, scores_sentence(aid, scores, in.words));
    if (!shown.numbers) return;
    view.blocks.push_back(outcome_figure(aid, shown, in.words));
    // Every number shown is tied to its source, each source once.
    std::vector<std::string> cited;
    for (const Option& option : aid.options) {
        auto number = shown.numbers->find(option.id);
        if (number == shown.numbers->end()) continue;
        if (std::find(cited.begin(), cited.end(), number->second.source) != cited.end()) continue;
        cited.push_back(number->second.source);
        for (const Source& source : aid.sources) {
            if (source.id == number->second.source) {
                view.words(Emphasis::muted, in.words.text("outcomes.source", {{"citation", source.citation},
                                                                              {"year", std::to_string(source.year)}}));
            }
        }
    }
}

}  // namespace bran::pages
