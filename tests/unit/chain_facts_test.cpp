// A session's facts (aid, who, where, when) are in the keyed chain, so that everything the audit
// counts is vouched for by `bran audit verify`: an edit to any of them, or a session put in or
// taken out behind bran's back, is named.
#include "engine/content/library.hpp"
#include "engine/session/walkthrough.hpp"
#include "engine/audit/chain_verify.hpp"
#include "engine/store/session_store.hpp"
#include "temp_dir.hpp"
#include "test_aid.hpp"

#include <catch2/catch.hpp>

#include <filesystem>

using namespace bran;
using bran::test::TempDir;

namespace {

struct Recorded {
    TempDir dir;
    std::string path = dir.file("c.db");
    Library library;
    std::string home_session, clinic_session;

    Recorded() {
        library.add(load_aid_text(bran::test::small_aid_json(), "small.json", RuleContext{}));
        Database db = Database::open(path);
        SessionStore store(db, ChainKey::for_recording(db));
        const Aid& aid = *library.find("small", library.aids().front()->version);
        Walkthrough home = Walkthrough::start(aid, store, Setting::home, {std::nullopt, std::nullopt, std::nullopt, "en-GB"});
        REQUIRE(home.apply(intent::Answer{"leaning", "wait"}).ok);
        home_session = home.session_id();
        Walkthrough clinic = Walkthrough::start(aid, store, Setting::clinic,
                                                {std::nullopt, std::string("DR-1"), std::string("north"), "en-GB"});
        clinic_session = clinic.session_id();  // opened and left: no answer yet
    }

    VerifyReport verify() {
        Database db = Database::open(path, Database::Mode::read_only);
        return verify_record(db, *ChainKey::existing(path), receipts_path(path));
    }
    void tamper(const std::string& sql) {
        Database db = Database::open(path);
        db.exec(sql);
    }
};

std::string finding(const VerifyReport& report) { return report.problem ? report.problem->to_line() : "intact"; }

}  // namespace

TEST_CASE("a session's clinician, site, start, locale and aid are vouched for by the chain", "[verify]") {
    Recorded r;
    REQUIRE(finding(r.verify()) == "intact");
    const std::string id = r.clinic_session;
    const std::vector<std::pair<std::string, std::string>> edits = {
        {"UPDATE session SET clinician = 'DR-2' WHERE id = '" + id + "'",
         "session " + id + ": session-changed: clinician is recorded as \"DR-2\" but bran recorded \"DR-1\""},
        {"UPDATE session SET site = NULL WHERE id = '" + id + "'",
         "session " + id + ": session-changed: site is recorded as none but bran recorded \"north\""},
        {"UPDATE session SET started_at = '2020-01-01T00:00:00Z' WHERE id = '" + id + "'",
         "session " + id + ": session-changed: start is recorded as \"2020-01-01T00:00:00Z\""},
        {"UPDATE session SET locale = 'cy' WHERE id = '" + id + "'", "session-changed: locale is recorded as \"cy\""},
        {"UPDATE aid_version SET aid_id = 'other'", "session-changed: aid is recorded as \"other\""},
        {"UPDATE aid_version SET content = replace(content, 'small', 'smoll')",
         "is not the text the patient was shown"},
        {"UPDATE session SET status = 'completed' WHERE id = '" + id + "'", "session " + id + ": session-changed"},
    };
    for (const auto& [sql, expected] : edits) {
        Recorded fresh;
        const std::string fresh_sql = [&] {
            std::string s = sql;
            const auto at = s.find(id);
            if (at != std::string::npos) s.replace(at, id.size(), fresh.clinic_session);
            return s;
        }();
        std::string fresh_expected = expected;
        for (auto at = fresh_expected.find(id); at != std::string::npos; at = fresh_expected.find(id)) {
            fresh_expected.replace(at, id.size(), fresh.clinic_session);
        }
        fresh.tamper(fresh_sql);
        INFO(fresh_sql);
        CHECK_THAT(finding(fresh.verify()), Catch::Contains(fresh_expected));
    }
}

TEST_CASE("a session put in or taken out behind bran's back is named, answered or not", "[verify]") {
    SECTION("an in-progress session with no events, put in") {
        Recorded r;
        r.tamper("INSERT INTO session (id, aid_version_id, locale, started_at, updated_at, status, step) "
                 "SELECT 'made-up', aid_version_id, locale, started_at, updated_at, 'in-progress', step FROM session LIMIT 1");
        CHECK_THAT(finding(r.verify()), Catch::Contains("session made-up: session-inserted"));
    }
    SECTION("a session that was opened and left, taken out") {
        Recorded r;
        r.tamper("PRAGMA foreign_keys=OFF; DELETE FROM session WHERE id = '" + r.clinic_session + "'");
        CHECK_THAT(finding(r.verify()), Catch::Contains("session " + r.clinic_session + " event 1 (record #3): session-deleted"));
    }
    SECTION("and taken out with its facts event, from the end of the record") {
        Recorded r;
        r.tamper("PRAGMA foreign_keys=OFF; DELETE FROM event WHERE session_id = '" + r.clinic_session +
                 "'; DELETE FROM session WHERE id = '" + r.clinic_session + "'");
        CHECK_THAT(finding(r.verify()), Catch::Contains("truncated: bran had recorded 3 events, but only 2 are left"));
    }
}

TEST_CASE("the clinic's credit for a session begun at home is in the chain", "[verify]") {
    Recorded r;
    {
        Database db = Database::open(r.path);
        SessionStore store(db, ChainKey::for_recording(db));
        store.credit_if_unattributed(r.home_session, {std::nullopt, std::string("DR-9"), std::string("south"), "en-GB"},
                                     "2026-12-06T10:00:00Z", "clinic");
        // Never replaces a clinician already recorded.
        store.credit_if_unattributed(r.home_session, {std::nullopt, std::string("DR-8"), std::string("east"), "en-GB"},
                                     "2026-12-06T10:01:00Z", "clinic");
        CHECK(store.find(r.home_session)->meta.clinician == std::optional<std::string>("DR-9"));
        CHECK(store.events(r.home_session).back().item == "credited");
        CHECK(store.events(r.home_session).size() == 3);  // facts, the leaning, one credit
    }
    CHECK(finding(r.verify()) == "intact");
    r.tamper("UPDATE session SET clinician = 'DR-8' WHERE id = '" + r.home_session + "'");
    CHECK_THAT(finding(r.verify()), Catch::Contains("clinician is recorded as \"DR-8\" but bran recorded \"DR-9\""));
}

TEST_CASE("sessions recorded before their facts were chained are sealed by the next bran that records", "[verify]") {
    Recorded r;
    {
        // Make the record as a bran of schema 4 left it: no facts events, the chain relinked.
        Database db = Database::open(r.path);
        db.exec("DELETE FROM event WHERE item = 'session'");
        db.exec("UPDATE event SET seq = seq - 1");
        db.exec("UPDATE session SET event_count = event_count - 1");
        db.exec("INSERT INTO setting (key, value) VALUES ('sessions_to_seal', 'test')");
        const ChainKey key = ChainKey::for_recording(db);
        std::vector<unsigned char> previous(32, 0);
        std::int64_t n = 0;
        std::vector<EventRow> events;
        {
            Statement all = db.prepare(std::string("SELECT ") + event_columns + " FROM event ORDER BY n");
            while (all.step()) events.push_back(read_event(all));
        }
        db.exec("DELETE FROM event");
        for (EventRow& e : events) {
            e.n = ++n;
            e.mac = key.link(previous, canonical_event(e));
            previous = e.mac;
            Statement insert = db.prepare("INSERT INTO event (n, session_id, seq, at, setting, step, item, old_value, new_value, mac) "
                                          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, NULL, ?8, ?9)");
            insert.bind(1, e.n).bind(2, e.session_id).bind(3, e.seq).bind(4, e.at).bind(5, e.setting).bind(6, e.step);
            insert.bind(7, e.item).bind(8, e.new_value.dump()).bind_blob(9, e.mac);
            insert.run();
        }
        std::filesystem::remove(receipts_path(r.path));  // its record numbers were those of schema 5
    }
    CHECK_THAT(finding(r.verify()), Catch::Contains("session-unsealed"));
    {
        Database db = Database::open(r.path);
        SessionStore store(db, ChainKey::for_recording(db));
        CHECK(store.prepare_for_recording("2026-12-06T10:00:00Z").empty());
        const auto events = store.events(r.clinic_session);
        REQUIRE(events.size() == 1);
        CHECK(events[0].new_value["clinician"] == "DR-1");
        CHECK(events[0].new_value["sealed_late"] == true);
        CHECK(store.prepare_for_recording("2026-12-06T10:00:00Z").empty());  // once only
        CHECK(store.events(r.clinic_session).size() == 1);
    }
    CHECK(finding(r.verify()) == "intact");
}

TEST_CASE("answers lost from the end of the record are told when it is next opened for recording", "[verify]") {
    Recorded r;
    {
        Database db = Database::open(r.path);
        db.exec("DELETE FROM event WHERE n = 3");  // as a deleted -wal file would lose the newest
    }
    Database db = Database::open(r.path);
    SessionStore store(db, ChainKey::for_recording(db));
    const std::string told = store.prepare_for_recording("2026-12-06T10:00:00Z");
    CHECK_THAT(told, Catch::Contains(r.path + ": bran had recorded 3 events here, but the database ends at #2: the newest 1 were lost"));
}
