#include "app/gui/screens/step_screens.hpp"

namespace bran::gui {

StepResult draw_step(StepContext& c) {
    switch (c.walk.step()) {
        case Step::what_matters: return draw_what_matters(c);
        case Step::options: return draw_options(c);
        case Step::bran: return draw_bran(c);
        case Step::outcomes: return draw_outcomes(c);
        case Step::values: return draw_values(c);
        case Step::knowledge: return draw_knowledge(c);
        case Step::sure: return draw_sure(c);
        case Step::leaning: return draw_leaning(c);
        case Step::questions: return draw_questions(c);
        case Step::summary: return draw_summary(c);
        case Step::decision: return draw_decision(c);
    }
    return {};
}

std::optional<std::string> text_item_of(Step step) {
    if (step == Step::what_matters) return std::string("what-matters");
    if (step == Step::questions) return std::string("questions");
    return std::nullopt;
}

}  // namespace bran::gui
