#include "app/gui/window.hpp"

#include "app/gui/glyph_ranges.hpp"
#include "app/gui/startup_times.hpp"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <algorithm>

namespace bran::gui {

namespace {
std::string g_glfw_error;
bool g_had_input = false;
std::vector<KeyPress> g_key_presses;
void on_glfw_error(int, const char* description) { g_glfw_error = description ? description : "unknown error"; }
// Installed before Dear ImGui's, which calls them in turn: they only note that a person is there.
void on_key(GLFWwindow*, int key, int, int action, int mods) {
    g_had_input = true;
    if (action == GLFW_PRESS || action == GLFW_REPEAT) g_key_presses.push_back({key, mods});
}
void on_char(GLFWwindow*, unsigned int) { g_had_input = true; }
void on_mouse_button(GLFWwindow*, int, int, int) { g_had_input = true; }
void on_scroll(GLFWwindow*, double, double) { g_had_input = true; }
void on_cursor(GLFWwindow*, double, double) { g_had_input = true; }
}  // namespace

std::unique_ptr<Window> Window::open(const WindowOptions& options, std::string& error) {
    const auto font_files = find_fonts();
    if (!font_files) {
        error = missing_fonts_message;
        return nullptr;
    }
    glfwSetErrorCallback(on_glfw_error);
    if (!glfwInit()) {
        error = "bran: cannot open a window (" + g_glfw_error + "). Is there a display? For a test machine, run under xvfb-run.";
        return nullptr;
    }
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    GLFWmonitor* monitor = options.full_screen ? glfwGetPrimaryMonitor() : nullptr;
    int width = options.width, height = options.height;
    if (monitor) {
        const GLFWvidmode* mode = glfwGetVideoMode(monitor);
        width = mode->width;
        height = mode->height;
    } else if (GLFWmonitor* primary = glfwGetPrimaryMonitor()) {
        // Never taller or wider than the screen: a laptop's 1280 x 800 must show the foot of the page.
        int x = 0, y = 0, work_width = 0, work_height = 0;
        glfwGetMonitorWorkarea(primary, &x, &y, &work_width, &work_height);
        if (work_width > 0) width = std::min(width, work_width);
        if (work_height > 0) height = std::min(height, work_height);
    }
    std::unique_ptr<Window> window(new Window());
    window->m_window = glfwCreateWindow(width, height, options.title.c_str(), monitor, nullptr);
    if (!window->m_window) {
        error = "bran: cannot create an OpenGL 3 window (" + g_glfw_error + ")";
        glfwTerminate();
        return nullptr;
    }
    glfwMakeContextCurrent(window->m_window);
    glfwSwapInterval(1);

    glfwSetKeyCallback(window->m_window, on_key);
    glfwSetCharCallback(window->m_window, on_char);
    glfwSetMouseButtonCallback(window->m_window, on_mouse_button);
    glfwSetScrollCallback(window->m_window, on_scroll);
    glfwSetCursorPosCallback(window->m_window, on_cursor);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // a kiosk must not leave layout files in whatever folder it started in
    io.LogFilename = nullptr;
    // No ImGuiConfigFlags_NavEnableKeyboard: the keyboard focus is bran's own (widgets/focus_ring.hpp).
    ImGui_ImplGlfw_InitForOpenGL(window->m_window, true);
    ImGui_ImplOpenGL3_Init("#version 130");
    startup_phase("window");
    if (!window->load_fonts(*font_files, options.glyph_text)) {
        error = std::string(missing_fonts_message);
        return nullptr;
    }
    return window;
}

bool Window::load_fonts(const FontFiles& files, const std::string& glyph_text) {
    ImGuiIO& io = ImGui::GetIO();
    if (!load_font_sets(*io.Fonts, files, glyph_text, m_fonts)) return false;
    io.FontDefault = m_fonts[0].body;
    return true;
}

Window::~Window() {
    if (!m_window) return;
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(m_window);
    glfwTerminate();
}

bool Window::should_close() const { return glfwWindowShouldClose(m_window); }
void Window::request_close() { glfwSetWindowShouldClose(m_window, GLFW_TRUE); }
void Window::cancel_close() { glfwSetWindowShouldClose(m_window, GLFW_FALSE); }

bool Window::take_input() {
    const bool had = g_had_input;
    g_had_input = false;
    return had;
}

void Window::wake() { glfwPostEmptyEvent(); }

std::vector<KeyPress> Window::take_key_presses() {
    std::vector<KeyPress> presses;
    presses.swap(g_key_presses);
    return presses;
}

void Window::wait_for_events(double timeout_seconds) {
    if (timeout_seconds < 0) glfwWaitEvents();
    else if (timeout_seconds == 0) glfwPollEvents();
    else glfwWaitEventsTimeout(timeout_seconds);
}

void Window::begin_frame() {
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
}

void Window::end_frame() {
    ImGui::Render();
    int width = 0, height = 0;
    glfwGetFramebufferSize(m_window, &width, &height);
    glViewport(0, 0, width, height);
    const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    glClearColor(bg.x, bg.y, bg.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    glfwSwapBuffers(m_window);
}

}  // namespace bran::gui
