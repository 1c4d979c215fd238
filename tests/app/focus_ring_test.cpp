// The keyboard focus as a person pressing Tab, Shift+Tab, Space and Enter meets it: every control
// in reading order, starting at the page rather than the top bar, wrapping at the ends, pressing
// only the focused control, and shown only once the keyboard is used.
#include "app/gui/widgets/focus_ring.hpp"

#include <catch2/catch.hpp>

#include <vector>

using bran::gui::FocusRing;
using Move = FocusRing::Move;

namespace {

// One frame of a screen with a top bar (ids 1, 2) and a page (ids 10, 11, 12): which control has
// the focus after `move`, and which one was pressed.
struct Frame {
    std::vector<unsigned> focused;
    std::vector<unsigned> pressed;
    std::vector<unsigned> arrived;
};

Frame frame(FocusRing& ring, Move move = Move::none, bool press = false, const std::vector<unsigned>& page = {10, 11, 12}) {
    ring.begin_frame(move, press);
    Frame f;
    auto add = [&](unsigned id) {
        const FocusRing::Control c = ring.add(id);
        if (c.focused) f.focused.push_back(id);
        if (c.pressed) f.pressed.push_back(id);
        if (c.arrived) f.arrived.push_back(id);
    };
    add(1);
    add(2);
    ring.mark_page_start();
    for (unsigned id : page) add(id);
    return f;
}

}  // namespace

TEST_CASE("the first Tab on a page goes to the page's first control, not the top bar", "[focus]") {
    FocusRing ring;
    frame(ring);
    CHECK_FALSE(ring.showing());
    const Frame f = frame(ring, Move::next);
    CHECK(f.focused == std::vector<unsigned>{10});
    CHECK(f.arrived == std::vector<unsigned>{10});
    CHECK(ring.showing());
}

TEST_CASE("Tab goes through every control in order and wraps round to the top bar", "[focus]") {
    FocusRing ring;
    frame(ring);
    std::vector<unsigned> seen;
    for (int i = 0; i < 6; ++i) seen.push_back(frame(ring, Move::next).focused.at(0));
    CHECK(seen == std::vector<unsigned>{10, 11, 12, 1, 2, 10});
}

TEST_CASE("Shift+Tab goes backwards, and from nothing to the control just before the page", "[focus]") {
    FocusRing ring;
    frame(ring);
    CHECK(frame(ring, Move::previous).focused == std::vector<unsigned>{2});
    CHECK(frame(ring, Move::previous).focused == std::vector<unsigned>{1});
    CHECK(frame(ring, Move::previous).focused == std::vector<unsigned>{12});
}

TEST_CASE("Space or Enter presses the focused control only, and nothing when nothing is focused", "[focus]") {
    FocusRing ring;
    frame(ring);
    CHECK(frame(ring, Move::none, true).pressed.empty());
    frame(ring, Move::next);
    frame(ring, Move::next);
    const Frame f = frame(ring, Move::none, true);
    CHECK(f.pressed == std::vector<unsigned>{11});
    CHECK(frame(ring).pressed.empty());  // once: the next frame presses nothing
}

TEST_CASE("a new page forgets the focus: the next Tab starts at its first control", "[focus]") {
    FocusRing ring;
    frame(ring);
    frame(ring, Move::next);
    frame(ring, Move::next);  // 11
    ring.forget();
    const std::vector<unsigned> next_page{20, 21};
    frame(ring, Move::none, false, next_page);
    CHECK(frame(ring, Move::none, false, next_page).focused.empty());
    CHECK(frame(ring, Move::next, false, next_page).focused == std::vector<unsigned>{20});
}

TEST_CASE("a control that is gone is not focused, and Tab then starts at the page again", "[focus]") {
    FocusRing ring;
    frame(ring);
    frame(ring, Move::next);
    frame(ring, Move::next);
    frame(ring, Move::next);  // 12
    const std::vector<unsigned> shorter{10, 11};
    frame(ring, Move::none, false, shorter);
    CHECK(frame(ring, Move::none, false, shorter).focused.empty());
    CHECK(frame(ring, Move::next, false, shorter).focused == std::vector<unsigned>{10});
}

TEST_CASE("a click moves the focus there and hides the ring until a key moves it", "[focus]") {
    FocusRing ring;
    frame(ring);
    frame(ring, Move::next);
    CHECK(ring.showing());
    ring.focus(11, FocusRing::By::pointer);
    CHECK_FALSE(ring.showing());
    CHECK(frame(ring, Move::next).focused == std::vector<unsigned>{12});
    CHECK(ring.showing());
}

TEST_CASE("a text field given the keys as its page opens is focused in that same frame", "[focus]") {
    FocusRing ring;
    frame(ring);
    ring.begin_frame(Move::none, false);
    ring.add(1);
    ring.add(2);
    ring.mark_page_start();
    ring.focus(10, FocusRing::By::keyboard);
    const FocusRing::Control c = ring.add(10);
    CHECK(c.focused);
    CHECK(c.arrived);
    CHECK(ring.moved());
    ring.add(11);
    CHECK(frame(ring, Move::next).focused == std::vector<unsigned>{11});
}

TEST_CASE("only Tab scrolls a control into view: a field given the keys as its page opens does not", "[focus]") {
    FocusRing ring;
    frame(ring);
    ring.begin_frame(Move::none, false);
    ring.mark_page_start();
    ring.focus(10, FocusRing::By::keyboard);
    const FocusRing::Control given = ring.add(10);
    CHECK(given.arrived);
    CHECK_FALSE(given.tabbed_to);
    ring.add(11);
    ring.begin_frame(Move::next, false);
    ring.add(10);
    const FocusRing::Control tabbed = ring.add(11);
    CHECK(tabbed.arrived);
    CHECK(tabbed.tabbed_to);
}
