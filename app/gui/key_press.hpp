// One key press as GLFW reported it, kept until a frame handles it.
#pragma once

namespace bran::gui {

struct KeyPress {
    int key;   // GLFW key code
    int mods;  // GLFW_MOD_* bits
};

}  // namespace bran::gui
