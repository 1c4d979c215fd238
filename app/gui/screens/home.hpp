// The first screen: the list of decision aids to choose from.
#pragma once
#include "app/gui/widgets/widgets.hpp"
#include "engine/content/aid.hpp"
#include "engine/i18n/catalog.hpp"

#include <optional>
#include <string>
#include <vector>

namespace bran::gui {

struct AidCard {
    std::string id;
    std::string title;
    std::string decision;
    std::string audience;
    bool draft = false;
    bool not_in_this_language = false;
};

// Returns the id of the aid the user chose, if any.
std::optional<std::string> draw_home(const DrawContext& dc, const Catalog& words, const std::vector<AidCard>& aids);

}  // namespace bran::gui
