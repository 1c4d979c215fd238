// Reads argv and hands off to a subcommand or to the window, nothing more.
#include "app/cli/options.hpp"
#include "app/cli/standard_output.hpp"
#include "app/gui/app_main.hpp"

#include <iostream>
#include <sys/stat.h>
#include <string>
#include <vector>

namespace {
const char* const help = R"(usage: bran [--content DIR] [--db FILE] [--locale TAG] [--kiosk]
       bran COMMAND [--help]

Shared decision-making aid. With no command, opens the app window.

commands:
  validate PATH...        check decision-aid files (--quality: reading age, balance, IPDAS)
  import FILE... --db F   import session records (FHIR QuestionnaireResponse)
  export fhir --db F      write session records as a FHIR Bundle
  audit --db F            the personal-value audit
  audit verify --db F     check that no recorded answer was changed outside bran
  db init --db URI        create or migrate a central audit database (PostgreSQL)
  push --db F --to URI    send a site's sessions to the central audit database
  pin --db F              set the clinician PIN (read twice from standard input)
  summary --db F --session ID -o OUT.pdf [--large-print]
                          the take-home summary as a PDF

  --version               print the version
)";

int run(const std::vector<std::string>& args) {
    if (!args.empty() && (args[0] == "--help" || args[0] == "-h")) {
        std::cout << help;
        return 0;
    }
    if (!args.empty() && args[0] == "--version") {
        std::cout << "bran " << BRAN_VERSION << '\n';
        return 0;
    }
    if (!args.empty() && args[0].rfind("--", 0) != 0) {
        const std::string command = args[0];
        const std::vector<std::string> rest(args.begin() + 1, args.end());
        if (command == "validate") return bran::cli::run_validate(rest);
        if (command == "import") return bran::cli::run_import(rest);
        if (command == "export") return bran::cli::run_export(rest);
        if (command == "pin") return bran::cli::run_pin(rest);
        if (command == "audit") return bran::cli::run_audit(rest);
        if (command == "summary") return bran::cli::run_summary(rest);
        if (command == "db") return bran::cli::run_db(rest);
        if (command == "push") return bran::cli::run_push(rest);
        std::cerr << "bran: unknown command \"" << command << "\" (see bran --help)\n";
        return bran::cli::Exit::usage;
    }
    return bran::gui::run_app(args);
}
}  // namespace

int main(int argc, char** argv) {
    // Health data: every file and folder bran makes (the database and its WAL, the key, the
    // receipts, a patient's saved record and PDF, an audit CSV) is for its owner alone.
    ::umask(077);
    // Checked here, once for every command, rather than after each write.
    bran::cli::check_standard_output();
    return bran::cli::exit_after_flushing_output(run(std::vector<std::string>(argv + 1, argv + argc)));
}
