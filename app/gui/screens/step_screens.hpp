// One function per walk-through step: each draws the engine's state and returns at most one
// thing the user asked for. No screen keeps state of its own or touches the store.
#pragma once
#include "app/gui/widgets/widgets.hpp"
#include "engine/i18n/catalog.hpp"
#include "engine/session/walkthrough.hpp"

#include <map>
#include <optional>
#include <string>

namespace bran::gui {

struct StepContext {
    const DrawContext& dc;
    const Catalog& words;
    const Walkthrough& walk;
    std::map<std::string, std::string>& drafts;  // text being typed, by item, until it is recorded
    bool first_frame_on_page = false;             // to put the keyboard in the text field
    // What "take to my appointment" saved for this session (empty: nothing yet), and whether it
    // was saved on the last frame, so the confirmation can be scrolled into view.
    std::string saved_record;
    std::string saved_pdf;
    bool just_saved = false;
    const std::string& locale() const { return words.locale(); }
    const Aid& aid() const { return walk.aid(); }
    std::string text(const Text& t) const { return localized(t, words.locale()); }
};

struct StepResult {
    std::optional<Intent> intent;
    bool finish = false;     // the decision step's "ready for the next person"
    bool take_home = false;  // the summary's "take to my appointment"
};

StepResult draw_what_matters(StepContext& c);
StepResult draw_options(StepContext& c);
StepResult draw_bran(StepContext& c);
StepResult draw_outcomes(StepContext& c);
StepResult draw_values(StepContext& c);
StepResult draw_knowledge(StepContext& c);
StepResult draw_sure(StepContext& c);
StepResult draw_leaning(StepContext& c);
StepResult draw_questions(StepContext& c);
StepResult draw_summary(StepContext& c);
StepResult draw_decision(StepContext& c);

StepResult draw_step(StepContext& c);

// The text items a step edits, so Next can record what is typed before moving on.
std::optional<std::string> text_item_of(Step step);

}  // namespace bran::gui
