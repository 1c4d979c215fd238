// The screen the application shows now, as one view: what the window's page draws and what
// read-aloud says.
#pragma once
#include "engine/i18n/catalog.hpp"
#include "engine/shell/app_model.hpp"
#include "engine/view/screen_view.hpp"

#include <optional>
#include <string>

namespace bran {

// A notice first (an error the patient must see), then the screen. With now (the model's
// clock), the kiosk's "Are you still there?" prompt, which covers the whole window, is the
// screen, with its countdown; without it, only its heading and button.
ScreenView current_view(const AppModel& model, const Catalog& words, std::optional<double> now = std::nullopt);

// What read-aloud says for the screen showing: the current view's spoken text.
std::string screen_text(const AppModel& model, const Catalog& words, std::optional<double> now = std::nullopt);

// The kiosk's prompt alone.
ScreenView idle_view(const Catalog& words, std::optional<int> seconds_left);

}  // namespace bran
