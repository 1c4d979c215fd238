#include "app/gui/app_main.hpp"

#include "app/cli/options.hpp"
#include "app/gui/screens/audit_screen.hpp"
#include "app/gui/screens/home.hpp"
#include "app/gui/screens/staff_screens.hpp"
#include "app/gui/screens/step_screens.hpp"
#include "app/gui/frame_log.hpp"
#include "app/gui/window.hpp"
#include "engine/core/ids_and_time.hpp"
#include "engine/core/terminal_text.hpp"
#include "engine/content/library.hpp"
#include "engine/i18n/catalog.hpp"
#include "engine/session/app_model.hpp"
#include "engine/session/clinician_pin.hpp"
#include "engine/speech/screen_text.hpp"
#include "engine/speech/speaker.hpp"
#include "engine/store/store_error.hpp"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <sstream>

namespace bran::gui {

namespace {

const char* const help = R"(usage: bran [--content DIR] [--db FILE] [--locale TAG] [--kiosk]
            [--setting home|clinic] [--clinician CODE] [--site CODE] [--idle-seconds N]

Opens the decision-aid window.
  --content DIR       folder of decision aids (default: the bundled aids)
  --db FILE           the database (default: $XDG_DATA_HOME/bran/bran.db)
  --locale TAG        en-GB or cy (default: from the environment, else en-GB)
  --kiosk             full screen; after --idle-seconds without input asks "Are you still
                      there?", then wipes the screen; the clinician PIN is needed to leave
                      (set it first with: bran pin --db FILE)
  --setting S         where answers are given when not a kiosk: home (default) or clinic
  --clinician CODE    clinician code recorded with new sessions
  --site CODE         site code recorded with new sessions
  --idle-seconds N    kiosk idle time before the prompt (default 120; the prompt waits 30 more)

Keys: Tab and Shift+Tab move between buttons and fields, Space or Enter presses the button
with the ring round it, Up and Down scroll the page; Page Down or Alt+Right for Next, Page Up
or Alt+Left for Back, number keys to choose an answer, F2 to read the screen aloud (again to
stop), Ctrl+Plus and Ctrl+Minus for text size, F6 for high contrast.
)";

std::string locale_from_environment() {
    for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
        const char* value = std::getenv(name);
        if (!value || !*value) continue;
        const std::string v = value;
        if (v.rfind("cy", 0) == 0) return "cy";
        if (v != "C" && v != "POSIX") return "en-GB";
    }
    return "en-GB";
}

std::string read_all(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// The words of every locale, loaded on first use.
class Words {
public:
    explicit Words(std::string folder) : m_folder(std::move(folder)) {}
    const Catalog& for_locale(const std::string& locale) {
        auto it = m_catalogs.find(locale);
        if (it == m_catalogs.end()) {
            Diagnostics problems;
            it = m_catalogs.emplace(locale, Catalog::load(m_folder, locale, problems)).first;
            for (const Diagnostic& d : problems.items()) std::cerr << d.to_line() << '\n';
        }
        return it->second;
    }

private:
    std::string m_folder;
    std::map<std::string, Catalog> m_catalogs;
};

struct UiState {
    std::map<std::string, std::string> drafts;
    std::string pin;
    std::string file_path;                // staff: the record file from home to open
    std::vector<std::string> home_files;  // found when the staff views open, not every frame
    Screen last_screen = Screen::home;
    std::string page_key;  // step and page last drawn, to notice arriving on a new page
    bool just_saved = false;  // "take to my appointment" saved on the last frame
    int generation = -1;
};

// What the top bar's buttons asked for this frame. The ones that end or leave the screen being
// drawn are acted on after the frame: "Start again" closed the session that the rest of the same
// frame then drew, and crashed.
struct TopBarPresses {
    Speaker& speaker;
    bool& auto_read;
    bool read_aloud = false;  // the button or F2: read this screen, or stop
    bool start_again = false;
    bool staff = false;
};

void draw_top_bar(const DrawContext& dc, const Catalog& words, AppModel& model, const std::vector<std::string>& locales,
                  TopBarPresses& pressed) {
    // The same IDs whichever window holds the bar (above the page, or in it at the larger sizes),
    // so the focus ring stays on A+ when pressing it moves the bar into the page.
    ImGui::PushOverrideID(ImHashStr("top-bar"));
    bool first = true;
    auto button = [&](bool chosen, const std::string& label, const char* id) {
        const bool clicked = row_button(dc, chosen, label, id, first);
        first = false;
        return clicked;
    };
    for (const std::string& locale : locales) {
        // Each language is named in itself, so a person can find their own.
        const std::string id = "lang-" + locale;
        if (button(locale == model.locale(), words.text("lang." + locale), id.c_str())) model.set_locale(locale);
    }
    if (button(false, "A−  " + words.text("top.smaller"), "smaller")) model.set_text_size(model.text_size() - 1);
    if (button(false, "A+  " + words.text("top.bigger"), "bigger")) model.set_text_size(model.text_size() + 1);
    if (button(false, words.text(model.high_contrast() ? "top.contrast-off" : "top.contrast-on"), "contrast")) {
        model.set_high_contrast(!model.high_contrast());
    }
    const bool speaking = pressed.speaker.speaking();
    if (button(speaking, words.text(speaking ? "top.stop-reading" : "top.read-aloud"), "read-aloud")) pressed.read_aloud = true;
    if (button(pressed.auto_read, words.text(pressed.auto_read ? "top.auto-read-off" : "top.auto-read-on"), "auto-read")) {
        pressed.auto_read = !pressed.auto_read;
    }
    if (model.screen() == Screen::walkthrough) {
        if (button(false, words.text("top.start-again"), "start-again")) pressed.start_again = true;
    } else if (model.screen() == Screen::home) {
        if (button(false, words.text("home.staff"), "staff")) pressed.staff = true;
    }
    ImGui::PopID();
    ImGui::Separator();
}

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

// Records typed text that has not been recorded yet (Next, Back or leaving the page).
void record_draft(AppModel& model, UiState& ui) {
    const Walkthrough* w = model.walkthrough();
    if (!w) return;
    const auto item = text_item_of(w->step());
    if (!item) return;
    auto it = ui.drafts.find(*item);
    if (it == ui.drafts.end()) return;
    const auto first = it->second.find_first_not_of(" \t\r\n");
    const nlohmann::json value = first == std::string::npos ? nlohmann::json() : nlohmann::json(it->second);
    if (value != w->answers().get(*item)) model.walk(intent::Answer{*item, value});
}

// Which page is showing: a new session, screen, step or page (not the language). The keyboard
// focus, a page's first frame and read-aloud all tell "somewhere new" by it.
std::string page_of(const AppModel& model) {
    const Walkthrough* w = model.walkthrough();
    return std::to_string(model.generation()) + "/" + std::to_string(static_cast<int>(model.screen())) + "/" +
           (w ? std::string(step_name(w->step())) + std::to_string(w->page()) : "");
}

// top_bar_in_page: at the larger text sizes the top bar scrolls with the page instead of staying
// above it, so the page keeps most of the window (as a web page reflows when zoomed).
void draw_walkthrough(const DrawContext& dc, const Catalog& words, AppModel& model, UiState& ui,
                      const std::function<void()>& top_bar_in_page) {
    const Walkthrough& w = *model.walkthrough();
    const std::string page_key = page_of(model);
    const bool first_frame = page_key != ui.page_key;
    ui.page_key = page_key;

    // Progress line, the keys hint (which may wrap to two lines; left out at larger text sizes,
    // where the screen's own words need the room) and the buttons.
    const bool show_keys = dc.size == TextSize::normal;
    const float nav_height = 56.0f * dc.unit + ImGui::GetStyle().ItemSpacing.y * (show_keys ? 4 : 3) +
                             ImGui::GetTextLineHeightWithSpacing() * (show_keys ? 3 : 1);
    ImGui::BeginChild("##content", ImVec2(0, -nav_height), false);
    if (first_frame) ImGui::SetScrollY(0);
    scroll_with_arrow_keys();
    if (top_bar_in_page) top_bar_in_page();
    if (!model.notice().empty()) notice_box(dc, words.text(model.notice()));
    StepContext context{dc, words, w, ui.drafts, first_frame, model.last_record_file(), model.last_summary_pdf(), ui.just_saved};
    ui.just_saved = false;
    // Each page has its own ID scope, so keyboard focus never carries over to a button that
    // happens to sit in the same place on the next page.
    ImGui::PushID(page_key.c_str());
    const StepResult result = draw_step(context);
    ImGui::PopID();
    end_of_page(dc);
    ImGui::EndChild();

    ImGui::Separator();
    const auto& steps = all_steps();
    std::string progress = words.text("nav.progress", {{"step", static_cast<long long>(step_index(w.step()) + 1)},
                                                       {"steps", static_cast<long long>(steps.size())},
                                                       {"name", words.text(std::string("step.") + step_name(w.step()))}});
    if (w.page_count() > 1) {
        progress += "  " + words.text("nav.page", {{"page", static_cast<long long>(w.page() + 1)},
                                                   {"pages", static_cast<long long>(w.page_count())}});
    }
    bold_paragraph(dc, progress);
    if (show_keys) muted_paragraph(dc, words.text("nav.keys"));
    bool back = false, next = false;
    if (!w.is_first_page()) back = secondary_button(dc, "←  " + words.text("nav.back"), "back", 220.0f * dc.unit);
    else ImGui::Dummy(ImVec2(220.0f * dc.unit, 1));
    if (!w.is_last_step()) {
        ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - 220.0f * dc.unit);
        next = big_button(dc, words.text("nav.next") + "  →", "next", 220.0f * dc.unit);
    }
    // Page keys and Alt+arrows are not typing keys: they move on even from a text field.
    if (key_pressed(GLFW_KEY_PAGE_DOWN) || key_pressed(GLFW_KEY_RIGHT, GLFW_MOD_ALT)) next = !w.is_last_step();
    if (key_pressed(GLFW_KEY_PAGE_UP) || key_pressed(GLFW_KEY_LEFT, GLFW_MOD_ALT)) back = !w.is_first_page();

    if (result.intent) model.walk(*result.intent);
    if (result.finish) {
        model.finish_session();
        return;
    }
    if (result.take_home) ui.just_saved = !model.take_to_appointment(documents_folder(), words).empty();
    if (next || back) {
        record_draft(model, ui);
        model.walk(next ? Intent(intent::Next{}) : Intent(intent::Back{}));
    }
}

// This frame's focus keys: Tab and Shift+Tab move (out of a text field too), Space and Enter
// press the focused control (not while typing, where they are text). On a new page nothing has
// the focus until Tab.
void move_focus(const AppModel& model, std::string& last_page) {
    const std::string page = page_of(model);
    if (page != last_page) focus_ring().forget(), last_page = page;
    const bool typing = ImGui::GetIO().WantTextInput;
    FocusRing::Move move = FocusRing::Move::none;
    if (key_pressed(GLFW_KEY_TAB)) move = FocusRing::Move::next;
    if (key_pressed(GLFW_KEY_TAB, GLFW_MOD_SHIFT)) move = FocusRing::Move::previous;
    const bool press = !typing && (key_pressed(GLFW_KEY_SPACE) || key_pressed(GLFW_KEY_ENTER) || key_pressed(GLFW_KEY_KP_ENTER));
    focus_ring().begin_frame(move, press);
    if (focus_ring().moved() && typing) ImGui::ClearActiveID();
}

}  // namespace

int run_app(const std::vector<std::string>& args) {
    const cli::Arguments arguments(args, {"content", "db", "locale", "setting", "clinician", "site", "idle-seconds"},
                                   {"kiosk", "help"});
    if (arguments.flag("help")) {
        std::cout << help;
        return 0;
    }
    if (!arguments.ok()) return cli::usage_error("", arguments.error());
    const std::string content = arguments.value("content").value_or(cli::default_content_dir());
    const std::string db_path = arguments.value("db").value_or(cli::default_database_path());

    AppOptions options;
    options.kiosk = arguments.flag("kiosk");
    options.locale = arguments.value("locale").value_or(locale_from_environment());
    const std::string setting = arguments.value("setting").value_or("home");
    if (setting != "home" && setting != "clinic") return cli::usage_error("", "--setting must be home or clinic");
    options.setting = setting == "clinic" ? Setting::clinic : Setting::home;
    options.meta.clinician = arguments.value("clinician");
    options.meta.site = arguments.value("site");
    if (auto idle = arguments.value("idle-seconds")) {
        try {
            options.idle_seconds = std::max(1.0, std::stod(*idle));
        } catch (const std::exception&) {
            return cli::usage_error("", "--idle-seconds takes a number");
        }
    }

    const std::string i18n_dir = cli::default_i18n_dir();
    const std::vector<std::string> locales = available_locales(i18n_dir);
    if (std::find(locales.begin(), locales.end(), options.locale) == locales.end()) options.locale = "en-GB";
    Words words(i18n_dir);
    if (words.for_locale("en-GB").keys().empty()) {
        std::cerr << "bran: the English words (i18n/en-GB.json) could not be loaded from " << i18n_dir << '\n';
        return 1;
    }

    const Library library = Library::load({content}, RuleContext{today_iso_date()});
    const Diagnostics problems = library.diagnostics();
    for (const Diagnostic& d : problems.items()) std::cerr << d.to_line() << '\n';

    std::optional<Database> db;
    try {
        db.emplace(Database::open(db_path));
    } catch (const std::exception& e) {
        std::cerr << "bran: " << e.what() << '\n';
        return 1;
    }
    if (db->read_only()) {
        std::cerr << "bran: " << db_path << ": cannot be written to, so answers could not be recorded\n";
        return 1;
    }
    if (options.kiosk && !has_clinician_pin(*db)) {
        std::cerr << "bran: kiosk mode needs a clinician PIN, so that only staff can leave it. Set one with: bran pin --db "
                  << db_path << '\n';
        return 1;
    }
    std::optional<SessionStore> store;
    std::string answers_lost;
    try {
        store.emplace(*db, ChainKey::for_recording(*db));
        answers_lost = store->prepare_for_recording(now_iso());
    } catch (const std::exception& e) {
        std::cerr << "bran: " << e.what() << '\n';
        return 1;
    }
    if (!answers_lost.empty()) std::cerr << "bran: " << terminal_safe(answers_lost) << '\n';
    AppModel model(library, *db, *store, options);
    if (!answers_lost.empty()) model.show_notice("notice.answers-lost");

    std::string glyphs;
    for (const Aid* aid : library.aids()) glyphs += aid->content;
    for (const std::string& locale : locales) glyphs += read_all(i18n_dir + "/" + locale + ".json");

    WindowOptions window_options;
    window_options.full_screen = options.kiosk;
    window_options.title = words.for_locale(options.locale).text("app.title");
    window_options.glyph_text = glyphs;
    std::string error;
    auto window = Window::open(window_options, error);
    if (!window) {
        std::cerr << error << '\n';
        return 1;
    }

    // Declared after the window, so speech stops before the window goes.
    Speaker speaker([] { Window::wake(); });
    const std::unique_ptr<FrameLog> frame_log = FrameLog::from_environment();
    bool auto_read = false;
    int wipes_seen = 0;
    std::string spoken_screen;  // which screen was last read, to stop or re-read on moving on
    UiState ui;
    std::vector<KeyPress> pending_keys;
    int frames_to_draw = 2;
    std::string focus_page;  // the page the focus ring last saw
    int applied_size = -1;
    bool applied_contrast = false;
    model.on_input(glfwGetTime());
    while (!model.should_quit()) {
        // Sleep until input or the next kiosk deadline; after a change, draw a couple of frames
        // so Dear ImGui settles. The idle prompt's countdown needs a frame a second.
        double timeout = -1.0;
        if (auto deadline = model.next_deadline()) timeout = std::max(0.0, *deadline - glfwGetTime());
        if (model.asking_if_still_there()) timeout = std::min(timeout < 0 ? 1.0 : timeout, 1.0);
        // A PIN being checked on its own thread: look for its outcome a few times a second.
        if (model.checking_pin()) timeout = std::min(timeout < 0 ? 0.05 : timeout, 0.05);
        window->wait_for_events(frames_to_draw > 0 ? 0.0 : timeout);
        const double now = glfwGetTime();
        if (window->take_input()) {
            model.on_input(now);
            frames_to_draw = 3;
        }
        const int generation_before = model.generation();
        const bool was_checking_pin = model.checking_pin();
        model.tick(now);
        if (was_checking_pin && !model.checking_pin()) frames_to_draw = 3;
        if (window->should_close()) {
            window->cancel_close();
            model.request_quit();
            if (model.should_quit()) break;
        }
        const bool new_generation = model.generation() != ui.generation;  // a new session, a wipe, a finish
        if (new_generation) {
            ui.drafts.clear();
            ui.generation = model.generation();
        }
        frames_to_draw = std::max(frames_to_draw - 1, 0);

        const auto size = static_cast<TextSize>(model.text_size());
        if (model.text_size() != applied_size || model.high_contrast() != applied_contrast) {
            apply_theme(model.high_contrast(), size);
            applied_size = model.text_size();
            applied_contrast = model.high_contrast();
        }
        // One key press per frame, so each acts on the screen the person saw when pressing it.
        for (const KeyPress& press : window->take_key_presses()) pending_keys.push_back(press);
        std::vector<KeyPress> this_frame;
        if (!pending_keys.empty()) {
            this_frame.push_back(pending_keys.front());
            pending_keys.erase(pending_keys.begin());
            frames_to_draw = std::max(frames_to_draw, 2);
        }
        set_frame_key_presses(std::move(this_frame));
        const Catalog& current_words = words.for_locale(model.locale());
        window->begin_frame();
        move_focus(model, focus_page);
        DrawContext dc{&window->fonts(size), &palette(model.high_contrast()), size, body_pixels(size) / 24.0f};
        ImGui::PushFont(dc.fonts->body);
        if (key_pressed(GLFW_KEY_EQUAL, GLFW_MOD_CONTROL) || key_pressed(GLFW_KEY_KP_ADD, GLFW_MOD_CONTROL) ||
            key_pressed(GLFW_KEY_EQUAL, GLFW_MOD_CONTROL | GLFW_MOD_SHIFT)) {
            model.set_text_size(model.text_size() + 1);
        }
        if (key_pressed(GLFW_KEY_MINUS, GLFW_MOD_CONTROL) || key_pressed(GLFW_KEY_KP_SUBTRACT, GLFW_MOD_CONTROL)) {
            model.set_text_size(model.text_size() - 1);
        }
        if (key_pressed(GLFW_KEY_F6)) model.set_high_contrast(!model.high_contrast());

        const ImGuiViewport* viewport = ImGui::GetMainViewport();
        ImGui::SetNextWindowPos(viewport->WorkPos);
        ImGui::SetNextWindowSize(viewport->WorkSize);
        ImGui::Begin("##screen", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
        TopBarPresses pressed{speaker, auto_read};
        // The top bar can wrap at large text sizes; it stays one child so the screens below keep their place.
        const auto top_bar = [&] {
            draw_top_bar(dc, current_words, model, locales, pressed);
            focus_ring().mark_page_start();
        };
        const Screen drawn = model.screen();
        const bool scrolling_screen = drawn == Screen::home || drawn == Screen::walkthrough || drawn == Screen::audit;
        const std::function<void()> top_bar_in_page = size != TextSize::normal && scrolling_screen ? std::function<void()>(top_bar) : nullptr;
        if (!top_bar_in_page) top_bar();
        // `drawn`: what this frame draws; an action during the frame may change the model's
        // screen, and the next frame must still see that it arrived somewhere new.
        switch (drawn) {
            case Screen::home: {
                std::vector<AidCard> cards;
                for (const Aid* aid : library.aids()) {
                    const bool translated = std::find(aid->locales.begin(), aid->locales.end(), model.locale()) != aid->locales.end();
                    cards.push_back({aid->id, localized(aid->title, model.locale()), localized(aid->decision, model.locale()),
                                     localized(aid->audience, model.locale()), aid->review.status != "clinically reviewed",
                                     !translated});
                }
                ImGui::BeginChild("##home");
                if (ui.last_screen != Screen::home || new_generation) ImGui::SetScrollY(0);  // the next person starts at the top
                if (top_bar_in_page) top_bar_in_page();
                scroll_with_arrow_keys();
                if (!model.notice().empty()) notice_box(dc, current_words.text(model.notice()));
                if (auto chosen = draw_home(dc, current_words, cards)) {
                    model.choose_aid(*chosen);
                    ui.drafts.clear();
                }
                end_of_page(dc);
                ImGui::EndChild();
                break;
            }
            case Screen::walkthrough:
                draw_walkthrough(dc, current_words, model, ui, top_bar_in_page);
                break;
            case Screen::pin: {
                const PinResult pin = draw_pin(dc, current_words, model, ui.pin);
                // Enter while a PIN is being checked keeps what was typed for when the check ends.
                if (pin.submit && !model.checking_pin()) model.submit_pin(ui.pin, wall_clock_seconds()), ui.pin.clear();
                if (pin.cancel) model.cancel_pin(), ui.pin.clear();
                break;
            }
            case Screen::clinician: {
                scroll_with_arrow_keys();
                if (ui.last_screen != Screen::clinician) ui.home_files = AppModel::files_from_home();
                const StaffChoice choice = draw_clinician(dc, current_words, model, ui.home_files, ui.file_path);
                if (choice == StaffChoice::open_file) model.open_from_home(ui.file_path), ui.file_path.clear();
                if (choice == StaffChoice::back) model.leave_clinician_views();
                if (choice == StaffChoice::audit) model.open_audit();
                if (choice == StaffChoice::close) model.close_from_clinician_views();
                break;
            }
            case Screen::audit:
                ImGui::BeginChild("##audit");
                if (ui.last_screen != Screen::audit) ImGui::SetScrollY(0);
                if (top_bar_in_page) top_bar_in_page();
                scroll_with_arrow_keys();
                draw_audit(dc, current_words, model);
                end_of_page(dc);
                ImGui::EndChild();
                break;
        }
        ImGui::End();
        ui.last_screen = drawn;
        if (pressed.start_again) model.start_over();
        if (pressed.staff) model.request_clinician_views();
        // Read aloud: F2 or the button reads the screen (or stops); moving to another screen stops
        // the reading, or reads the new one when "read every screen" is on. Never blocks: the
        // speaker works on its own thread.
        if (model.wipes() != wipes_seen) auto_read = false, wipes_seen = model.wipes();
        const std::string screen_key = page_of(model) + "/" + model.locale() + (model.asking_if_still_there() ? "/idle" : "");
        const bool moved_on = screen_key != spoken_screen;
        spoken_screen = screen_key;
        // A new page takes frames to settle: the focus ring gives its first control the keys a
        // frame after it is drawn, and the control takes them the frame after. A tap whose press
        // and release come together (a touch screen) opens the page a frame late; without these
        // frames the first digit of a PIN typed at once was spent waking the field.
        if (moved_on) frames_to_draw = std::max(frames_to_draw, 3);
        if (pressed.read_aloud || key_pressed(GLFW_KEY_F2)) {
            if (speaker.speaking()) speaker.stop();
            else speaker.say(screen_text(model, current_words, now), model.locale());
        } else if (moved_on) {
            if (auto_read) speaker.say(screen_text(model, current_words, now), model.locale());
            else speaker.stop();
        }
        if (model.asking_if_still_there() && draw_idle_prompt(dc, current_words, model.seconds_until_wipe(now))) {
            model.on_input(now);
        }
        ImGui::PopFont();
        window->end_frame();
        if (model.generation() != generation_before) frames_to_draw = 3;
        if (frame_log) frame_log->record(now, glfwGetTime(), speaker.speaking(),
                                         frames_to_draw == 0 && pending_keys.empty() && !model.checking_pin());
    }
    return 0;
}

}  // namespace bran::gui
