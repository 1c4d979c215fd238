// `bran import FILE... --db FILE`: session records in; each file all or nothing.
#include "app/cli/command_edge.hpp"
#include "app/cli/options.hpp"
#include "app/cli/terminal_progress.hpp"
#include "engine/core/ids_and_time.hpp"
#include "engine/core/terminal_text.hpp"
#include "engine/central/import_to_central.hpp"
#include "engine/central/pg_connection.hpp"
#include "engine/interop/import_records.hpp"
#include "engine/store/store_error.hpp"

#include <functional>
#include <iostream>
#include <optional>

namespace bran::cli {

namespace {
const char* const help = R"(usage: bran import FILE... --db FILE [--content DIR]
       bran import FILE... --db URI [--site CODE] [--content DIR]

Imports session records: FHIR R4 QuestionnaireResponses, or Bundles of them
(see shared/spec/session-record.md). Each file is imported whole or not at all;
importing a session that is already recorded with the same answers changes nothing.
A file of any size is read in the memory of one session; stopped part way (Ctrl-C,
a full disk), it leaves nothing behind, and running it again imports it whole.
The aid each record names must be one of the bundled aids (or --content DIR) or
already stored in the database.

With a central audit database URI (postgresql://...), the records are kept in a site
database of this computer's own (under ~/.local/share/bran/to-central/), then pushed
as site CODE (default "import"), as `bran push` does: run it again after any failure.

exit status: 0 all imported, 1 any file rejected (the others are still imported), 2 usage error
)";
}

namespace {
// Run on each file before it is imported; a problem it adds rejects the file.
using FileCheck = std::function<void(const std::string& file, const Library& aids, Diagnostics& problems)>;

// The records into the site database at db_path; exit status as the command's.
int import_into(const std::string& db_path, const Arguments& arguments, const FileCheck& check_first = {}) {
    return run_guarded("import", db_path, [&]() -> int {
        Database db = Database::open(db_path);
        // The database's fault, said of the database: not of each record that could not go in.
        if (db.read_only()) {
            std::cerr << db_path << ": cannot be written to (a read-only disk or file), so nothing was imported\n";
            return Exit::failed;
        }
        SessionStore store(db, ChainKey::for_recording(db));
        std::string answers_lost;
        {
            TerminalProgress progress;  // sessions from an older bran are assessed again first
            answers_lost = store.prepare_for_recording(now_iso(), &progress);
        }
        if (!answers_lost.empty()) std::cerr << terminal_safe(answers_lost) << '\n';
        const Library aids = aids_for_records(arguments.value("content").value_or(default_content_dir()), store);
        int rejected = 0, imported = 0, unchanged = 0;
        for (const std::string& file : arguments.positionals()) {
            Diagnostics problems;
            ImportReport report;
            if (check_first) check_first(file, aids, problems);
            if (!problems.has_errors()) {
                TerminalProgress progress;
                report = import_record_file(file, store, aids, problems, &progress);
            }
            print_diagnostics(problems);
            if (problems.has_errors()) ++rejected;
            imported += report.imported;
            unchanged += report.unchanged;
        }
        if (!store.receipts_problem().empty()) std::cerr << terminal_safe(store.receipts_problem()) << '\n';
        std::cout << imported << " imported, " << unchanged << " already recorded, " << rejected << " files rejected\n";
        return rejected == 0 ? Exit::ok : Exit::failed;
    });
}
}  // namespace

int run_import(const std::vector<std::string>& args) {
    const Arguments arguments(args, {"db", "content", "site"}, {"help"});
    if (arguments.flag("help")) {
        std::cout << help;
        return Exit::ok;
    }
    if (!arguments.ok()) return usage_error("import", arguments.error());
    const auto db_path = arguments.value("db");
    if (!db_path) return usage_error("import", "--db FILE is required");
    if (arguments.positionals().empty()) return usage_error("import", "name at least one record file");
    if (!is_postgres_uri(*db_path)) {
        if (arguments.value("site")) return usage_error("import", "--site is for a central database (--db URI)");
        return import_into(*db_path, arguments);
    }
    // To a central database: through this computer's own site database for it, then a push, so
    // that the records join a signed chain like every other site's.
    const std::string site = arguments.value("site").value_or("import");
    const std::string staging = staging_database_path(printable_uri(*db_path), site);
    std::optional<PgConnection> central;
    const int imported = import_into(staging, arguments, [&](const std::string& file, const Library& aids, Diagnostics& problems) {
        if (!central) central.emplace(PgConnection::open(*db_path));
        refuse_sessions_held_elsewhere(*central, site, file, aids, problems);
    });
    central.reset();
    const int pushed = run_push({"--db", staging, "--to", *db_path, "--site", site});
    return imported != Exit::ok ? imported : pushed;
}

}  // namespace bran::cli
