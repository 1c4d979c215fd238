// Everything the window shows, as state the engine owns: which screen, the session being walked,
// language, text size and contrast, the kiosk's idle clock and the clinician PIN prompt. The
// window draws this and forwards intents; tests drive it the same way with no window at all.
#pragma once
#include "engine/audit/report.hpp"
#include "engine/audit/variation.hpp"
#include "engine/content/library.hpp"
#include "engine/i18n/catalog.hpp"
#include "engine/audit/audit_source.hpp"
#include "engine/session/clinician_pin.hpp"
#include "engine/session/walkthrough.hpp"
#include "engine/store/database.hpp"
#include "engine/store/session_store.hpp"
#include "engine/view/screen_view.hpp"

#include <future>
#include <optional>
#include <string>
#include <utility>

namespace bran {

enum class Screen { home, walkthrough, pin, clinician, audit };
enum class PinPurpose { leave_kiosk, clinician_views };

struct AppOptions {
    bool kiosk = false;
    Setting setting = Setting::home;
    double idle_seconds = 120;  // kiosk: no input for this long asks "Are you still there?"
    double grace_seconds = 30;  // ... and this long after that wipes the screen
    std::string locale = "en-GB";
    SessionMeta meta;           // clinician and site codes for new sessions
};

constexpr int largest_text_size = 2;

class AppModel {
public:
    AppModel(const Library& library, Database& db, SessionStore& store, AppOptions options);

    // What to draw.
    Screen screen() const { return m_screen; }
    const Walkthrough* walkthrough() const { return m_walkthrough ? &*m_walkthrough : nullptr; }
    const Library& library() const { return m_library; }
    const std::string& locale() const { return m_locale; }
    int text_size() const { return m_text_size; }
    bool high_contrast() const { return m_high_contrast; }
    // Read each new screen aloud as it opens (until a kiosk wipe, like every other display setting).
    bool reads_every_screen() const { return m_read_every_screen; }
    bool kiosk() const { return m_options.kiosk; }
    bool asking_if_still_there() const { return m_idle_prompt_since.has_value(); }
    // Seconds left before the wipe while asking; for the prompt's countdown.
    double seconds_until_wipe(double now) const;
    PinPurpose pin_purpose() const { return m_pin_purpose; }
    const std::string& notice() const { return m_notice; }  // a message key for the screen, or empty
    bool should_quit() const { return m_should_quit; }
    // Changes whenever the screen is wiped or a new session starts, so the window can drop any
    // text the patient was typing.
    int generation() const { return m_generation; }
    // Counts kiosk wipes.
    int wipes() const { return m_wipes; }

    // Intents.
    // A button of the screen's view pressed. `typed` is what is in the screen's one-line field (a
    // PIN, a file's path) for the buttons that use it; `wall_seconds` as for submit_pin. Saving to
    // take home (take_to_appointment) and the kiosk's "still here" (on_input) need the window's
    // folder and clock: the window does those.
    void press(const ButtonBlock& button, const std::string& typed, double wall_seconds);
    void choose_aid(const std::string& aid_id);
    ApplyResult walk(const Intent& intent);
    void start_over();                 // the session is closed (abandoned unless completed); back to the list
    void finish_session();             // after the decision: back to the list for the next patient
    void set_locale(const std::string& locale) { m_locale = locale; }
    void set_text_size(int size);
    void set_high_contrast(bool on) { m_high_contrast = on; }
    void set_read_every_screen(bool on) { m_read_every_screen = on; }
    void request_quit();               // in a kiosk, asks for the PIN first
    void request_clinician_views();    // asks for the PIN
    // wall_seconds: seconds since 1970, as the wait after wrong PINs outlasts a restart. The PIN
    // is checked on another thread (about 0.6 s), so the window keeps drawing and says it is
    // checking; tick() takes the outcome. A PIN submitted while one is being checked is ignored.
    void submit_pin(const std::string& pin, double wall_seconds);
    bool checking_pin() const { return m_pin_check.has_value(); }
    // Waits for a PIN check under way and takes its outcome (for tests, and before closing).
    void wait_for_pin_check();
    void cancel_pin();
    void leave_clinician_views() { m_screen = Screen::home; }
    // From the staff views only, which the PIN has already opened.
    void close_from_clinician_views() { m_should_quit = m_screen == Screen::clinician; }
    void dismiss_notice() { m_notice.clear(); }
    // A message for staff found outside a screen's work (answers found lost when the database opened).
    void show_notice(std::string key) { m_notice = std::move(key); }

    // The audit view (staff only): the same figures as `bran audit`, for the filter chosen.
    void open_audit();
    void set_audit_group(GroupBy group_by);
    void set_audit_aid(std::optional<std::string> aid_id);
    const AuditFilter& audit_filter() const { return m_audit_filter; }
    const std::vector<GroupFigures>& audit_groups() const { return m_audit_groups; }
    // The newest sessions to review (as many as the audit screen shows), and how many there are.
    const std::vector<SessionToReview>& sessions_to_review() const { return m_review; }
    long long sessions_to_review_total() const { return m_review_total; }
    // How many newer sessions to review come before the page listed.
    long long sessions_to_review_skipped() const { return m_review_skip; }
    // By clinician or site, how far each group is from the rest (empty otherwise).
    const VariationFigures& audit_variation() const { return m_audit_variation; }
    // Writes what the view shows as CSV beside the database; returns the file's path, or empty.
    std::string export_audit_csv();
    const std::string& last_export() const { return m_last_export; }
    // The file of every session to review saved with it.
    const std::string& last_export_review() const { return m_last_export_review; }
    // True once after each export: the screen brings its "Saved: ..." line into view then.
    bool take_export_news() { return std::exchange(m_export_news, false); }
    // Whether another page of sessions to review was just shown (the window brings its start into view).
    bool take_review_news() { return std::exchange(m_review_news, false); }

    // Home: the patient's record file to bring to the appointment, written into `folder`
    // (with the take-home PDF beside it when one can be made); in the clinic, the same for the
    // summary to print; never in a kiosk. Returns the record's path, or empty.
    std::string take_to_appointment(const std::string& folder, const Catalog& words);
    // What take_to_appointment saved for the session on screen: the record file and the
    // take-home PDF ("Save my summary"); empty when nothing was saved, and forgotten when the
    // session closes, so the next patient never sees where the last one's files went.
    const std::string& last_record_file() const { return m_last_record; }
    const std::string& last_summary_pdf() const { return m_last_pdf; }
    // Clinic (staff views): opens a record file from home; the session continues at the summary,
    // in the clinic, with the home answers shown.
    void open_from_home(const std::string& path);
    const std::string& hand_off_message() const { return m_hand_off_message; }  // why a file was refused
    // Record files from home in the usual places (home folder, Documents, Downloads, USB sticks).
    static std::vector<std::string> files_from_home();
    // Those found when the PIN last opened the staff views (a search, not done every frame).
    const std::vector<std::string>& home_files() const { return m_home_files; }

    // Time, in seconds on any monotonic clock.
    void on_input(double now);
    void tick(double now);
    // When tick next has something to do, if ever.
    std::optional<double> next_deadline() const;

private:
    void take_pin_outcome();
    void show_pin_outcome(PinTry result);
    void wipe();
    void forget_saved_files() {
        m_last_record.clear();
        m_last_pdf.clear();
    }
    void refresh_audit();
    // The page of sessions to review after the newest `m_review_skip`, with why each was flagged.
    void read_review_page();
    bool idle_clock_running() const;

    const Library& m_library;
    Database& m_db;
    SessionStore& m_store;
    AppOptions m_options;
    Screen m_screen = Screen::home;
    Screen m_screen_before_pin = Screen::home;
    std::optional<Walkthrough> m_walkthrough;
    std::string m_locale;
    int m_text_size = 0;
    bool m_high_contrast = false;
    bool m_read_every_screen = false;
    double m_last_input = 0;
    std::optional<double> m_idle_prompt_since;
    PinPurpose m_pin_purpose = PinPurpose::clinician_views;
    std::optional<std::future<bool>> m_pin_check;
    double m_pin_wall_seconds = 0;
    int m_pin_prompts = 0;       // each PIN prompt shown, so an outcome is taken for its own prompt only
    int m_pin_check_prompt = 0;
    std::string m_notice;
    bool m_should_quit = false;
    int m_generation = 0;
    int m_wipes = 0;
    AuditFilter m_audit_filter;
    std::vector<GroupFigures> m_audit_groups;
    std::vector<SessionToReview> m_review;
    long long m_review_total = 0;
    long long m_review_skip = 0;
    VariationFigures m_audit_variation;
    std::string m_last_export, m_last_export_review;
    bool m_export_news = false;
    bool m_review_news = false;
    std::string m_hand_off_message;
    std::vector<std::string> m_home_files;
    std::string m_last_record;
    std::string m_last_pdf;
    Library m_stored_aids;  // aid versions known only from the database or a file from home
};

}  // namespace bran
