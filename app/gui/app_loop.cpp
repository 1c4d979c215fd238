#include "app/gui/app_loop.hpp"

#include "app/gui/screens/idle_prompt.hpp"
#include "app/gui/screens/view_drawer.hpp"
#include "app/gui/startup_times.hpp"
#include "app/gui/top_bar.hpp"
#include "engine/shell/current_view.hpp"
#include "engine/speech/screen_text.hpp"
#include "engine/view/step_view.hpp"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <functional>

namespace bran::gui {

namespace {

double wall_clock_seconds() {
    return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
}

// Where a patient's own files go: ~/Documents when it exists, else the home folder.
std::string documents_folder() {
    const char* home = std::getenv("HOME");
    if (!home || !*home) return ".";
    std::error_code ec;
    const auto documents = std::filesystem::path(home) / "Documents";
    return std::filesystem::is_directory(documents, ec) ? documents.string() : std::string(home);
}

// This frame's focus keys: Tab and Shift+Tab move (out of a text field too), Space and Enter
// press the focused control (not while typing, where they are text). On a new page nothing has
// the focus until Tab.
void move_focus(const std::string& page, std::string& last_page) {
    if (page != last_page) focus_ring().forget(), last_page = page;
    const bool typing = ImGui::GetIO().WantTextInput;
    FocusRing::Move move = FocusRing::Move::none;
    if (key_pressed(GLFW_KEY_TAB)) move = FocusRing::Move::next;
    if (key_pressed(GLFW_KEY_TAB, GLFW_MOD_SHIFT)) move = FocusRing::Move::previous;
    const bool press = !typing && (key_pressed(GLFW_KEY_SPACE) || key_pressed(GLFW_KEY_ENTER) || key_pressed(GLFW_KEY_KP_ENTER));
    focus_ring().begin_frame(move, press);
    if (focus_ring().moved() && typing) ImGui::ClearActiveID();
}

// A page that scrolls under the top bar: the list of aids, the audit.
template <typename Draw>
void scrolling_page(const char* id, bool new_page, const std::function<void()>& top_bar_in_page, Draw&& draw) {
    ImGui::BeginChild(id);
    if (new_page) ImGui::SetScrollY(0);  // the next person starts at the top
    if (top_bar_in_page) top_bar_in_page();
    scroll_with_arrow_keys();
    draw();
    ImGui::EndChild();
}

}  // namespace

AppLoop::AppLoop(AppModel& model, Window& window, Catalogs& catalogs, std::vector<std::string> locales)
    : m_model(model), m_window(window), m_catalogs(catalogs), m_locales(std::move(locales)),
      m_speaker([] { Window::wake(); }), m_frame_log(FrameLog::from_environment()) {}

std::string AppLoop::page_key() const {
    const Walkthrough* w = m_model.walkthrough();
    return std::to_string(m_model.generation()) + "/" + std::to_string(static_cast<int>(m_model.screen())) + "/" +
           (w ? std::string(step_name(w->step())) + std::to_string(w->page()) : "");
}

void AppLoop::run() {
    m_model.on_input(glfwGetTime());
    while (!m_model.should_quit()) {
        const double now = wait_for_something();
        const int generation_before = m_model.generation();
        const bool was_checking_pin = m_model.checking_pin();
        m_model.tick(now);
        if (was_checking_pin && !m_model.checking_pin()) m_frames_to_draw = 3;
        if (m_window.should_close()) {
            m_window.cancel_close();
            m_model.request_quit();
            if (m_model.should_quit()) break;
        }
        if (m_model.generation() != m_generation) {  // a new session, a wipe, a finish
            m_patient.forget();
            m_generation = m_model.generation();
        }
        m_frames_to_draw = std::max(m_frames_to_draw - 1, 0);
        draw_frame(now);
        startup_phase("first frame");
        if (m_model.generation() != generation_before) m_frames_to_draw = 3;
        if (m_frame_log) {
            m_frame_log->record(now, glfwGetTime(), m_speaker.speaking(),
                                m_frames_to_draw == 0 && m_pending_keys.empty() && !m_model.checking_pin());
        }
    }
}

double AppLoop::wait_for_something() {
    // Sleep until input or the next kiosk deadline; after a change, draw a couple of frames so
    // Dear ImGui settles. The idle prompt's countdown needs a frame a second.
    double timeout = -1.0;
    if (auto deadline = m_model.next_deadline()) timeout = std::max(0.0, *deadline - glfwGetTime());
    if (m_model.asking_if_still_there()) timeout = std::min(timeout < 0 ? 1.0 : timeout, 1.0);
    // A PIN being checked on its own thread: look for its outcome a few times a second.
    if (m_model.checking_pin()) timeout = std::min(timeout < 0 ? 0.05 : timeout, 0.05);
    m_window.wait_for_events(m_frames_to_draw > 0 ? 0.0 : timeout);
    const double now = glfwGetTime();
    if (m_window.take_input()) {
        m_model.on_input(now);
        m_frames_to_draw = 3;
    }
    return now;
}

void AppLoop::apply_display_keys() {
    if (key_pressed(GLFW_KEY_EQUAL, GLFW_MOD_CONTROL) || key_pressed(GLFW_KEY_KP_ADD, GLFW_MOD_CONTROL) ||
        key_pressed(GLFW_KEY_EQUAL, GLFW_MOD_CONTROL | GLFW_MOD_SHIFT)) {
        m_model.set_text_size(m_model.text_size() + 1);
    }
    if (key_pressed(GLFW_KEY_MINUS, GLFW_MOD_CONTROL) || key_pressed(GLFW_KEY_KP_SUBTRACT, GLFW_MOD_CONTROL)) {
        m_model.set_text_size(m_model.text_size() - 1);
    }
    if (key_pressed(GLFW_KEY_F6)) m_model.set_high_contrast(!m_model.high_contrast());
}

void AppLoop::draw_frame(double now) {
    const auto size = static_cast<TextSize>(m_model.text_size());
    if (m_model.text_size() != m_applied_size || m_model.high_contrast() != m_applied_contrast) {
        apply_theme(m_model.high_contrast(), size);
        m_applied_size = m_model.text_size();
        m_applied_contrast = m_model.high_contrast();
    }
    // One key press per frame, so each acts on the screen the person saw when pressing it.
    for (const KeyPress& press : m_window.take_key_presses()) m_pending_keys.push_back(press);
    std::vector<KeyPress> this_frame;
    if (!m_pending_keys.empty()) {
        this_frame.push_back(m_pending_keys.front());
        m_pending_keys.erase(m_pending_keys.begin());
        m_frames_to_draw = std::max(m_frames_to_draw, 2);
    }
    set_frame_key_presses(std::move(this_frame));
    const Catalog& words = m_catalogs.for_locale(m_model.locale());
    m_window.begin_frame();
    move_focus(page_key(), m_focus_page);
    const DrawContext dc{&m_window.fonts(size), &palette(m_model.high_contrast()), size, body_pixels(size) / 24.0f};
    ImGui::PushFont(dc.fonts->body);
    apply_display_keys();

    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize(viewport->WorkSize);
    ImGui::Begin("##screen", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
    TopBarPresses pressed;
    const auto top_bar = [&] {
        pressed = draw_top_bar(dc, words, m_model, m_locales, m_speaker.speaking());
        focus_ring().mark_page_start();
    };
    // `drawn`: what this frame draws; an action during the frame may change the model's screen,
    // and the next frame must still see that it arrived somewhere new.
    const Screen drawn = m_model.screen();
    // At the larger text sizes the top bar scrolls with the page instead of staying above it,
    // so the page keeps most of the window (as a web page reflows when zoomed).
    const bool scrolling_screen = drawn == Screen::home || drawn == Screen::walkthrough || drawn == Screen::audit;
    const std::function<void()> top_bar_in_page =
        size != TextSize::normal && scrolling_screen ? std::function<void()>(top_bar) : nullptr;
    if (!top_bar_in_page) top_bar();
    draw_page(drawn, words, dc, top_bar_in_page);
    ImGui::End();
    m_last_screen = drawn;
    if (pressed.start_again) m_model.start_over();
    if (pressed.staff) m_model.request_clinician_views();
    read_aloud(words, now, pressed.read_aloud || key_pressed(GLFW_KEY_F2));
    if (m_model.asking_if_still_there() && draw_idle_prompt(dc, idle_view(words, static_cast<int>(std::ceil(m_model.seconds_until_wipe(now)))))) {
        m_model.on_input(now);
    }
    ImGui::PopFont();
    m_window.end_frame();
}

void AppLoop::draw_page(Screen screen, const Catalog& words, const DrawContext& dc, const std::function<void()>& top_bar_in_page) {
    if (screen == Screen::walkthrough) {
        draw_walkthrough(words, dc, top_bar_in_page);
        return;
    }
    // Taken before drawing: a press moves the model on within the frame.
    const std::string page = page_key();
    const bool new_page = m_last_screen != screen || page != m_last_page;
    m_last_page = page;
    std::optional<ButtonBlock> pressed;
    scrolling_page("##page", new_page, top_bar_in_page, [&] {
        const ScreenView view = current_view(m_model, words);
        PageState state{m_patient.drafts, new_page, m_model.take_export_news(), m_model.take_review_news()};
        pressed = draw_view(dc, view, state).button;
        end_of_page(dc);
    });
    if (screen == Screen::pin && key_pressed(GLFW_KEY_ESCAPE)) pressed = ButtonBlock{Action::cancel_pin, "", "", 0};
    if (pressed) press_button(*pressed);
}

void AppLoop::press_button(const ButtonBlock& button) {
    // The PIN and the path are the screen's one-line field; each is forgotten once used. Enter
    // while a PIN is being checked keeps what was typed for when the check ends.
    const char* field = m_model.screen() == Screen::pin ? "pin" : "path";
    const auto typed = m_patient.drafts.find(field);
    const std::string text = typed == m_patient.drafts.end() ? std::string() : typed->second;
    const bool was_checking = m_model.checking_pin();
    m_model.press(button, text, wall_clock_seconds());
    const bool used = (button.action == Action::enter_pin && !was_checking) || button.action == Action::cancel_pin ||
                      (button.action == Action::open_file && button.target.empty());
    if (used) m_patient.drafts.erase(field);
}

void AppLoop::draw_walkthrough(const Catalog& words, const DrawContext& dc, const std::function<void()>& top_bar_in_page) {
    const Walkthrough& w = *m_model.walkthrough();
    const std::string page = page_key();
    const bool first_frame = page != m_last_page;
    m_last_page = page;
    const ScreenView view = current_view(m_model, words);

    // The foot of the page: Back, where the patient is, Next, on one row. Its height is what it
    // took on the last frame (the place may wrap), so the page gets all the rest. The buttons are
    // as wide as their words need (at least 200 px), leaving the middle for the place.
    const std::string back_label = "←  " + words.text("nav.back"), next_label = words.text("nav.next") + "  →";
    ImGui::PushFont(dc.fonts->bold);
    const float button_width = std::max(200.0f, std::max(ImGui::CalcTextSize(back_label.c_str()).x, ImGui::CalcTextSize(next_label.c_str()).x) +
                                                    ImGui::GetStyle().FramePadding.x * 3.0f);
    ImGui::PopFont();
    // At the larger text sizes the aid's name heads the page instead, so the foot stays one line.
    const std::size_t place_in_foot = dc.size == TextSize::normal ? 0 : 1;
    const float nav_height = m_footer_height > 0 ? m_footer_height : 56.0f * dc.unit * 2.0f;
    ImGui::BeginChild("##content", ImVec2(0, -nav_height), false);
    if (first_frame) ImGui::SetScrollY(0);
    scroll_with_arrow_keys();
    if (top_bar_in_page) top_bar_in_page();
    if (place_in_foot > 0 && !view.place.empty()) muted_paragraph(dc, view.place.front());
    PageState state{m_patient.drafts, first_frame, m_patient.just_saved};
    m_patient.just_saved = false;
    // Each page has its own ID scope, so keyboard focus never carries over to a button that
    // happens to sit in the same place on the next page.
    ImGui::PushID(page.c_str());
    const ViewPress press = draw_view(dc, view, state);
    ImGui::PopID();
    end_of_page(dc);
    ImGui::EndChild();

    const float footer_top = ImGui::GetCursorPosY();
    ImGui::Separator();
    bool back = false, next = false;
    const float row_top = ImGui::GetCursorPosY();
    if (!w.is_first_page()) back = secondary_button(dc, back_label, "back", button_width);
    else ImGui::Dummy(ImVec2(button_width, 1));
    // Where the patient is, between the buttons.
    const float right = ImGui::GetWindowContentRegionMax().x;
    const float gap = ImGui::GetStyle().ItemSpacing.x * 2.0f;
    ImGui::SetCursorPos(ImVec2(ImGui::GetWindowContentRegionMin().x + button_width + gap, row_top));
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(right - button_width - gap);
    draw_place(dc, view, place_in_foot);
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    float row_bottom = std::max(ImGui::GetItemRectMax().y - ImGui::GetWindowPos().y, row_top + 56.0f * dc.unit);
    if (!w.is_last_step()) {
        ImGui::SetCursorPos(ImVec2(right - button_width, row_top));
        next = big_button(dc, next_label, "next", button_width);
    }
    // Settles in a frame or two after a change of text size or language (the window draws a few
    // frames after every change).
    const float wanted = row_bottom - footer_top + ImGui::GetStyle().ItemSpacing.y;
    if (std::abs(wanted - m_footer_height) > 0.5f) m_footer_height = wanted;
    // Page keys and Alt+arrows are not typing keys: they move on even from a text field.
    if (key_pressed(GLFW_KEY_PAGE_DOWN) || key_pressed(GLFW_KEY_RIGHT, GLFW_MOD_ALT)) next = !w.is_last_step();
    if (key_pressed(GLFW_KEY_PAGE_UP) || key_pressed(GLFW_KEY_LEFT, GLFW_MOD_ALT)) back = !w.is_first_page();

    if (press.answer) m_model.walk(*press.answer);
    if (press.button && press.button->action == Action::finish) {
        m_model.press(*press.button, "", wall_clock_seconds());
        return;
    }
    if (press.button && press.button->action == Action::take_home) {
        m_patient.just_saved = !m_model.take_to_appointment(documents_folder(), words).empty();
    }
    if (next || back) {
        record_draft();
        m_model.walk(next ? Intent(intent::Next{}) : Intent(intent::Back{}));
    }
}

void AppLoop::record_draft() {
    const Walkthrough* w = m_model.walkthrough();
    if (!w) return;
    const auto item = text_item_of(w->step());
    if (!item) return;
    auto it = m_patient.drafts.find(*item);
    if (it == m_patient.drafts.end()) return;
    const auto first = it->second.find_first_not_of(" \t\r\n");
    const nlohmann::json value = first == std::string::npos ? nlohmann::json() : nlohmann::json(it->second);
    if (value != w->answers().get(*item)) m_model.walk(intent::Answer{*item, value});
}

void AppLoop::read_aloud(const Catalog& words, double now, bool asked) {
    // Moving to another screen stops the reading, or reads the new one when "read every screen"
    // is on. Never blocks: the speaker works on its own thread.
    const std::string screen = page_key() + "/" + m_model.locale() + (m_model.asking_if_still_there() ? "/idle" : "");
    const bool moved_on = screen != m_spoken_page;
    m_spoken_page = screen;
    // A new page takes frames to settle: the focus ring gives its first control the keys a frame
    // after it is drawn, and the control takes them the frame after. A tap whose press and
    // release come together (a touch screen) opens the page a frame late; without these frames
    // the first digit of a PIN typed at once was spent waking the field.
    if (moved_on) m_frames_to_draw = std::max(m_frames_to_draw, 3);
    if (asked) {
        if (m_speaker.speaking()) m_speaker.stop();
        else m_speaker.say(spoken_text(current_view(m_model, words, now)), m_model.locale());
    } else if (moved_on) {
        if (m_model.reads_every_screen()) m_speaker.say(spoken_text(current_view(m_model, words, now)), m_model.locale());
        else m_speaker.stop();
    }
}

}  // namespace bran::gui
