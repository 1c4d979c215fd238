// The bar above every screen: languages, text size, contrast, reading aloud, and the way out of
// the walk-through (Start again) or into the staff views (Staff).
#pragma once
#include "app/gui/widgets/widgets.hpp"
#include "engine/i18n/catalog.hpp"
#include "engine/shell/app_model.hpp"

#include <string>
#include <vector>

namespace bran::gui {

// What the bar's buttons asked for this frame. The ones that end or leave the screen being drawn
// are acted on after the frame: "Start again" closed the session that the rest of the same frame
// then drew, and crashed.
struct TopBarPresses {
    bool read_aloud = false;  // the button: read this screen, or stop
    bool start_again = false;
    bool staff = false;
};

// Display settings change the model at once (they change nothing the frame still draws).
TopBarPresses draw_top_bar(const DrawContext& dc, const Catalog& words, AppModel& model,
                           const std::vector<std::string>& locales, bool speaking);

}  // namespace bran::gui
