// `bran export fhir --db FILE [--session ID]`: session records out, as a FHIR Bundle on stdout.
#include "app/cli/options.hpp"
#include "engine/core/terminal_text.hpp"
#include "engine/interop/session_record.hpp"
#include "engine/store/store_error.hpp"

#include <iostream>
#include <map>

namespace bran::cli {

namespace {
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
    try {
        Database db = Database::open(*db_path, Database::Mode::read_only);
        SessionStore store(db, ChainKey::random());  // reading only: the chain key is not needed
        std::vector<SessionRow> rows;
        if (auto id = arguments.value("session")) {
            auto row = store.find(*id);
            if (!row) {
                std::cerr << *db_path << ": " << *id << ": no such session\n";
                return Exit::failed;
            }
            rows.push_back(*row);
        } else {
            rows = store.sessions();
        }
        std::map<std::string, LoadedAid> aids;  // by content hash: each stored version parsed once
        std::vector<nlohmann::json> responses;
        for (const SessionRow& row : rows) {
            auto it = aids.find(row.content_hash);
            if (it == aids.end()) {
                it = aids.emplace(row.content_hash, load_aid_text(store.aid_content(row.id), row.aid_id, RuleContext{})).first;
            }
            if (!it->second.aid) {
                std::cerr << *db_path << ": " << terminal_safe(row.id) << ": the stored aid " << terminal_safe(row.aid_id) << " " << terminal_safe(row.aid_version)
                          << " cannot be read\n";
                return Exit::failed;
            }
            responses.push_back(to_questionnaire_response(row, *it->second.aid, store.events(row.id)));
        }
        std::cout << to_bundle(responses).dump(2) << '\n';
        return std::cout.good() ? Exit::ok : Exit::failed;
    } catch (const std::exception& e) {
        std::cerr << error_line(*db_path, e.what()) << '\n';
        return Exit::failed;
    }
}

}  // namespace bran::cli
