// The window's frame loop: sleep until something happens, hand the person's keys and clicks to
// the screen they saw, draw the engine's view of the screen, and read it aloud when asked.
#pragma once
#include "app/gui/catalogs.hpp"
#include "app/gui/frame_log.hpp"
#include "app/gui/widgets/widgets.hpp"
#include "app/gui/window.hpp"
#include "engine/shell/app_model.hpp"
#include "engine/speech/speaker.hpp"
#include "engine/view/screen_view.hpp"

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace bran::gui {

// What the window holds of one patient's use that the engine does not: text being typed, a PIN
// being entered, a file path, files found. A new session, a finish or a kiosk wipe forgets it all
// with one call.
struct PatientUi {
    // Typed text by item, until it is recorded; on the staff screens "pin" and "path" (a record
    // file from home to open), until used.
    std::map<std::string, std::string> drafts;
    bool just_saved = false;                    // "take to my appointment" saved on the last frame

    void forget() { *this = PatientUi(); }
};

class AppLoop {
public:
    AppLoop(AppModel& model, Window& window, Catalogs& catalogs, std::vector<std::string> locales);
    void run();

private:
    // Sleeps until input, a kiosk deadline or a PIN check's outcome; returns the time after.
    double wait_for_something();
    // The keys that change the display on any screen: text size and contrast.
    void apply_display_keys();
    void draw_frame(double now);
    // Each screen's page, below the top bar (or with it, at the larger text sizes).
    void draw_page(Screen screen, const Catalog& words, const DrawContext& dc, const std::function<void()>& top_bar_in_page);
    // A staff screen's button: the model does it, with the text typed in the screen's field.
    void press_button(const ButtonBlock& button);
    void draw_walkthrough(const Catalog& words, const DrawContext& dc, const std::function<void()>& top_bar_in_page);
    // Reads the screen when asked (F2 or the button), or each new one when "read every screen" is on.
    void read_aloud(const Catalog& words, double now, bool asked);
    // Records typed text not yet recorded (Next, Back or leaving the page).
    void record_draft();
    // Which page is showing: a new session, screen, step or page (not the language).
    std::string page_key() const;

    AppModel& m_model;
    Window& m_window;
    Catalogs& m_catalogs;
    std::vector<std::string> m_locales;
    Speaker m_speaker;
    std::unique_ptr<FrameLog> m_frame_log;
    PatientUi m_patient;
    int m_generation = -1;
    Screen m_last_screen = Screen::home;
    std::string m_last_page;     // the page last drawn, to notice arriving on a new page
    std::string m_focus_page;    // the page the focus ring last saw
    std::string m_spoken_page;   // the screen last read, to stop or re-read on moving on
    std::vector<KeyPress> m_pending_keys;
    int m_frames_to_draw = 2;
    int m_applied_size = -1;
    bool m_applied_contrast = false;
    float m_footer_height = 0;  // the walk-through's foot, as drawn on the last frame
};

}  // namespace bran::gui
