#include "app/cli/command_edge.hpp"

#include "app/cli/options.hpp"
#include "app/cli/standard_output.hpp"
#include "engine/core/errors.hpp"
#include "engine/core/terminal_text.hpp"

#include <iostream>

namespace bran::cli {

int run_guarded(const std::string& command, const std::string& db_path, const std::function<int()>& work) {
    try {
        return work();
    } catch (const OutputLost&) {
        return Exit::failed;  // main says why, once: "bran: standard output: ..."
    } catch (const IoError& e) {
        std::cerr << "bran " << command << ": " << terminal_safe(e.what()) << '\n';  // names the file
        return Exit::failed;
    } catch (const std::exception& e) {
        std::cerr << error_line(db_path, e.what()) << '\n';
        return Exit::failed;
    }
}

void print_diagnostics(const Diagnostics& problems) {
    for (const std::string& line : problems.lines()) std::cerr << line << '\n';
}

}  // namespace bran::cli
