// A database recorded under the older concordance rule (highest sum of fixed scores) is assessed
// again by the first bran that records there; until then verify checks it by the older rule.
#include "engine/content/library.hpp"
#include "engine/session/walkthrough.hpp"
#include "engine/audit/chain_verify.hpp"
#include "engine/store/reassess.hpp"
#include "engine/store/session_store.hpp"
#include "temp_dir.hpp"
#include "test_aid.hpp"

#include <catch2/catch.hpp>

#include <filesystem>

using namespace bran;
using bran::test::TempDir;

namespace {

std::optional<std::int64_t> stored_concordance(const std::string& path, const std::string& id) {
    Database db = Database::open(path, Database::Mode::read_only);
    Statement s = db.prepare("SELECT concordance FROM session WHERE id = ?1");
    s.bind(1, id);
    REQUIRE(s.step());
    return s.optional_integer(0);
}

std::string verify(const std::string& path) {
    Database db = Database::open(path, Database::Mode::read_only);
    const VerifyReport report = verify_record(db, *ChainKey::existing(path), receipts_path(path));
    return report.problem ? report.problem->to_line() : "intact";
}

}  // namespace

TEST_CASE("sessions with the older rule's facts are checked by it, then assessed again when bran next records", "[store]") {
    TempDir dir;
    const std::string path = dir.file("older.db");
    Library library;
    library.add(load_aid_text(bran::test::small_aid_json(), "small.json", RuleContext{}));
    const Aid& aid = *library.aids().front();
    std::string id;
    {
        Database db = Database::open(path);
        SessionStore store(db, ChainKey::for_recording(db));
        Walkthrough w = Walkthrough::start(aid, store, Setting::clinic, {std::nullopt, std::nullopt, std::nullopt, "en-GB"});
        // Weights 1 and 4: surgery 6, tablets 5, wait -2 -> surgery and tablets fit about equally.
        // The older rule (1 and 3): surgery 4, tablets 4 -> both favoured, so tablets was concordant.
        REQUIRE(w.apply(intent::Answer{"value.avoid-op", 1}).ok);
        REQUIRE(w.apply(intent::Answer{"value.relief", 3}).ok);
        REQUIRE(w.apply(intent::Answer{"leaning", "tablets"}).ok);
        id = w.session_id();
    }
    CHECK(stored_concordance(path, id) == no_clear_fit_code);
    {
        // What a bran from before schema 6 left behind, once migrated: its own fact, and the mark.
        Database db = Database::open(path);
        db.exec("UPDATE session SET concordance = 1");
        db.exec("INSERT INTO setting (key, value) VALUES ('sessions_to_reassess', 'recorded before schema 6')");
        CHECK(facts_from_older_value_rule(db));
    }
    CHECK(verify(path) == "intact");
    {
        Database db = Database::open(path);
        db.exec("UPDATE session SET concordance = 0");
    }
    CHECK(verify(path) == "session " + id + ": session-changed: concordance is recorded as 0 but the answers give 1");
    {
        Database db = Database::open(path);
        db.exec("UPDATE session SET concordance = 1");
        SessionStore store(db, ChainKey::for_recording(db));
        CHECK(store.prepare_for_recording("2026-12-07T10:00:00.000+00:00").empty());
        CHECK_FALSE(facts_from_older_value_rule(db));
    }
    CHECK(stored_concordance(path, id) == no_clear_fit_code);
    CHECK(verify(path) == "intact");
}

TEST_CASE("a database from before schema 6, opened only to read, is known to carry the older rule's facts", "[store]") {
    TempDir dir;
    const std::string path = dir.file("v1.db");
    std::filesystem::copy_file(BRAN_TEST_DATA "/db/v1.db", path);
    {
        Database db = Database::open(path, Database::Mode::read_only);
        CHECK(facts_from_older_value_rule(db));
    }
    Database db = Database::open(path);
    CHECK(facts_from_older_value_rule(db));
    CHECK(assess_sessions_from_older_value_rule(db) == 1);
    CHECK_FALSE(facts_from_older_value_rule(db));
    Database fresh = Database::open(dir.file("fresh.db"));
    CHECK_FALSE(facts_from_older_value_rule(fresh));
}
