// `bran db init --db URI`: the central audit database's schema and its roles' rights.
#include "app/cli/command_edge.hpp"
#include "app/cli/options.hpp"
#include "engine/central/central_schema.hpp"

#include <iostream>

namespace bran::cli {

namespace {
const char* const help = R"(usage: bran db init --db URI

Creates or migrates bran's schema ("bran") in the PostgreSQL database URI
(postgresql://...; passwords from ~/.pgpass or the PG* variables), with two roles:
  bran_site     its members push sessions, each only as the sites bran.site_role gives it
  bran_auditor  its members read the audit and nothing else, and write nothing
Run it as the database's owner (a role that may create roles, the first time).
Running it again changes nothing; after an upgrade of bran it migrates the schema.
The README ("Central audit database") has the commands an administrator runs to let a
site push and an auditor read.

exit status: 0 done, 1 error, 2 usage error
)";
}

int run_db(const std::vector<std::string>& args) {
    const Arguments arguments(args, {"db"}, {"help"});
    if (arguments.flag("help")) {
        std::cout << help;
        return Exit::ok;
    }
    if (!arguments.ok()) return usage_error("db", arguments.error());
    if (arguments.positionals() != std::vector<std::string>{"init"}) return usage_error("db", "the command is `bran db init --db URI`");
    const auto uri = arguments.value("db");
    if (!uri || !is_postgres_uri(*uri)) return usage_error("db init", "--db URI is required (postgresql://...)");
    return run_guarded("db init", printable_uri(*uri), [&]() -> int {
        PgConnection db = PgConnection::open(*uri);
        const InitReport report = init_central(db);
        if (report.from == report.to) std::cout << printable_uri(*uri) << ": bran schema is current (version " << report.to << ")\n";
        else if (report.from == 0) std::cout << printable_uri(*uri) << ": bran schema created (version " << report.to << ")\n";
        else std::cout << printable_uri(*uri) << ": bran schema migrated from version " << report.from << " to " << report.to << '\n';
        return Exit::ok;
    });
}

}  // namespace bran::cli
