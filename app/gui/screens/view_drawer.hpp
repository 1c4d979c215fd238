// The window's side of a view (engine/view/screen_view.hpp): each block drawn with the screens'
// widgets, in order, and what the person pressed handed back. It adds no words of its own, so
// the page says exactly what read-aloud says.
#pragma once
#include "app/gui/widgets/widgets.hpp"
#include "engine/view/screen_view.hpp"

#include <map>
#include <optional>
#include <string>

namespace bran::gui {

// What the window keeps for the page being drawn (never the patient's answers: those are the engine's).
struct PageState {
    std::map<std::string, std::string>& drafts;  // text being typed, by item, until it is recorded
    bool first_frame = false;                    // the page just opened: the keyboard goes to its text field
    bool just_saved = false;                     // a save's confirmation is brought into view
    bool to_anchor = false;                      // the view's anchor block is brought to the top
};

struct ViewPress {
    std::optional<intent::Answer> answer;  // an answer chosen, changed or cleared
    std::optional<ButtonBlock> button;     // a button pressed
    bool entered = false;                  // Enter in a one-line field (draw_view presses the button after it)
};

ViewPress draw_view(const DrawContext& dc, const ScreenView& view, PageState& state);
// One block; `index` is its place in the view, which keeps its controls' IDs apart. An answer is
// `width` wide (0: the page's width).
ViewPress draw_block(const DrawContext& dc, const Block& block, int index, PageState& state, float width = 0.0f);
// Where the patient is, for the foot of the page: its lines from `first` on (the aid's title is
// line 0; at the larger text sizes the window shows it at the top of the page instead).
void draw_place(const DrawContext& dc, const ScreenView& view, std::size_t first = 0);

}  // namespace bran::gui
