// `bran audit verify` checks each event's link from the row as stored, without reading its JSON
// (canonical_event_as_stored), and reads the JSON only where that does not match. These tests hold
// it to the same verdicts as before: the same bytes for every answer bran records, awkward text
// included; a value stored in another JSON form that means the same is still intact; a changed
// one is named; and a long check says how far it has got.
#include "engine/audit/chain_verify.hpp"
#include "engine/content/library.hpp"
#include "engine/session/walkthrough.hpp"
#include "engine/store/session_store.hpp"
#include "temp_dir.hpp"
#include "test_aid.hpp"

#include <catch2/catch.hpp>

using namespace bran;
using bran::test::TempDir;

namespace {

// Words a patient may type, and what a file may bring: quotes, a backslash, every kind of
// control character, Welsh letters, an emoji.
const std::vector<std::string> awkward_words = {
    "I said \"no\" to the C:\\ drive", "line one\nline two\ttabbed\r\n", std::string("bell\a, escape\x1b and nul-free \x01\x1f"),
    "Ŵyr ac ŷd – “yn fuan”", "🙂 fine", "",
};

struct Recorded {
    TempDir dir;
    std::string path = dir.file("v.db");
    Library library;
    std::string session;

    Recorded() {
        library.add(load_aid_text(bran::test::small_aid_json(), "small.json", RuleContext{}));
        Database db = Database::open(path);
        SessionStore store(db, ChainKey::for_recording(db));
        const Aid& aid = *library.find("small", library.aids().front()->version);
        Walkthrough walk = Walkthrough::start(aid, store, Setting::clinic, {std::nullopt, std::string("DR \"Q\""), std::string("north\tsite"), "en-GB"});
        for (const std::string& words : awkward_words) REQUIRE(walk.apply(intent::Answer{"what-matters", words}).ok);
        REQUIRE(walk.apply(intent::Answer{"leaning", "wait"}).ok);
        session = walk.session_id();
    }
    std::string verify(Progress* progress = nullptr) {
        Database db = Database::open(path, Database::Mode::read_only);
        const VerifyReport report = verify_record(db, *ChainKey::existing(path), receipts_path(path), progress);
        return report.problem ? report.problem->to_line() : "intact";
    }
    void exec(const std::string& sql) {
        Database db = Database::open(path);
        db.exec(sql);
    }
};

struct CountingProgress : Progress {
    std::uint64_t last_done = 0, last_total = 0;
    std::string what;
    void update(const std::string& stage, std::uint64_t done, std::uint64_t total) override {
        what = stage, last_done = done, last_total = total;
    }
};

}  // namespace

TEST_CASE("an event's link is checked from its stored row with the bytes bran hashed when it recorded it", "[verify]") {
    Recorded r;
    Database db = Database::open(r.path, Database::Mode::read_only);
    Statement rows = db.prepare(std::string("SELECT ") + event_columns + " FROM event ORDER BY n");
    std::string as_stored;
    int events = 0;
    while (rows.step()) {
        ++events;
        canonical_event_as_stored(rows, as_stored);
        CHECK(as_stored == canonical_event(read_event(rows)));
        CopiedEventRow copied;
        copied.copy(rows);
        std::string from_copy;
        canonical_event_as_stored(copied, from_copy);
        CHECK(from_copy == as_stored);
        CHECK(canonical_event(read_event_columns(copied)) == as_stored);
    }
    CHECK(events >= static_cast<int>(awkward_words.size()) + 2);
    CHECK(r.verify() == "intact");
}

TEST_CASE("text in a stored row is quoted as the JSON library quotes it, every ASCII byte and UTF-8 alike", "[verify]") {
    std::vector<std::string> texts = {"Ŵyr ac ŷd – “yn fuan”", "🙂", "", "\\\"\\"};
    for (int byte = 1; byte < 128; ++byte) texts.push_back("a" + std::string(1, static_cast<char>(byte)) + "z");
    for (const std::string& text : texts) {
        std::string quoted;
        append_json_string(quoted, text);
        CHECK(quoted == nlohmann::json(text).dump());
    }
}

TEST_CASE("a value stored in another JSON form that means the same is still what bran recorded", "[verify]") {
    Recorded r;
    // The session's facts event and an answer, their values written out again with space around.
    r.exec("UPDATE event SET new_value = ' ' || new_value || char(10) WHERE item IN ('session', 'leaning')");
    CHECK(r.verify() == "intact");
}

TEST_CASE("a changed answer is named, whichever way its row is read", "[verify]") {
    Recorded r;
    r.exec("UPDATE event SET new_value = '\"I said yes\"' WHERE item = 'what-matters' AND seq = (SELECT min(seq) FROM event WHERE item = 'what-matters')");
    const std::string found = r.verify();
    CHECK(found.find("session " + r.session + " event ") == 0);
    CHECK(found.find(": changed: this answer is not what bran recorded") != std::string::npos);
}

TEST_CASE("checking every session says how far it has got", "[verify]") {
    Recorded r;
    CountingProgress progress;
    CHECK(r.verify(&progress) == "intact");
    CHECK(progress.what == "checking sessions");
    CHECK(progress.last_total == 1);
    CHECK(progress.last_done == 1);
}
