// `bran push --db FILE --to URI [--site CODE]`: a site's sessions into the central database.
#include "app/cli/command_edge.hpp"
#include "app/cli/options.hpp"
#include "app/cli/terminal_progress.hpp"
#include "engine/central/push.hpp"
#include "engine/core/terminal_text.hpp"
#include "engine/store/store_error.hpp"

#include <cstdlib>
#include <iostream>

namespace bran::cli {

namespace {
const char* const help = R"(usage: bran push --db FILE --to URI [--site CODE]

Sends every answer event of the site database FILE that the central audit database URI
lacks, with the sessions they belong to, and the site's chain head signed with a key
derived from FILE.key. Run it again after any failure (a kill, a lost network, the
server stopped): it carries on from what the central database holds, sending nothing
twice. It refuses a FILE that fails `bran audit verify`, and a FILE that was rolled back
after it pushed.
CODE is the site the central database knows FILE as; without --site, the one site code
FILE's sessions name. The login role needs the right to push as CODE (see the README).

exit status: 0 all sent, 1 error (what was sent is whole; run again), 2 usage error
)";

// The one site code the database's sessions name, or why there is none.
std::optional<std::string> only_site(Database& db, std::string& why) {
    Statement sites = db.prepare("SELECT DISTINCT site FROM session WHERE site IS NOT NULL AND site <> '' ORDER BY site LIMIT 3");
    std::vector<std::string> found;
    while (sites.step()) found.push_back(sites.text(0));
    if (found.size() == 1) return found[0];
    why = found.empty() ? "its sessions name no site" : "its sessions name more than one site (" + found[0] + ", " + found[1] + (found.size() > 2 ? ", ..." : "") + ")";
    return std::nullopt;
}
}  // namespace

int run_push(const std::vector<std::string>& args) {
    const Arguments arguments(args, {"db", "to", "site"}, {"help"});
    if (arguments.flag("help")) {
        std::cout << help;
        return Exit::ok;
    }
    if (!arguments.ok()) return usage_error("push", arguments.error());
    if (!arguments.positionals().empty()) return usage_error("push", "unknown argument \"" + arguments.positionals()[0] + "\"");
    const auto db_path = arguments.value("db");
    const auto uri = arguments.value("to");
    if (!db_path || is_postgres_uri(*db_path)) return usage_error("push", "--db FILE (the site database) is required");
    if (!uri || !is_postgres_uri(*uri)) return usage_error("push", "--to URI (postgresql://..., the central database) is required");
    return run_guarded("push", *db_path, [&]() -> int {
        Database site = Database::open(*db_path, Database::Mode::read_only);
        std::string site_code;
        if (const auto given = arguments.value("site")) {
            site_code = *given;
        } else {
            std::string why;
            const auto found = only_site(site, why);
            if (!found) {
                std::cerr << "bran push: " << *db_path << ": " << why << ": say which site it is with --site CODE\n";
                return Exit::usage;
            }
            site_code = *found;
        }
        PushReport report;
        try {
            PgConnection central = PgConnection::open(*uri);
            TerminalProgress progress;
            // BRAN_PUSH_BATCH_EVENTS: smaller transactions, for the tests that kill a push part way.
            const char* batch = std::getenv("BRAN_PUSH_BATCH_EVENTS");
            const long long batch_events = batch && std::atoll(batch) > 0 ? std::atoll(batch) : 20000;
            report = push_site(site, *db_path, central, site_code, &progress, batch_events);
        } catch (const PushRefused& e) {
            std::cerr << terminal_safe(e.what()) << '\n';
            return Exit::failed;
        } catch (const CentralError& e) {
            std::cerr << terminal_safe(e.what()) << '\n';
            return Exit::failed;
        }
        std::cout << "site " << site_code << ": " << report.events << " events of " << report.sessions << " sessions sent; "
                  << printable_uri(*uri) << " holds its record to #" << report.head_n << '\n';
        return Exit::ok;
    });
}

}  // namespace bran::cli
