// Inside the view layer: one builder per walk-through step (step_view.cpp chooses among them).
#pragma once
#include "engine/i18n/catalog.hpp"
#include "engine/session/walkthrough.hpp"
#include "engine/view/screen_view.hpp"
#include "engine/view/step_view.hpp"

#include <string>

namespace bran::pages {

// What every page builder reads: the session, its words, and the aid's text in their language.
struct PageInput {
    const Walkthrough& walk;
    const Catalog& words;
    const SavedFiles& saved;
    const std::string& locale() const { return words.locale(); }
    const Aid& aid() const { return walk.aid(); }
    std::string text(const Text& t) const { return localized(t, words.locale()); }
    // "Question 2 of 5", for the page the walk-through is on.
    std::string counter(const char* key, std::size_t count) const {
        return words.text(key, {{"number", static_cast<long long>(walk.page() + 1)}, {"count", static_cast<long long>(count)}});
    }
};

void what_matters(const PageInput& in, ScreenView& view);
void options(const PageInput& in, ScreenView& view);
void bran_option(const PageInput& in, ScreenView& view);
void outcomes(const PageInput& in, ScreenView& view);
void values(const PageInput& in, ScreenView& view);
void knowledge(const PageInput& in, ScreenView& view);
void sure(const PageInput& in, ScreenView& view);
void leaning(const PageInput& in, ScreenView& view);
void questions(const PageInput& in, ScreenView& view);
void summary(const PageInput& in, ScreenView& view);
void decision(const PageInput& in, ScreenView& view);

}  // namespace bran::pages
