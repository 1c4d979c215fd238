#include "engine/view/step_view.hpp"

#include "engine/view/step_pages.hpp"

namespace bran {

namespace {

// The aid, so a patient who comes back to the screen knows what it is about; then the step.
std::vector<std::string> place_of(const Walkthrough& walk, const Catalog& words) {
    std::string step = words.text("nav.progress", {{"step", static_cast<long long>(step_index(walk.step()) + 1)},
                                                   {"steps", static_cast<long long>(all_steps().size())},
                                                   {"name", words.text(std::string("step.") + step_name(walk.step()))}});
    if (walk.page_count() > 1) {
        step += "  " + words.text("nav.page", {{"page", static_cast<long long>(walk.page() + 1)},
                                               {"pages", static_cast<long long>(walk.page_count())}});
    }
    return {localized(walk.aid().title, words.locale()), step};
}

}  // namespace

ScreenView step_view(const Walkthrough& walk, const Catalog& words, const SavedFiles& saved) {
    const pages::PageInput in{walk, words, saved};
    ScreenView view;
    switch (walk.step()) {
        case Step::what_matters: pages::what_matters(in, view); break;
        case Step::options: pages::options(in, view); break;
        case Step::bran: pages::bran_option(in, view); break;
        case Step::outcomes: pages::outcomes(in, view); break;
        case Step::values: pages::values(in, view); break;
        case Step::knowledge: pages::knowledge(in, view); break;
        case Step::sure: pages::sure(in, view); break;
        case Step::leaning: pages::leaning(in, view); break;
        case Step::questions: pages::questions(in, view); break;
        case Step::summary: pages::summary(in, view); break;
        case Step::decision: pages::decision(in, view); break;
    }
    view.place = place_of(walk, words);
    return view;
}

std::optional<std::string> text_item_of(Step step) {
    if (step == Step::what_matters) return std::string("what-matters");
    if (step == Step::questions) return std::string("questions");
    return std::nullopt;
}

}  // namespace bran
