// The first screen: the decision aids to choose from, each with whom it is for and whether it
// is a draft or in English only.
#pragma once
#include "engine/content/library.hpp"
#include "engine/i18n/catalog.hpp"
#include "engine/view/screen_view.hpp"

namespace bran {

ScreenView home_view(const Library& library, const Catalog& words);

}  // namespace bran
