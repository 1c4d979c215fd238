// `bran export fhir --db FILE [--session ID]`: session records out, as a FHIR Bundle on stdout.
// `bran export questionnaire [--aid ID] [--content DIR]`: the aids as the FHIR Questionnaires
// those records name.
#include "app/cli/command_edge.hpp"
#include "app/cli/options.hpp"
#include "app/cli/standard_output.hpp"
#include "app/cli/terminal_progress.hpp"
#include "engine/core/terminal_text.hpp"
#include "engine/content/library.hpp"
#include "engine/interop/questionnaire.hpp"
#include "engine/interop/session_record.hpp"
#include "engine/store/store_error.hpp"

#include <iostream>
#include <map>

namespace bran::cli {

namespace {
// Standard output stopped taking the Bundle (a full disk, a closed pipe): stop reading sessions.

const char* const help = R"(usage: bran export fhir --db FILE [--session ID]
       bran export questionnaire [--aid ID] [--content DIR]

fhir writes session records as a FHIR R4 Bundle (type collection) of
QuestionnaireResponses to standard output (see shared/spec/session-record.md).
Each record names the exact aid version the patient was shown.

questionnaire writes each decision aid on offer (the bundled ones, or those in DIR)
as the FHIR R4 Questionnaire its records name (urn:bran:decision-aid:ID, with the
aid's version): one with --aid, else a Bundle of them. Any FHIR forms tool can
show it, and `bran import` takes the responses it makes.

exit status: 0 written, 1 error, 2 usage error
)";

int run_export_questionnaire(const Arguments& arguments) {
    if (arguments.value("db") || arguments.value("session")) {
        return usage_error("export", "export questionnaire takes no --db or --session: it reads the aids");
    }
    const std::string content = arguments.value("content").value_or(default_content_dir());
    return run_guarded("export questionnaire", content, [&]() -> int {
        const Library library = Library::load({content}, RuleContext{today_iso_date()});
        const Diagnostics problems = library.diagnostics();
        print_diagnostics(problems);
        if (problems.has_errors()) return Exit::failed;
        std::vector<const Aid*> aids = library.aids();
        if (const auto id = arguments.value("aid")) {
            const Aid* aid = library.find(*id);
            if (!aid) {
                std::string offered;
                for (const Aid* a : aids) offered += (offered.empty() ? "" : ", ") + a->id;
                std::cerr << content << ": no decision aid \"" << terminal_safe(*id) << "\" (there are: " << offered << ")\n";
                return Exit::failed;
            }
            aids = {aid};
        }
        // The catalogs of every language an aid has, for the questions bran asks of each aid.
        std::map<std::string, Catalog> catalogs;
        std::map<std::string, const Catalog*> words;
        Diagnostics catalog_problems;
        for (const Aid* aid : aids) {
            for (const std::string& locale : aid->locales) {
                if (catalogs.count(locale)) continue;
                words[locale] = &catalogs.emplace(locale, Catalog::load(default_i18n_dir(), locale, catalog_problems)).first->second;
            }
        }
        print_diagnostics(catalog_problems);
        if (catalog_problems.has_errors()) return Exit::failed;
        if (arguments.value("aid")) {
            std::cout << to_questionnaire(*aids.front(), words).dump(2) << '\n';
        } else {
            nlohmann::json bundle = {{"resourceType", "Bundle"}, {"type", "collection"}};
            for (const Aid* aid : aids) {
                bundle["entry"].push_back({{"fullUrl", questionnaire_url(*aid)}, {"resource", to_questionnaire(*aid, words)}});
            }
            std::cout << bundle.dump(2) << '\n';
        }
        std::cout.flush();
        return std::cout.good() ? Exit::ok : Exit::failed;
    });
}
}

int run_export(const std::vector<std::string>& args) {
    const Arguments arguments(args, {"db", "session", "aid", "content"}, {"help"});
    if (arguments.flag("help")) {
        std::cout << help;
        return Exit::ok;
    }
    if (!arguments.ok()) return usage_error("export", arguments.error());
    if (arguments.positionals().size() == 1 && arguments.positionals()[0] == "questionnaire") {
        return run_export_questionnaire(arguments);
    }
    if (arguments.positionals().size() != 1 || arguments.positionals()[0] != "fhir") {
        return usage_error("export", "name what to export: bran export fhir --db FILE, or bran export questionnaire");
    }
    if (arguments.value("aid") || arguments.value("content")) {
        return usage_error("export", "--aid and --content are for export questionnaire");
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
