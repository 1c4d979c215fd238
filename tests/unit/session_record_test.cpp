#include "engine/interop/import_records.hpp"
#include "engine/interop/session_record.hpp"
#include "engine/session/walkthrough.hpp"
#include "engine/store/event_replay.hpp"
#include "temp_dir.hpp"
#include "test_aid.hpp"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace bran;
using bran::test::TempDir;
using bran::test::small_aid;

namespace {

Library library_with_small_aid() {
    Library library;
    library.add(load_aid_text(bran::test::small_aid_json(), "small.json", RuleContext{}));
    return library;
}

std::string export_all(SessionStore& store) {
    std::ostringstream out;
    BundleWriter bundle(out);
    std::vector<nlohmann::json> responses;
    for (const SessionRow& row : store.sessions()) {
        responses.push_back(to_questionnaire_response(row, small_aid(), store.events(row.id)));
        bundle.add(responses.back());
    }
    bundle.finish();
    // Written a response at a time, the Bundle is the same as the whole one dumped at once.
    nlohmann::json whole = {{"resourceType", "Bundle"}, {"type", "collection"}};
    if (!responses.empty()) {
        whole["entry"] = nlohmann::json::array();
        for (const auto& r : responses) whole["entry"].push_back({{"fullUrl", "urn:uuid:" + r.at("id").get<std::string>()}, {"resource", r}});
    }
    CHECK(out.str() == whole.dump(2) + "\n");
    return out.str();
}

void write(const std::string& path, const std::string& text) { std::ofstream(path) << text; }

struct Facts {
    std::string status, choice;
    std::optional<std::int64_t> concordance, adequate, informed, sure;
    bool operator==(const Facts& o) const {
        return std::tie(status, choice, concordance, adequate, informed, sure) ==
               std::tie(o.status, o.choice, o.concordance, o.adequate, o.informed, o.sure);
    }
};

std::map<std::string, Facts> facts(Database& db) {
    std::map<std::string, Facts> out;
    Statement s = db.prepare("SELECT id, status, coalesce(choice, ''), concordance, knowledge_adequate, informed_choice, sure_score FROM session");
    while (s.step()) out[s.text(0)] = {s.text(1), s.text(2), s.optional_integer(3), s.optional_integer(4), s.optional_integer(5), s.optional_integer(6)};
    return out;
}

void fill(SessionStore& store) {
    int tick = 0;
    auto clock = [&tick] {
        const int t = tick++;
        return "2026-11-2" + std::to_string(1 + t / 50) + "T09:" + std::to_string(10 + t % 50) + ":00.000+00:00";
    };
    Walkthrough a = Walkthrough::start(small_aid(), store, Setting::home, {std::string("P-7"), std::string("C-1"), std::string("S-9"), "cy"}, clock);
    a.apply(intent::Answer{"what-matters", "Dw i eisiau cerdded heb boen – “yn fuan”"});
    a.apply(intent::Answer{"risk.age", "old"});
    a.apply(intent::Answer{"value.avoid-op", 4});
    a.apply(intent::Answer{"value.relief", 1});
    a.apply(intent::Answer{"knowledge.q1", "a"});
    a.apply(intent::Answer{"knowledge.q2", "b"});
    for (const char* item : {"sure.sure", "sure.understand", "sure.risk-benefit", "sure.encouragement"}) a.apply(intent::Answer{item, true});
    a.apply(intent::Answer{"leaning", "wait"});
    a.apply(intent::GoTo{Step::summary});
    a.apply(intent::Answer{"decision", "tablets"});

    Walkthrough b = Walkthrough::start(small_aid(), store, Setting::kiosk, {}, clock);
    b.apply(intent::Answer{"value.relief", 2});
    b.apply(intent::Abandon{});

    Walkthrough c = Walkthrough::start(small_aid(), store, Setting::clinic, {}, clock);
    c.apply(intent::Answer{"leaning", "unsure"});
}

}  // namespace

TEST_CASE("export then import into a fresh database gives the same sessions and audit facts", "[interop]") {
    TempDir dir;
    Database home = Database::open(dir.file("home.db"));
    SessionStore home_store(home, ChainKey::for_database(home.path()));
    fill(home_store);
    const std::string file = dir.file("records.json");
    write(file, export_all(home_store));

    Database clinic = Database::open(dir.file("clinic.db"));
    SessionStore clinic_store(clinic, ChainKey::for_database(clinic.path()));
    Diagnostics problems;
    const ImportReport report = import_record_file(file, clinic_store, library_with_small_aid(), problems);
    for (const auto& d : problems.items()) FAIL(d.to_line());
    CHECK(report.imported == 3);
    CHECK(facts(clinic) == facts(home));

    for (const SessionRow& row : home_store.sessions()) {
        auto copy = clinic_store.find(row.id);
        REQUIRE(copy);
        CHECK(copy->meta.pseudonym == row.meta.pseudonym);
        CHECK(copy->meta.clinician == row.meta.clinician);
        CHECK(copy->meta.site == row.meta.site);
        CHECK(copy->meta.locale == row.meta.locale);
        CHECK(copy->started_at == row.started_at);
        CHECK(copy->status == row.status);
        Answers original, imported;
        std::string s1, s2;
        replay_events(home_store.events(row.id), original, s1);
        replay_events(clinic_store.events(row.id), imported, s2);
        CHECK(imported == original);
        // Where each answer was given travels with it.
        // (The first event is each database's own record of the session's facts.)
        auto events = clinic_store.events(row.id);
        CHECK(events.front().item == "session");
        CHECK(events.front().setting == "import");
        if (row.meta.pseudonym) {
            CHECK(events.at(1).setting == "home");
            CHECK(events.at(1).at == home_store.events(row.id).at(1).at);
        }
    }
    // And the export of the copy is the export of the original.
    CHECK(export_all(clinic_store) == export_all(home_store));
}

TEST_CASE("importing the same file twice changes nothing", "[interop]") {
    TempDir dir;
    Database db = Database::open(dir.file("a.db"));
    SessionStore store(db, ChainKey::for_database(db.path()));
    fill(store);
    const std::string file = dir.file("records.json");
    write(file, export_all(store));
    Diagnostics problems;
    const ImportReport again = import_record_file(file, store, library_with_small_aid(), problems);
    CHECK_FALSE(problems.has_errors());
    CHECK(again.imported == 0);
    CHECK(again.unchanged == 3);
    Statement count = db.prepare("SELECT count(*) FROM event");
    REQUIRE(count.step());
    const auto events = count.integer(0);
    import_record_file(file, store, library_with_small_aid(), problems);
    Statement count2 = db.prepare("SELECT count(*) FROM event");
    REQUIRE(count2.step());
    CHECK(count2.integer(0) == events);
}

TEST_CASE("a file with one bad record imports nothing at all", "[interop]") {
    TempDir dir;
    Database source = Database::open(dir.file("source.db"));
    SessionStore source_store(source, ChainKey::for_database(source.path()));
    fill(source_store);
    nlohmann::json bundle = nlohmann::json::parse(export_all(source_store));
    bundle["entry"][2]["resource"]["item"][0]["answer"][0]["valueCoding"]["code"] = "dance";
    const std::string file = dir.file("bad.json");
    write(file, bundle.dump(2));

    Database target = Database::open(dir.file("target.db"));
    SessionStore target_store(target, ChainKey::for_database(target.path()));
    Diagnostics problems;
    const ImportReport report = import_record_file(file, target_store, library_with_small_aid(), problems);
    CHECK(report.imported == 0);
    REQUIRE(problems.items().size() == 1);
    const std::string line = problems.items()[0].to_line();
    CHECK_THAT(line, Catch::StartsWith(file + ":"));
    CHECK_THAT(line, Catch::Contains("/entry/2/resource/item/0/answer/0/valueCoding/code: \"dance\" is not an option of aid small"));
    CHECK(target_store.sessions().empty());
}
