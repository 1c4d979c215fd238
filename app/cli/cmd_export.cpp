// `bran export fhir --db FILE [--session ID]`: session records out, as a FHIR Bundle on stdout.
#include "app/cli/command_edge.hpp"
#include "app/cli/options.hpp"
#include "app/cli/standard_output.hpp"
#include "app/cli/terminal_progress.hpp"
#include "engine/core/terminal_text.hpp"
#include "engine/interop/session_record.hpp"
#include "engine/store/store_error.hpp"

#include <iostream>
#include <map>

namespace bran::cli {

namespace {
// Standard output stopped taking the Bundle (a full disk, a closed pipe): stop reading sessions.

const char* const help = R"(usage: bran export fhir --db FILE [--session ID]

Writes session records as a FHIR R4 Bundle (type collection) of
QuestionnaireResponses to standard output (see shared/spec/session-record.md).
Each record names the exact aid version the patient was shown.

exit status: 0 written, 1 error
)";
}

int run_export(const std::vector<std::string>& args) {
    const Arguments arguments(args, {"db", "session"}, {"help"});
    if (arguments.flag("help")) {
        std::cout << help;
        return Exit::ok;
    }
    if (!arguments.ok()) return usage_error("export", arguments.error());
    if (arguments.positionals().size() != 1 || arguments.positionals()[0] != "fhir") {
        return usage_error("export", "the only format is fhir: bran export fhir --db FILE");
    }
    const auto db_path = arguments.value("db");
    if (!db_path) return usage_error("export", "--db FILE is required");
    return run_guarded("export", *db_path, [&]() -> int {
        Database db = Database::open(*db_path, Database::Mode::read_only);
        SessionStore store(db, ChainKey::random());  // reading only: the chain key is not needed
        std::map<std::string, LoadedAid> aids;  // by content hash: each stored version parsed once
        BundleWriter bundle(std::cout);
        // One session at a time, written as soon as it is read: the memory of one session,
        // whatever the size of the database.
        auto write_one = [&](const SessionRow& row) {
            auto it = aids.find(row.content_hash);
            if (it == aids.end()) {
                it = aids.emplace(row.content_hash, load_aid_text(store.aid_content(row.id), row.aid_id, RuleContext{})).first;
            }
            if (!it->second.aid) {
                throw std::runtime_error(terminal_safe(row.id) + ": the stored aid " + terminal_safe(row.aid_id) + " " +
                                         terminal_safe(row.aid_version) + " cannot be read");
            }
            bundle.add(to_questionnaire_response(row, *it->second.aid, store.events(row.id)));
            if (!std::cout.good()) throw OutputLost{};
        };
        if (auto id = arguments.value("session")) {
            auto row = store.find(*id);
            if (!row) {
                std::cerr << *db_path << ": " << terminal_safe(*id) << ": no such session\n";
                return Exit::failed;
            }
            write_one(*row);
        } else {
            TerminalProgress progress;
            const std::uint64_t total = store.session_count();
            std::uint64_t written = 0;
            store.for_each_session([&](const SessionRow& row) {
                write_one(row);
                progress.update("exporting", ++written, total);
            });
        }
        bundle.finish();
        return std::cout.good() ? Exit::ok : Exit::failed;
    });
}

}  // namespace bran::cli
