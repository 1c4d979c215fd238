// Keyboard focus over the whole screen, kept by bran rather than by Dear ImGui: ImGui 1.86 moves
// the keyboard focus only inside one window, shows none until a mouse click has chosen a window,
// and a bran screen is several windows (the top bar and footer around a scrolling page). Tab and
// Shift+Tab go through every control in the order it is drawn; Space or Enter presses it.
// Knows nothing of ImGui: controls are numbers (their ImGui IDs), so tests can drive it.
#pragma once
#include <cstddef>
#include <optional>
#include <vector>

namespace bran::gui {

class FocusRing {
public:
    enum class Move { none, next, previous };
    struct Control {
        bool focused = false;  // draw the focus ring around it (when showing())
        bool arrived = false;  // the focus came to it this frame: bring it into view, give it the keyboard
        bool pressed = false;  // Space or Enter pressed while it had the focus
        bool tabbed_to = false;  // arrived by Tab or Shift+Tab: scroll it into view (not a field
                                 // given the keys as its page opens, whose question is above it)
    };

    // Before the frame's controls are drawn: this frame's keys, applied to the controls as the
    // person saw them on the last frame.
    void begin_frame(Move move, bool press);
    // Where the page's own controls begin (after the top bar): the first Tab on a page goes there.
    void mark_page_start();
    // Each control as it is drawn, in reading order.
    Control add(unsigned id);
    // Gives the focus to a control: by the keyboard (a text field that takes the keys when its
    // page opens: the ring shows) or by the pointer (a click: the ring hides until a key moves it).
    enum class By { keyboard, pointer };
    void focus(unsigned id, By by);
    // A new screen or page: nothing has the focus, and the next Tab goes to the page's first control.
    void forget() { m_focused.reset(); }

    bool showing() const { return m_showing; }
    // The control with the focus, if it was drawn on the last frame.
    std::optional<unsigned> focused() const;
    // Whether the focus moved this frame (a text field that had the keys must let go of them).
    bool moved() const { return m_moved; }

private:
    std::vector<unsigned> m_drawn;
    std::vector<unsigned> m_last_drawn;
    std::size_t m_page_start = 0;
    std::size_t m_last_page_start = 0;
    std::optional<unsigned> m_focused;
    std::optional<unsigned> m_arrived;
    bool m_tabbed = false;
    std::optional<unsigned> m_pressed;
    bool m_showing = false;
    bool m_moved = false;
};

}  // namespace bran::gui
