// `bran pin --db FILE`: sets the clinician PIN that guards leaving kiosk mode and staff views.
#include "app/cli/command_edge.hpp"
#include "app/cli/options.hpp"
#include "engine/core/ids_and_time.hpp"
#include "engine/core/terminal_text.hpp"
#include "engine/session/clinician_pin.hpp"

#include <iostream>
#include <termios.h>
#include <unistd.h>

namespace bran::cli {

namespace {
const char* const help = R"(usage: bran pin --db FILE [--reset]

Sets the clinician PIN (6 to 12 digits) for the database FILE. When FILE has a PIN
already, reads the old PIN first; then the new PIN twice, from standard input (on a
terminal they are not shown). Only an Argon2id hash is stored.
  --reset   set a new PIN without the old one (a forgotten PIN); the reset is
            recorded in FILE with its time

exit status: 0 set, 1 error, 2 usage error
)";

std::string read_secret(const char* prompt) {
    const bool terminal = ::isatty(STDIN_FILENO);
    termios before{};
    if (terminal) {
        std::cerr << prompt << std::flush;
        ::tcgetattr(STDIN_FILENO, &before);
        termios quiet = before;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        ::tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
    std::string line;
    std::getline(std::cin, line);
    if (terminal) {
        ::tcsetattr(STDIN_FILENO, TCSANOW, &before);
        std::cerr << '\n';
    }
    return line;
}
}  // namespace

int run_pin(const std::vector<std::string>& args) {
    const Arguments arguments(args, {"db"}, {"help", "reset"});
    if (arguments.flag("help")) {
        std::cout << help;
        return Exit::ok;
    }
    if (!arguments.ok()) return usage_error("pin", arguments.error());
    const auto db_path = arguments.value("db");
    if (!db_path) return usage_error("pin", "--db FILE is required");
    return run_guarded("pin", *db_path, [&]() -> int {
        Database db = Database::open(*db_path);
        const bool reset = arguments.flag("reset");
        if (has_clinician_pin(db) && !reset) {
            // Whoever can run bran on this database must not take over the kiosk without the PIN.
            if (!verify_clinician_pin(db, read_secret("Old clinician PIN: "))) {
                std::cerr << "bran pin: that is not the old PIN; nothing was changed (a forgotten PIN: bran pin --reset)\n";
                return Exit::failed;
            }
        }
        const std::string pin = read_secret("New clinician PIN: ");
        const std::string again = read_secret("The same PIN again: ");
        if (const std::string problem = check_new_pin(pin); !problem.empty()) {
            std::cerr << "bran pin: " << problem << '\n';
            return Exit::failed;
        }
        if (pin != again) {
            std::cerr << "bran pin: the two PINs are not the same; nothing was changed\n";
            return Exit::failed;
        }
        const bool had_pin = has_clinician_pin(db);
        set_clinician_pin(db, pin);
        if (reset && had_pin) {
            record_pin_reset(db, now_iso());
            std::cerr << "bran pin: the PIN was reset without the old one; this is recorded in " << *db_path << '\n';
        }
        std::cout << "clinician PIN set\n";
        return Exit::ok;
    });
}

}  // namespace bran::cli
