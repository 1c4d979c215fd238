// The walk-through's pages as views: one function per step, and where the patient is.
#pragma once
#include "engine/i18n/catalog.hpp"
#include "engine/session/walkthrough.hpp"
#include "engine/view/screen_view.hpp"

#include <optional>
#include <string>

namespace bran {

// What "take to my appointment" saved for this session (empty: nothing yet).
struct SavedFiles {
    std::string record;
    std::string pdf;
};

// The page the walk-through is on, with the place line at its foot.
ScreenView step_view(const Walkthrough& walk, const Catalog& words, const SavedFiles& saved = {});

// The text item a step's page edits, if any, so Next can record what is typed before moving on.
std::optional<std::string> text_item_of(Step step);

}  // namespace bran
