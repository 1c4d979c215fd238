#include "app/gui/app_main.hpp"

#include "app/cli/options.hpp"
#include "app/gui/screens/home.hpp"
#include "app/gui/window.hpp"
#include "engine/content/library.hpp"
#include "engine/i18n/catalog.hpp"

#include <imgui.h>

#include <iostream>

namespace bran::gui {

namespace {

const char* const help = R"(usage: bran [--content DIR] [--db FILE] [--locale TAG] [--kiosk]

Opens the decision-aid window.
  --content DIR   folder of decision aids (default: the bundled aids)
  --db FILE       the database (default: $XDG_DATA_HOME/bran/bran.db)
  --locale TAG    en-GB or cy (default: from the environment, else en-GB)
  --kiosk         full screen, idle wipe, clinician PIN to leave
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

void add_text(std::string& out, const Text& text) {
    for (const auto& entry : text) out += entry.second;
}

}  // namespace

int run_app(const std::vector<std::string>& args) {
    const cli::Arguments arguments(args, {"content", "db", "locale"}, {"kiosk", "help"});
    if (arguments.flag("help")) {
        std::cout << help;
        return 0;
    }
    if (!arguments.ok()) return cli::usage_error("", arguments.error());
    const std::string content = arguments.value("content").value_or(cli::default_content_dir());
    const std::string locale = arguments.value("locale").value_or(locale_from_environment());

    const Library library = Library::load({content}, RuleContext{today_iso_date()});
    const Diagnostics problems = library.diagnostics();
    for (const Diagnostic& d : problems.items()) std::cerr << d.to_line() << '\n';
    Diagnostics catalog_problems;
    Catalog words = Catalog::load(cli::default_i18n_dir(), locale, catalog_problems);
    for (const Diagnostic& d : catalog_problems.items()) std::cerr << d.to_line() << '\n';
    if (catalog_problems.has_errors()) return 1;

    std::vector<AidCard> cards;
    std::string glyphs;
    for (const Aid* aid : library.aids()) {
        cards.push_back({aid->id, localized(aid->title, locale), localized(aid->decision, locale),
                         localized(aid->audience, locale), aid->review.status != "clinically reviewed"});
        add_text(glyphs, aid->title);
        add_text(glyphs, aid->audience);
        add_text(glyphs, aid->decision);
    }

    WindowOptions options;
    options.full_screen = arguments.flag("kiosk");
    options.title = words.text("app.title");
    options.glyph_text = glyphs;
    std::string error;
    auto window = Window::open(options, error);
    if (!window) {
        std::cerr << error << '\n';
        return 1;
    }
    const TextSize size = TextSize::normal;
    const bool high_contrast = false;
    apply_theme(high_contrast, size);
    int frames_to_draw = 2;
    while (!window->should_close()) {
        // Sleep until input; draw a couple of frames after each event so ImGui settles.
        window->wait_for_events(frames_to_draw > 0 ? 0.0 : -1.0);
        frames_to_draw = frames_to_draw > 0 ? frames_to_draw - 1 : 2;
        window->begin_frame();
        DrawContext dc{&window->fonts(size), &palette(high_contrast), size, body_pixels(size) / 24.0f};
        const ImGuiViewport* viewport = ImGui::GetMainViewport();
        ImGui::SetNextWindowPos(viewport->WorkPos);
        ImGui::SetNextWindowSize(viewport->WorkSize);
        ImGui::PushFont(dc.fonts->body);
        ImGui::Begin("##screen", nullptr,
                     ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
        draw_home(dc, words, cards);
        ImGui::End();
        ImGui::PopFont();
        window->end_frame();
    }
    return 0;
}

}  // namespace bran::gui
