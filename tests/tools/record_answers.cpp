// bran_record_answers DB_PATH COUNT: a child for the crash and disk tests. It opens (or creates)
// the database as the app does, starts one session of the small test aid and records COUNT
// answers, each one a real write (the values alternate). After every answer the engine
// confirmed, it prints
//     confirmed <session_id> <seq> <item> <json value>
// and flushes: from then on the answer counts as shown to the patient as given, so it must be in
// the database whatever happens to this process afterwards.
//
// Exit status: 0 all recorded; 2 usage; 3 a write was refused (the failed apply's error, or the
// session could not be started, on stderr as "failed ..."); 4 the database or the aid cannot be
// used at all (on stderr as "cannot open ...").
#include "engine/content/library.hpp"
#include "engine/session/walkthrough.hpp"
#include "engine/store/chain_key.hpp"
#include "engine/store/database.hpp"
#include "engine/store/session_store.hpp"
#include "engine/store/store_error.hpp"

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <iostream>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#ifndef BRAN_TOOLS_DIR
#error "BRAN_TOOLS_DIR must name tests/tools"
#endif

namespace {

// The i-th answer. Items take turns; each item's value changes every time it comes round, so
// every answer differs from the one it replaces and is recorded as an event.
std::pair<std::string, nlohmann::json> nth_answer(long i) {
    static const std::vector<std::string> leanings = {"surgery", "tablets", "wait", "unsure"};
    const long round = i / 3;
    switch (i % 3) {
        case 0: return {"value.relief", static_cast<int>(round % 5)};
        case 1: return {"knowledge.q1", round % 2 == 0 ? "a" : "b"};
        default: return {"leaning", leanings[static_cast<std::size_t>(round % 4)]};
    }
}

int usage() {
    std::cerr << "usage: bran_record_answers DB_PATH COUNT\n";
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 3) return usage();
    const std::string path = argv[1];
    char* end = nullptr;
    const long count = std::strtol(argv[2], &end, 10);
    if (!end || *end != '\0' || count < 0) return usage();

    // BRAN_SMALL_AID: a copy of the aid that another user can read, for a test that runs this as
    // `nobody` from a clone in a private (0700) home folder.
    const char* aid_copy = std::getenv("BRAN_SMALL_AID");
    const std::string aid_path = aid_copy && *aid_copy ? aid_copy : std::string(BRAN_TOOLS_DIR) + "/small_aid.json";
    const bran::LoadedAid loaded = bran::load_aid_file(aid_path, bran::RuleContext{"2026-11-23"});
    if (!loaded.aid) {
        for (const auto& d : loaded.diagnostics.items()) std::cerr << d.to_line() << '\n';
        std::cerr << "cannot open the test aid\n";
        return 4;
    }
    const bran::Aid& aid = *loaded.aid;

    std::optional<bran::Database> db;
    std::optional<bran::SessionStore> store;
    try {
        db.emplace(bran::Database::open(path));
        store.emplace(*db, bran::ChainKey::for_database(path));
    } catch (const std::exception& e) {
        std::cerr << "cannot open: " << e.what() << '\n';
        return 4;
    }

    std::optional<bran::Walkthrough> walk;
    try {
        walk.emplace(bran::Walkthrough::start(aid, *store, bran::Setting::clinic, bran::SessionMeta{}));
    } catch (const bran::StoreError& e) {
        // Walkthrough::start reports a refused write by throwing, not with an ApplyResult.
        const char* kind = e.is_disk_full() ? "disk-full" : e.is_read_only() ? "read-only" : "store";
        std::cerr << "failed to start a session (" << kind << "): " << e.what() << '\n';
        return 3;
    } catch (const std::exception& e) {
        std::cerr << "failed to start a session: " << e.what() << '\n';
        return 3;
    }

    for (long i = 0; i < count; ++i) {
        auto [item, value] = nth_answer(i);
        bran::ApplyResult result;
        try {
            result = walk->apply(bran::intent::Answer{item, value});
        } catch (const std::exception& e) {
            // apply promises an ApplyResult; an exception escaping it is an engine bug.
            std::cerr << "failed (exception escaped apply): " << e.what() << '\n';
            return 5;
        }
        if (!result.ok) {
            std::cerr << "failed " << result.error << '\n';
            return 3;
        }
        // Every answer in this session is one event after the session's facts, so the i-th has seq i + 2.
        std::printf("confirmed %s %ld %s %s\n", walk->session_id().c_str(), i + 2, item.c_str(), value.dump().c_str());
        std::fflush(stdout);
    }
    return 0;
}
