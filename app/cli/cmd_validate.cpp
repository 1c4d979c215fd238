// `bran validate PATH...`: the content author's check, one located line per problem.
#include "app/cli/options.hpp"
#include "engine/content/library.hpp"

#include <iostream>

namespace bran::cli {

namespace {
const char* const help = R"(usage: bran validate PATH...

Checks decision-aid files against the content format (docs/content-format.md).
A folder means every *.json file in it.

Prints one line per problem:  file:line:column: /json/pointer: message
Warnings (such as "review overdue") are printed but do not fail the check.

exit status: 0 all valid, 1 any invalid, 2 usage error
)";
}

int run_validate(const std::vector<std::string>& args) {
    const Arguments arguments(args, {}, {"help"});
    if (arguments.flag("help")) {
        std::cout << help;
        return Exit::ok;
    }
    if (!arguments.ok()) return usage_error("validate", arguments.error());
    if (arguments.positionals().empty()) return usage_error("validate", "name at least one file or folder");

    const Library library = Library::load(arguments.positionals(), RuleContext{today_iso_date()});
    const Diagnostics problems = library.diagnostics();
    for (const Diagnostic& d : problems.items()) std::cerr << d.to_line() << '\n';
    std::size_t valid = 0;
    for (const auto& entry : library.entries()) valid += entry.aid ? 1 : 0;
    const std::size_t invalid = library.entries().size() - valid;
    std::cout << valid << " valid, " << invalid << " invalid\n";
    return invalid == 0 && !library.entries().empty() ? Exit::ok : Exit::failed;
}

}  // namespace bran::cli
