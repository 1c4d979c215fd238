// `bran validate [--quality [--strict]] PATH...`: the content author's check, one located line per
// problem, and with --quality the IPDAS reviewer's checks and report.
#include "app/cli/command_edge.hpp"
#include "app/cli/options.hpp"
#include "engine/core/terminal_text.hpp"
#include "engine/content/library.hpp"
#include "engine/content/quality/hyphen_syllables.hpp"
#include "engine/content/quality/quality_checks.hpp"
#include "engine/core/errors.hpp"

#include <cstdlib>
#include <iostream>
#include <memory>

namespace bran::cli {

namespace {
const char* const help = R"(usage: bran validate [--quality [--strict]] PATH...

Checks decision-aid files against the content format (docs/content-format.md).
A folder means every *.json file in it.

Prints one line per problem:  file:line:column: /json/pointer: message
Warnings (such as "review overdue") are printed but do not fail the check.

--quality   also check each valid aid as an IPDAS reviewer would: reading age of
            every en-GB text (Flesch-Kincaid, target 11), balance of benefits and
            risks, personalised numbers, review; print the aid's reading age, its
            translation coverage and, one line each, which IPDAS qualifying and
            certification criteria the file demonstrates. A warning that the aid
            explains in "quality_notes" is printed as "explained: <reason>".
--strict    with --quality: unexplained quality warnings are errors (exit 1)

exit status: 0 all valid, 1 any invalid, 2 usage error
)";

// The hyphenation patterns; BRAN_HYPHEN_DICT overrides the Debian path (for other systems).
std::string hyphen_dictionary() {
    if (const char* path = std::getenv("BRAN_HYPHEN_DICT")) return path;
    return default_hyphen_dictionary;
}

}  // namespace

int run_validate(const std::vector<std::string>& args) {
    const Arguments arguments(args, {}, {"help", "quality", "strict"});
    if (arguments.flag("help")) {
        std::cout << help;
        return Exit::ok;
    }
    if (!arguments.ok()) return usage_error("validate", arguments.error());
    if (arguments.positionals().empty()) return usage_error("validate", "name at least one file or folder");
    const bool quality = arguments.flag("quality");
    const bool strict = arguments.flag("strict");
    if (strict && !quality) return usage_error("validate", "--strict applies only with --quality");

    const RuleContext context{today_iso_date()};
    const Library library = Library::load(arguments.positionals(), context);
    std::size_t valid = 0;
    if (!quality) {
        const Diagnostics problems = library.diagnostics();
        print_diagnostics(problems);
        for (const auto& entry : library.entries()) valid += entry.aid ? 1 : 0;
    } else {
        std::unique_ptr<HyphenSyllables> hyphen;
        try {
            hyphen = std::make_unique<HyphenSyllables>(hyphen_dictionary());
        } catch (const IoError& e) {
            std::cerr << "bran validate: " << terminal_safe(e.what()) << '\n';
            return Exit::failed;
        }
        const SyllableCounter syllables = [&](std::string_view word) { return hyphen->count(word); };
        for (const auto& entry : library.entries()) {
            const QualityRun run = check_loaded_aid(entry, context, syllables, strict);
            print_diagnostics(run.shown);
            if (run.report) {
                for (const std::string& line : run.report->summary_lines()) std::cout << entry.file << ": " << line << '\n';
            }
            valid += run.passes ? 1 : 0;
        }
    }
    const std::size_t invalid = library.entries().size() - valid;
    std::cout << valid << " valid, " << invalid << " invalid\n";
    return invalid == 0 && !library.entries().empty() ? Exit::ok : Exit::failed;
}

}  // namespace bran::cli
