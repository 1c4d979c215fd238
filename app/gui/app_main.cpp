#include "app/gui/app_main.hpp"

#include "app/cli/command_edge.hpp"
#include "app/cli/options.hpp"
#include "app/gui/app_loop.hpp"
#include "app/gui/catalogs.hpp"
#include "app/gui/startup_times.hpp"
#include "app/gui/window.hpp"
#include "engine/content/library.hpp"
#include "engine/core/ids_and_time.hpp"
#include "engine/core/terminal_text.hpp"
#include "engine/i18n/catalog.hpp"
#include "engine/session/clinician_pin.hpp"
#include "engine/shell/app_model.hpp"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iostream>
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
    Catalogs catalogs(i18n_dir);
    if (catalogs.for_locale("en-GB").keys().empty()) {
        std::cerr << "bran: the English words (i18n/en-GB.json) could not be loaded from " << i18n_dir << '\n';
        return 1;
    }

    startup_phase("words");
    const Library library = Library::load({content}, RuleContext{today_iso_date()});
    const Diagnostics problems = library.diagnostics();
    cli::print_diagnostics(problems);

    startup_phase("decision aids");
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
    startup_phase("database");
    AppModel model(library, *db, *store, options);
    if (!answers_lost.empty()) model.show_notice("notice.answers-lost");

    // Every character the window may show, so that each is in the font atlas.
    std::string glyphs;
    for (const Aid* aid : library.aids()) glyphs += aid->content;
    for (const std::string& locale : locales) glyphs += read_all(i18n_dir + "/" + locale + ".json");

    WindowOptions window_options;
    window_options.full_screen = options.kiosk;
    window_options.title = catalogs.for_locale(options.locale).text("app.title");
    window_options.glyph_text = glyphs;
    std::string error;
    auto window = Window::open(window_options, error);
    if (!window) {
        std::cerr << error << '\n';
        return 1;
    }
    startup_phase("window and fonts");
    // After the window, so speech stops before the window goes.
    AppLoop(model, *window, catalogs, locales).run();
    return 0;
}

}  // namespace bran::gui
