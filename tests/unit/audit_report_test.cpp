#include "engine/audit/audit_output.hpp"
#include "engine/session/walkthrough.hpp"
#include "engine/audit/audit_source.hpp"
#include "test_aid.hpp"

#include <set>

using namespace bran;
using bran::test::small_aid;

namespace {

// Five sessions worked by hand with the small aid (supports in test_aid.hpp):
//  A  clinic C1, site north, Jan: avoid-op 4 -> wait favoured; leaning wait (concordant);
//     knowledge q1 a, q2 b (2 right: adequate); SURE 4 yes; completed.       -> informed, SURE pass
//  B  C1, north, Feb: relief 4 -> surgery favoured; leaning tablets (discordant); knowledge q1 b
//     only (0 of 1: not adequate); SURE 3 yes; completed.                   -> informed no, SURE fail
//  C  C2, south, Feb: all weights 0 (not assessable); leaning wait; no knowledge; completed.
//  D  C2, south, Feb: relief 4; decision defer (not assessable); SURE yes x4; completed.
//  E  C2, (no site), Feb: avoid-op 4, leaning wait, SURE yes x4, but in progress: counts in
//     `sessions` only.
struct Fixture {
    Database db = Database::open(":memory:");
    SessionStore store{db, ChainKey::random()};
    void session(const char* clinician, const char* site, const char* month, std::vector<std::pair<std::string, nlohmann::json>> answers,
                 bool complete) {
        SessionMeta meta;
        meta.clinician = clinician;
        if (site) meta.site = site;
        std::string at = std::string("2026-") + month + "-10T10:00:00.000+00:00";
        Walkthrough w = Walkthrough::start(small_aid(), store, Setting::clinic, meta, [at] { return at; });
        for (auto& [item, value] : answers) REQUIRE(w.apply(intent::Answer{item, value}).ok);
        if (complete) w.apply(intent::GoTo{Step::summary});
    }
    Fixture() {
        const auto sure = [](bool last) {
            return std::vector<std::pair<std::string, nlohmann::json>>{
                {"sure.sure", true}, {"sure.understand", true}, {"sure.risk-benefit", true}, {"sure.encouragement", last}};
        };
        auto join = [](auto a, auto b) { a.insert(a.end(), b.begin(), b.end()); return a; };
        session("C1", "north", "01", join(std::vector<std::pair<std::string, nlohmann::json>>{{"value.avoid-op", 4}, {"leaning", "wait"}, {"knowledge.q1", "a"}, {"knowledge.q2", "b"}}, sure(true)), true);
        session("C1", "north", "02", join(std::vector<std::pair<std::string, nlohmann::json>>{{"value.relief", 4}, {"leaning", "tablets"}, {"knowledge.q1", "b"}}, sure(false)), true);
        session("C2", "south", "02", {{"value.avoid-op", 0}, {"value.relief", 0}, {"leaning", "wait"}}, true);
        session("C2", "south", "02", join(std::vector<std::pair<std::string, nlohmann::json>>{{"value.relief", 4}, {"decision", "defer"}}, sure(true)), true);
        session("C2", nullptr, "02", join(std::vector<std::pair<std::string, nlohmann::json>>{{"value.avoid-op", 4}, {"leaning", "wait"}}, sure(true)), false);
    }
    std::vector<GroupFigures> run(AuditFilter f) { return read_audit(db, f); }
};

}  // namespace

TEST_CASE("ungrouped audit: hand-computed figures", "[audit]") {
    Fixture f;
    const auto groups = f.run({});
    REQUIRE(groups.size() == 1);
    const GroupFigures& g = groups[0];
    CHECK(g.key == "all");
    CHECK(g.sessions == 5);
    CHECK(g.completed == 4);
    CHECK(g.concordance.assessable == 2);  // A, B (C all-zero, D defer, E not completed)
    CHECK(g.concordance.yes == 1);
    CHECK(g.concordance.rate() == 0.5);
    CHECK(g.knowledge.assessable == 2);
    CHECK(g.knowledge.yes == 1);
    CHECK(g.informed_choice.assessable == 2);
    CHECK(g.informed_choice.yes == 1);
    CHECK(g.sure.assessable == 3);  // A, B, D
    CHECK(g.sure.yes == 2);
    CHECK(g.sure_mean() == Approx((4 + 3 + 4) / 3.0));
    CHECK(g.choices == std::map<std::string, long long>{{"defer", 1}, {"tablets", 1}, {"wait", 2}});
}

TEST_CASE("grouped audit: by clinician, site, month and option", "[audit]") {
    Fixture f;
    AuditFilter by_clinician;
    by_clinician.group_by = GroupBy::clinician;
    auto groups = f.run(by_clinician);
    REQUIRE(groups.size() == 2);
    CHECK(groups[0].key == "C1");
    CHECK(groups[0].concordance.rate() == 0.5);
    CHECK(groups[1].key == "C2");
    CHECK(groups[1].sessions == 3);
    CHECK(groups[1].completed == 2);
    CHECK_FALSE(groups[1].concordance.rate().has_value());  // nothing assessable: no rate, not 0

    AuditFilter by_site;
    by_site.group_by = GroupBy::site;
    groups = f.run(by_site);
    REQUIRE(groups.size() == 3);
    CHECK(groups[0].key == "(none)");
    CHECK(groups[0].completed == 0);
    CHECK(groups[1].key == "north");
    CHECK(groups[2].key == "south");

    AuditFilter by_month;
    by_month.group_by = GroupBy::month;
    groups = f.run(by_month);
    REQUIRE(groups.size() == 2);
    CHECK(groups[0].key == "2026-01");
    CHECK(groups[0].sessions == 1);
    CHECK(groups[1].key == "2026-02");
    CHECK(groups[1].sessions == 4);

    AuditFilter by_option;
    by_option.group_by = GroupBy::option;
    groups = f.run(by_option);
    std::vector<std::string> keys;
    for (const auto& g : groups) keys.push_back(g.key);
    CHECK(keys == std::vector<std::string>{"defer", "tablets", "wait"});
}

TEST_CASE("filters by aid and dates, and an empty result still has its group", "[audit]") {
    Fixture f;
    AuditFilter feb;
    feb.from = "2026-02-01";
    feb.to = "2026-02-28";
    CHECK(f.run(feb)[0].sessions == 4);
    AuditFilter jan_only;
    jan_only.to = "2026-01-10";
    CHECK(f.run(jan_only)[0].sessions == 1);
    AuditFilter other;
    other.aid = "another-aid";
    const auto empty = f.run(other);
    REQUIRE(empty.size() == 1);
    CHECK(empty[0].sessions == 0);
    CHECK_FALSE(empty[0].sure_mean().has_value());
    AuditFilter mine;
    mine.aid = "small";
    CHECK(f.run(mine)[0].sessions == 5);
    const auto json = audit_json(other, empty);
    CHECK(json["groups"][0]["concordance"]["rate"].is_null());
    CHECK(json["filters"]["aid"] == "another-aid");
}

TEST_CASE("home-to-clinic figures start from the sessions begun at home, not from every completed session", "[audit]") {
    // With no statistics, SQLite's planner once drove this query from the audit index (status
    // first) and looked up every completed session: 1.6 s over 10^6 sessions with none from home.
    Fixture f;
    for (GroupBy g : {GroupBy::none, GroupBy::clinician, GroupBy::month}) {
        Statement plan = f.db.prepare("EXPLAIN QUERY PLAN " + home_to_clinic_query(g));
        std::string steps;
        while (plan.step()) steps += plan.text(3) + "\n";
        INFO(steps);
        CHECK(steps.find("USING INDEX session_audit") == std::string::npos);
        CHECK(steps.find("SEARCH s USING INDEX sqlite_autoindex_session_1 (id=?)") != std::string::npos);
    }
    // None of the fixture's sessions began at home.
    CHECK(f.run({})[0].home_to_clinic.sessions == 0);
}

TEST_CASE("CSV cells of recorded text cannot start a spreadsheet formula", "[audit][csv]") {
    CHECK(csv_text_cell("north") == "north");
    CHECK(csv_text_cell("a,b") == "\"a,b\"");
    CHECK(csv_text_cell("=HYPERLINK(\"http://x\",\"y\")") == "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
    for (const char* text : {"+1", "-1+1", "@SUM(A1)", "\tx", "\rx"}) {
        CAPTURE(text);
        CHECK(csv_text_cell(text) == "\"'" + std::string(text) + "\"");
    }
    CHECK(csv_text_cell("x=1") == "x=1");  // only the first character makes a formula
}

TEST_CASE("audit CSV neutralises a group key and an option name but not the figures", "[audit][csv]") {
    GroupFigures g;
    g.key = "=HYPERLINK(\"http://x\",\"y\")";
    g.sessions = 1;
    g.choices["-op"] = 1;
    const std::string csv = audit_csv({g});
    CHECK(csv.find(",choice_-op\r\n") != std::string::npos);
    CHECK(csv.find("\r\n\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",1,0,") != std::string::npos);
}

TEST_CASE("audit table prints a group key's control characters as escapes", "[audit][terminal]") {
    GroupFigures g;
    g.key = "north\x1b[2J";
    g.choices["wait\x1b]0;x\x07"] = 1;
    const std::string table = audit_table(AuditFilter{}, {g});
    CHECK(table.find('\x1b') == std::string::npos);
    CHECK(table.find("north\\x1b[2J") != std::string::npos);
    CHECK(table.find("wait\\x1b]0;x\\x07 1") != std::string::npos);
}

TEST_CASE("sessions counted by their packed facts count as they do one by one, for every combination of facts", "[audit]") {
    // The central database groups by the packed code; SQLite's pass adds each session. Every
    // combination that can be recorded must count the same both ways.
    AuditAccumulator one_by_one, packed;
    std::set<int> codes;
    for (bool completed : {false, true}) {
        for (std::optional<int> concordance : {std::optional<int>(), std::optional<int>(0), std::optional<int>(1), std::optional<int>(2)}) {
            for (std::optional<int> knowledge : {std::optional<int>(), std::optional<int>(0), std::optional<int>(1)}) {
                for (std::optional<int> informed : {std::optional<int>(), std::optional<int>(0), std::optional<int>(1)}) {
                    for (std::optional<int> sure : {std::optional<int>(), std::optional<int>(0), std::optional<int>(2), std::optional<int>(4)}) {
                        const int code = pack_audit_facts(completed, concordance, knowledge, informed, sure);
                        codes.insert(code);
                        CHECK(code >= 0);
                        CHECK(code < 432);
                        const std::string group = "g" + std::to_string(code % 7);
                        for (int i = 0; i < 3; ++i) one_by_one.add(group, "wait", completed, concordance, knowledge, informed, sure);
                        packed.add_packed(group, "wait", code, 3);
                    }
                }
            }
        }
    }
    CHECK(codes.size() == 2 * 4 * 3 * 3 * 4);  // no two combinations share a code
    const auto fields = [](std::vector<AuditBucket> buckets) {
        std::map<std::string, std::vector<long long>> out;
        for (const AuditBucket& b : buckets) {
            out[b.group + "|" + b.choice] = {b.sessions, b.completed, b.no_clear_fit, b.concordance_assessable, b.concordant,
                                             b.knowledge_assessable, b.knowledge_adequate, b.informed_assessable, b.informed,
                                             b.sure_assessable, b.sure_pass, b.sure_score_sum};
        }
        return out;
    };
    CHECK(fields(packed.buckets()) == fields(one_by_one.buckets()));
}
