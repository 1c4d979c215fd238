// `bran summary --db FILE --session ID -o OUT.pdf [--large-print] [--locale TAG]`: the take-home
// summary of one session as an A4 PDF, in the session's language unless told otherwise.
#include "app/cli/command_edge.hpp"
#include "app/cli/options.hpp"
#include "engine/core/terminal_text.hpp"
#include "engine/content/library.hpp"
#include "engine/core/errors.hpp"
#include "engine/i18n/catalog.hpp"
#include "engine/report/summary_pdf.hpp"
#include "engine/session/walkthrough.hpp"
#include "engine/store/event_replay.hpp"
#include "engine/store/session_store.hpp"

#include <algorithm>
#include <iostream>

namespace bran::cli {

namespace {
const char* const help = R"(usage: bran summary --db FILE --session ID -o OUT.pdf [--large-print] [--locale TAG]

Writes the take-home summary of one session as a PDF for A4 paper: the decision,
what the patient said mattered, what may happen with each option (in words and as
pictures of 100 or 1000 people), which options fit what they said, their knowledge
check with the right answers, how sure they feel, their leaning and their questions,
and the aid's version, sources and review date.

  -o, --output OUT.pdf   where to write it (replaced whole, never left half-written)
  --large-print          body text of 18 pt instead of 13 pt
  --locale TAG           en-GB or cy (default: the language the session was in)

exit status: 0 written, 1 error (no such session, unreadable record, cannot write), 2 usage error
)";
}

int run_summary(const std::vector<std::string>& args) {
    // `-o FILE` is the one short option, as in most tools that write a file.
    std::vector<std::string> normalised;
    for (const std::string& arg : args) normalised.push_back(arg == "-o" ? "--output" : arg);
    const Arguments arguments(normalised, {"db", "session", "output", "locale"}, {"help", "large-print"});
    if (arguments.flag("help")) {
        std::cout << help;
        return Exit::ok;
    }
    if (!arguments.ok()) return usage_error("summary", arguments.error());
    if (!arguments.positionals().empty()) return usage_error("summary", "unexpected argument \"" + arguments.positionals()[0] + "\"");
    const auto db_path = arguments.value("db");
    const auto session_id = arguments.value("session");
    const auto output = arguments.value("output");
    if (!db_path) return usage_error("summary", "--db FILE is required");
    if (!session_id) return usage_error("summary", "--session ID is required");
    if (!output || output->empty()) return usage_error("summary", "-o OUT.pdf is required");
    const std::string i18n_dir = default_i18n_dir();
    const std::vector<std::string> locales = available_locales(i18n_dir);
    auto locale = arguments.value("locale");
    if (locale && std::find(locales.begin(), locales.end(), *locale) == locales.end()) {
        std::string known;
        for (const std::string& l : locales) known += (known.empty() ? "" : ", ") + l;
        return usage_error("summary", "--locale must be one of " + known + ", not \"" + *locale + "\"");
    }
    return run_guarded("summary", *db_path, [&]() -> int {
        Database db = Database::open(*db_path, Database::Mode::read_only);
        SessionStore store(db, ChainKey::random());  // reading only: the chain key is not needed
        const auto row = store.find(*session_id);
        if (!row) {
            std::cerr << *db_path << ": " << *session_id << ": no such session\n";
            return Exit::failed;
        }
        const LoadedAid loaded = load_aid_text(store.aid_content(row->id), row->aid_id, RuleContext{});
        if (!loaded.aid) {
            std::cerr << *db_path << ": " << terminal_safe(row->id) << ": the stored aid " << terminal_safe(row->aid_id) << " " << terminal_safe(row->aid_version)
                      << " cannot be read\n";
            return Exit::failed;
        }
        // The answers as they stand after the last event, the status the events end in, and how
        // the answers moved since home.
        const std::vector<EventRow> events = store.events(row->id);
        Answers answers;
        std::string status = row->status;
        replay_events(events, answers, status);
        const HomeAndClinic home_and_clinic = moves_since_home(events);
        Diagnostics problems;
        const Catalog words = Catalog::load(i18n_dir, locale.value_or(row->meta.locale), problems);
        print_diagnostics(problems);
        if (problems.has_errors()) return Exit::failed;
        write_summary_pdf({*loaded.aid, *row, answers, status, words, &home_and_clinic}, *output, arguments.flag("large-print"));
        return Exit::ok;
    });
}

}  // namespace bran::cli
