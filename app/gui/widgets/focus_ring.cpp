#include "app/gui/widgets/focus_ring.hpp"

#include <algorithm>

namespace bran::gui {

void FocusRing::begin_frame(Move move, bool press) {
    m_last_drawn.swap(m_drawn);
    m_drawn.clear();
    m_last_page_start = m_page_start;
    m_page_start = 0;
    m_arrived.reset();
    m_pressed.reset();
    m_moved = false;
    m_tabbed = false;

    const std::optional<unsigned> current = focused();
    if (move != Move::none && !m_last_drawn.empty()) {
        const std::size_t count = m_last_drawn.size();
        std::size_t to;
        if (current) {
            const auto at = static_cast<std::size_t>(std::find(m_last_drawn.begin(), m_last_drawn.end(), *current) - m_last_drawn.begin());
            to = move == Move::next ? (at + 1) % count : (at + count - 1) % count;
        } else {
            // Nothing focused on this page yet: Tab starts at the page's first control, Shift+Tab
            // at the one just before it (the last on the screen when the page starts the order).
            const std::size_t start = m_last_page_start < count ? m_last_page_start : 0;
            to = move == Move::next ? start : (start + count - 1) % count;
        }
        m_focused = m_last_drawn[to];
        m_arrived = m_focused;
        m_showing = true;
        m_moved = true;
        m_tabbed = true;
    } else if (press && current) {
        m_pressed = current;
        m_showing = true;
    }
}

void FocusRing::mark_page_start() { m_page_start = m_drawn.size(); }

FocusRing::Control FocusRing::add(unsigned id) {
    m_drawn.push_back(id);
    Control control;
    control.focused = m_focused == id;
    control.arrived = m_arrived == id;
    control.pressed = m_pressed == id;
    control.tabbed_to = control.arrived && m_tabbed;
    return control;
}

void FocusRing::focus(unsigned id, By by) {
    if (m_focused != id) m_moved = true;
    m_focused = id;
    m_showing = by == By::keyboard;
    m_tabbed = false;
    if (by == By::keyboard) m_arrived = id;
}

std::optional<unsigned> FocusRing::focused() const {
    if (m_focused && std::find(m_last_drawn.begin(), m_last_drawn.end(), *m_focused) != m_last_drawn.end()) return m_focused;
    // Focused during this frame (a text field given the keys as its page opened).
    if (m_focused && std::find(m_drawn.begin(), m_drawn.end(), *m_focused) != m_drawn.end()) return m_focused;
    return std::nullopt;
}

}  // namespace bran::gui
