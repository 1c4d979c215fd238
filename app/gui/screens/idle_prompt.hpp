// The kiosk's idle prompt, drawn over whatever screen is showing.
#pragma once
#include "app/gui/widgets/widgets.hpp"
#include "engine/view/screen_view.hpp"

#include <string>

namespace bran::gui {

// The kiosk's "Are you still there?" over the whole window (shell/current_view.hpp's idle_view).
// Returns true when the person says they are still there.
bool draw_idle_prompt(const DrawContext& dc, const ScreenView& prompt);

}  // namespace bran::gui
