// Screens outside the walk-through: the PIN prompt, the staff menu, and the kiosk's idle prompt.
#pragma once
#include "app/gui/widgets/widgets.hpp"
#include "engine/i18n/catalog.hpp"
#include "engine/shell/app_model.hpp"
#include "engine/view/screen_view.hpp"

#include <string>

namespace bran::gui {

struct PinResult {
    bool submit = false;
    bool cancel = false;
};
// `typed` is the PIN being entered (digits only, shown as dots).
PinResult draw_pin(const DrawContext& dc, const Catalog& words, const AppModel& model, std::string& typed);

enum class StaffChoice { none, close, back, audit, open_file };
// `files` are record files from home found nearby; `path` is the one chosen or typed.
StaffChoice draw_clinician(const DrawContext& dc, const Catalog& words, const AppModel& model,
                           const std::vector<std::string>& files, std::string& path);

// The kiosk's "Are you still there?" over the whole window (shell/current_view.hpp's idle_view).
// Returns true when the person says they are still there.
bool draw_idle_prompt(const DrawContext& dc, const ScreenView& prompt);

}  // namespace bran::gui
