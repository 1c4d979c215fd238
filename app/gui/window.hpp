// The GLFW window with Dear ImGui on OpenGL3: set-up, fonts at every text size, and a frame loop
// that sleeps until something happens (idle CPU near zero).
#pragma once
#include "app/gui/fonts.hpp"
#include "app/gui/theme.hpp"

#include "app/gui/key_press.hpp"

#include <memory>
#include <string>
#include <vector>

struct GLFWwindow;
struct ImFont;

namespace bran::gui {

struct WindowOptions {
    bool full_screen = false;
    int width = 1280;
    int height = 860;
    std::string title = "bran";
    std::string glyph_text;  // every text that may be shown, so its characters are in the font
};

class Window {
public:
    // Returns nullptr and fills `error` when there is no display or no fonts.
    static std::unique_ptr<Window> open(const WindowOptions& options, std::string& error);
    ~Window();
    Window(const Window&) = delete;
    Window& operator=(const Window&) = delete;

    bool should_close() const;
    void request_close();
    void cancel_close();
    // True once after any key, click, touch, scroll or pointer move since the last call.
    bool take_input();
    // Key presses since the last call, in order. Dear ImGui 1.86 keeps only whether a key is
    // down, so a press and release that arrive together would otherwise be lost.
    std::vector<KeyPress> take_key_presses();
    // Wakes wait_for_events from another thread (read-aloud finishing, for example).
    static void wake();
    // Blocks until input arrives or `timeout_seconds` pass (negative: wait forever).
    void wait_for_events(double timeout_seconds);
    void begin_frame();
    void end_frame();

    const FontSet& fonts(TextSize size) const { return m_fonts[static_cast<int>(size)]; }
    GLFWwindow* handle() const { return m_window; }

private:
    Window() = default;
    bool load_fonts(const FontFiles& files, const std::string& glyph_text);

    GLFWwindow* m_window = nullptr;
    FontSet m_fonts[text_size_count];
};

}  // namespace bran::gui
