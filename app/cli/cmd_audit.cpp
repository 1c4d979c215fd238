// `bran audit` and `bran audit verify`: the auditor's figures, and proof the record is intact.
#include "app/cli/command_edge.hpp"
#include "app/cli/options.hpp"
#include "engine/core/terminal_text.hpp"
#include "engine/audit/audit_output.hpp"
#include "engine/core/ids_and_time.hpp"
#include "engine/audit/audit_source.hpp"
#include "engine/audit/chain_verify.hpp"
#include "engine/store/reassess.hpp"
#include "app/cli/terminal_progress.hpp"
#include "engine/central/central_audit.hpp"
#include "engine/central/central_verify.hpp"
#include "engine/audit/variation.hpp"
#include "engine/content/library.hpp"
#include "engine/i18n/catalog.hpp"
#include "engine/report/audit_pdf.hpp"
#include "engine/view/staff_views.hpp"

#include <algorithm>

#include <filesystem>
#include <iostream>

namespace bran::cli {

namespace {
const char* const help = R"(usage: bran audit --db FILE|URI [--aid ID] [--from DATE] [--to DATE]
                  [--group-by clinician|site|month|option|knowledge] [--format table|csv|json]
       bran audit verify --db FILE|URI
       bran audit report --db FILE|URI [--aid ID] [--from DATE] [--to DATE]
                  [--group-by ...] [--locale TAG] -o OUT.pdf

The personal-value audit (shared/spec/audit.md): how many sessions, how many completed,
and among completed sessions the share whose choice matches what the patient said
mattered (value concordance), with adequate knowledge, with an informed choice, and
with no decisional conflict (SURE 4 of 4); and the choices made.
Which option fits is worked out as docs/value-concordance.md says; a session whose
best options fit about equally is "no clear fit", not assessable for concordance.
Dates (YYYY-MM-DD) filter on the day a session started, both ends included.
By clinician or by site, each group's rates are set against the overall rate with
binomial control limits at 95% and 99.8% (funnel plots, Spiegelhalter 2005), and a
group outside them is flagged; with --aid, each option's share of choices too.
By knowledge: completed sessions with adequate knowledge, without, and not assessable.

verify checks that no recorded answer was changed, inserted or removed outside bran,
naming the first bad record. It needs the key file beside the database (FILE.key).

report prints the figures, the funnel plots (with --group-by clinician or site) and the
newest sessions to review as a PDF for a governance meeting.

URI is a central audit database (postgresql://...; passwords from ~/.pgpass or PG*
variables): the same figures over every site's sessions, and verify checks the central
copies against the chain heads each site signed when it pushed.

exit status: 0 done (verify: intact), 1 error (verify: tampering found), 2 usage error
)";

// Sessions recorded by a bran from before docs/value-concordance.md are assessed again first,
// where the file can be written, so that every figure uses one rule; true if they still carry
// the older rule's facts (read-only media), which the output then says.
bool facts_from_older_rule_after_assessing_again(const std::string& db_path) {
    {
        const Database probe = Database::open(db_path, Database::Mode::read_only);
        if (!facts_from_older_value_rule(probe)) return false;
    }
    try {
        Database db = Database::open(db_path);
        if (db.read_only()) return true;
        TerminalProgress progress;
        assess_sessions_from_older_value_rule(db, &progress);
        return facts_from_older_value_rule(db);
    } catch (const std::exception&) {
        return true;  // cannot write here: the figures are given with the older rule, and said so
    }
}

int run_central_verify(const std::string& uri) {
    return run_guarded("audit verify", printable_uri(uri), [&]() -> int {
        CentralVerifyReport report;
        {
            TerminalProgress progress;
            report = verify_central(uri, &progress);
        }
        if (report.record.problem) {
            std::cerr << printable_uri(uri) << ": " << terminal_safe(report.record.problem->to_line()) << '\n';
            std::cout << "tampering found\n";
            return Exit::failed;
        }
        std::cout << "intact: " << report.record.events << " answer events in " << report.record.sessions << " sessions from "
                  << report.sites << (report.sites == 1 ? " site" : " sites") << ", each as its site signed it\n";
        return Exit::ok;
    });
}

int run_verify(const Arguments& arguments) {
    const auto db_path = arguments.value("db");
    if (!db_path) return usage_error("audit verify", "--db FILE is required");
    if (is_postgres_uri(*db_path)) return run_central_verify(*db_path);
    return run_guarded("audit verify", *db_path, [&]() -> int {
        Database db = Database::open(*db_path, Database::Mode::read_only);
        // Checking never makes a key: a new one would accuse every earlier answer.
        const std::optional<ChainKey> key = ChainKey::existing(*db_path);
        if (!key && has_answer_events(db)) {
            std::cerr << key_path(*db_path)
                      << ": the chain key is missing, so the answers cannot be verified (restore the key file from where it was kept)\n";
            return Exit::failed;
        }
        VerifyReport report;
        {
            TerminalProgress progress;  // erased before the verdict is printed
            report = verify_record(db, key ? *key : ChainKey::random(), receipts_path(*db_path), &progress);
        }
        if (report.problem) {
            std::cerr << *db_path << ": " << report.problem->to_line() << '\n';
            std::cout << "tampering found\n";
            return Exit::failed;
        }
        if (report.receipts_missing) {
            std::cerr << receipts_path(*db_path) << ": the receipts file is missing or cannot be read, so answers "
                      << "removed from the end of the record cannot be detected (restore it from the backup)\n";
            std::cout << "not fully checked: " << report.events << " answer events in " << report.sessions
                      << " sessions are unchanged, but removals at the end cannot be checked\n";
            return Exit::failed;
        }
        std::cout << "intact: " << report.events << " answer events in " << report.sessions << " sessions\n";
        if (report.events > 0) std::cout << "chain head: " << chain_head_text(report) << '\n';
        return Exit::ok;
    });
}

// The filters and grouping shared by the figures and the report; a usage message when wrong.
std::optional<std::string> read_filter(const Arguments& arguments, AuditFilter& filter) {
    filter.aid = arguments.value("aid");
    filter.from = arguments.value("from");
    filter.to = arguments.value("to");
    for (const auto* date : {&filter.from, &filter.to}) {
        if (*date && !is_calendar_date(**date)) return "dates are YYYY-MM-DD, not \"" + **date + "\"";
    }
    if (auto group = arguments.value("group-by")) {
        auto g = group_by_from_name(*group);
        if (!g || *g == GroupBy::none) return "--group-by is clinician, site, month, option or knowledge, not \"" + *group + "\"";
        filter.group_by = *g;
    }
    return std::nullopt;
}

int run_report(const Arguments& arguments) {
    const auto db_path = arguments.value("db");
    const auto output = arguments.value("output");
    if (!db_path) return usage_error("audit report", "--db FILE or URI is required");
    if (!output || output->empty()) return usage_error("audit report", "-o OUT.pdf is required");
    AuditFilter filter;
    if (const auto wrong = read_filter(arguments, filter)) return usage_error("audit report", *wrong);
    const std::string i18n_dir = default_i18n_dir();
    const std::vector<std::string> locales = available_locales(i18n_dir);
    const std::string locale = arguments.value("locale").value_or("en-GB");
    if (std::find(locales.begin(), locales.end(), locale) == locales.end()) {
        return usage_error("audit report", "--locale must be one of the translations (en-GB, cy), not \"" + locale + "\"");
    }
    const bool central = is_postgres_uri(*db_path);
    const std::string shown = central ? printable_uri(*db_path) : *db_path;
    return run_guarded("audit report", shown, [&]() -> int {
        std::vector<GroupFigures> groups;
        std::vector<SessionToReview> to_review;
        long long to_review_total = 0;
        if (central) {
            PgConnection db = PgConnection::open(*db_path);
            groups = read_central_audit(db, filter);
            to_review = read_central_sessions_to_review(db, filter, static_cast<int>(sessions_shown_for_review));
            to_review_total = count_central_sessions_to_review(db, filter);
        } else {
            facts_from_older_rule_after_assessing_again(*db_path);
            Database db = Database::open(*db_path, Database::Mode::read_only);
            {
                TerminalProgress progress;
                groups = read_audit(db, filter, &progress);
            }
            to_review = read_sessions_to_review(db, filter, static_cast<int>(sessions_shown_for_review));
            to_review_total = count_sessions_to_review(db, filter);
        }
        const VariationFigures variation = compares_providers(filter.group_by) && groups.size() > 1
                                               ? variation_figures(groups, filter.aid.has_value())
                                               : VariationFigures{};
        Diagnostics problems;
        const Catalog words = Catalog::load(i18n_dir, locale, problems);
        print_diagnostics(problems);
        if (problems.has_errors()) return Exit::failed;
        const Library library = Library::load({default_content_dir()}, RuleContext{});
        const std::string exported;
        const ScreenView view = audit_view(library, words, {filter, groups, to_review, exported, variation, to_review_total});
        write_audit_pdf({view, words, shown, now_iso().substr(0, 10)}, *output);
        std::cout << *output << '\n';
        return Exit::ok;
    });
}
}  // namespace

int run_audit(const std::vector<std::string>& args) {
    // `-o FILE` is the one short option, as in most tools that write a file.
    std::vector<std::string> normalised;
    for (const std::string& arg : args) normalised.push_back(arg == "-o" ? "--output" : arg);
    const Arguments arguments(normalised, {"db", "aid", "from", "to", "group-by", "format", "output", "locale"}, {"help"});
    if (arguments.flag("help")) {
        std::cout << help;
        return Exit::ok;
    }
    if (!arguments.ok()) return usage_error("audit", arguments.error());
    if (!arguments.positionals().empty()) {
        if (arguments.positionals() == std::vector<std::string>{"verify"}) return run_verify(arguments);
        if (arguments.positionals() == std::vector<std::string>{"report"}) return run_report(arguments);
        return usage_error("audit", "unknown argument \"" + arguments.positionals()[0] + "\"");
    }
    const auto db_path = arguments.value("db");
    if (!db_path) return usage_error("audit", "--db FILE is required");
    if (arguments.value("output") || arguments.value("locale")) return usage_error("audit", "-o and --locale are for `bran audit report`");
    AuditFilter filter;
    if (const auto wrong = read_filter(arguments, filter)) return usage_error("audit", *wrong);
    const std::string format = arguments.value("format").value_or("table");
    if (format != "table" && format != "csv" && format != "json") {
        return usage_error("audit", "--format is table, csv or json, not \"" + format + "\"");
    }
    if (is_postgres_uri(*db_path)) {
        return run_guarded("audit", printable_uri(*db_path), [&]() -> int {
            PgConnection db = PgConnection::open(*db_path);
            const auto groups = read_central_audit(db, filter);
            if (format == "json") std::cout << audit_json(filter, groups, ConcordanceRule::current).dump(2) << '\n';
            else if (format == "csv") std::cout << audit_csv(groups);
            else std::cout << audit_table(filter, groups);
            return Exit::ok;
        });
    }
    return run_guarded("audit", *db_path, [&]() -> int {
        const bool older_rule = facts_from_older_rule_after_assessing_again(*db_path);
        Database db = Database::open(*db_path, Database::Mode::read_only);
        std::vector<GroupFigures> groups;
        {
            TerminalProgress progress;  // erased before the figures are printed
            groups = read_audit(db, filter, &progress);
        }
        const ConcordanceRule rule = older_rule ? ConcordanceRule::older_weighted_sum : ConcordanceRule::current;
        if (older_rule) {
            std::cerr << *db_path << ": value concordance here is by the older rule (highest sum of fixed scores): "
                      << "bran cannot write to this file to assess its sessions again; audit a copy it can write\n";
        }
        if (format == "json") std::cout << audit_json(filter, groups, rule).dump(2) << '\n';
        else if (format == "csv") std::cout << audit_csv(groups);
        else std::cout << audit_table(filter, groups);
        return Exit::ok;
    });
}

}  // namespace bran::cli
