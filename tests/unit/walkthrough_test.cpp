#include "engine/session/walkthrough.hpp"
#include "engine/store/event_replay.hpp"
#include "engine/store/schema.hpp"
#include "engine/store/store_error.hpp"
#include "test_aid.hpp"

#include <filesystem>

using namespace bran;
using bran::test::small_aid;

namespace {
struct Fixture {
    Database db = Database::open(":memory:");
    SessionStore store{db, ChainKey::random()};
    int tick = 0;
    Walkthrough::Clock clock = [this] {
        const int second = tick++;
        return "2026-11-23T10:00:" + std::string(second < 10 ? "0" : "") + std::to_string(second) + ".000+00:00";
    };
};
}  // namespace

TEST_CASE("a session walks every step in order, one option per BRAN page", "[session]") {
    Fixture f;
    Walkthrough w = Walkthrough::start(small_aid(), f.store, Setting::clinic, {}, f.clock);
    std::vector<std::string> seen;
    for (int i = 0; i < 20 && !w.is_last_step(); ++i) {
        seen.push_back(std::string(step_name(w.step())) + (w.page_count() > 1 ? std::to_string(w.page()) : ""));
        w.apply(intent::Next{});
    }
    seen.push_back(step_name(w.step()));
    // The small aid: 3 options, risk questions and 1 outcome, 3 criteria, 3 questions, 4 SURE items.
    CHECK(seen == std::vector<std::string>{"what-matters", "options", "bran0", "bran1", "bran2", "outcomes0", "outcomes1",
                                           "values0", "values1", "values2", "knowledge0", "knowledge1", "knowledge2",
                                           "sure0", "sure1", "sure2", "sure3", "leaning", "questions", "summary", "decision"});
    w.apply(intent::Back{});
    w.apply(intent::GoTo{Step::bran, 0});
    w.apply(intent::Back{});
    CHECK(w.step() == Step::options);
    w.apply(intent::GoTo{Step::values, 0});
    w.apply(intent::Back{});
    CHECK(w.step() == Step::outcomes);
    CHECK(w.page() == 1);  // Back lands on the last page of the step before
    CHECK(w.current_outcome() == &small_aid().outcomes[0]);
    w.apply(intent::Back{});
    CHECK(w.is_risk_page());
    w.apply(intent::Back{});
    CHECK(w.step() == Step::bran);
    CHECK(w.page() == 2);
    w.apply(intent::GoTo{Step::options});
    w.apply(intent::Back{});
    w.apply(intent::Back{});
    CHECK(w.step() == Step::what_matters);  // Back on the first step stays there
    CHECK(w.status() == "completed");       // the summary was reached
}

TEST_CASE("every answer is recorded as an event with old and new value", "[session]") {
    Fixture f;
    Walkthrough w = Walkthrough::start(small_aid(), f.store, Setting::home, {std::string("P-1"), std::nullopt, std::nullopt, "en-GB"}, f.clock);
    REQUIRE(w.apply(intent::Answer{"value.relief", 3}).ok);
    REQUIRE(w.apply(intent::Answer{"value.relief", 1}).ok);
    REQUIRE(w.apply(intent::Answer{"value.relief", 1}).ok);  // unchanged: no event
    REQUIRE(w.apply(intent::Answer{"leaning", "tablets"}).ok);
    REQUIRE(w.apply(intent::Answer{"leaning", nullptr}).ok);  // cleared
    auto events = f.store.events(w.session_id());
    // First, the session's facts, in the chain like any answer.
    REQUIRE(events.size() == 5);
    CHECK(events[0].item == "session");
    CHECK(events[0].seq == 1);
    CHECK(events[0].new_value["aid"] == "small");
    CHECK(events[0].new_value["pseudonym"] == "P-1");
    CHECK(events[0].new_value["started_at"] == f.store.find(w.session_id())->started_at);
    events.erase(events.begin());
    CHECK(events[0].item == "value.relief");
    CHECK(events[0].old_value.is_null());
    CHECK(events[0].new_value == 3);
    CHECK(events[1].old_value == 3);
    CHECK(events[1].new_value == 1);
    CHECK(events[2].new_value == "tablets");
    CHECK(events[3].old_value == "tablets");
    CHECK(events[3].new_value.is_null());
    CHECK(events[0].setting == "home");
    CHECK(events[0].seq == 2);
    CHECK(events[3].seq == 5);
    CHECK(f.store.find(w.session_id())->meta.pseudonym == std::optional<std::string>("P-1"));
}

TEST_CASE("answers that do not fit the aid are refused and not recorded", "[session]") {
    Fixture f;
    Walkthrough w = Walkthrough::start(small_aid(), f.store, Setting::clinic, {}, f.clock);
    CHECK_FALSE(w.apply(intent::Answer{"value.relief", 5}).ok);
    CHECK_FALSE(w.apply(intent::Answer{"value.nonsense", 1}).ok);
    CHECK_FALSE(w.apply(intent::Answer{"knowledge.q1", "z"}).ok);
    CHECK_FALSE(w.apply(intent::Answer{"leaning", "defer"}).ok);  // defer is for the decision only
    CHECK(w.apply(intent::Answer{"decision", "defer"}).ok);
    CHECK_FALSE(w.apply(intent::Answer{"sure.sure", "yes"}).ok);
    CHECK_FALSE(w.apply(intent::Answer{"risk.age", "ancient"}).ok);
    CHECK(f.store.events(w.session_id()).size() == 2);  // the session's facts and the decision
}

TEST_CASE("state rebuilt from events equals the live state, and resume continues it", "[session]") {
    Fixture f;
    Walkthrough w = Walkthrough::start(small_aid(), f.store, Setting::kiosk, {}, f.clock);
    w.apply(intent::Answer{"what-matters", "I do not want to be off work"});
    w.apply(intent::Answer{"risk.age", "old"});
    w.apply(intent::Answer{"value.avoid-op", 4});
    w.apply(intent::Answer{"value.relief", 2});
    w.apply(intent::Answer{"value.avoid-op", 3});
    w.apply(intent::Answer{"knowledge.q1", "a"});
    w.apply(intent::Answer{"sure.sure", true});
    w.apply(intent::Answer{"sure.understand", false});
    w.apply(intent::Answer{"leaning", "wait"});
    w.apply(intent::GoTo{Step::leaning});
    Answers rebuilt;
    std::string status = "in-progress";
    replay_events(f.store.events(w.session_id()), rebuilt, status);
    CHECK(rebuilt == w.answers());
    CHECK(rebuilt.values.at("avoid-op") == 3);

    Walkthrough resumed = Walkthrough::resume(small_aid(), f.store, w.session_id(), Setting::clinic, f.clock);
    CHECK(resumed.answers() == w.answers());
    CHECK(resumed.step() == Step::leaning);
    resumed.apply(intent::Answer{"decision", "tablets"});
    CHECK(f.store.events(w.session_id()).back().setting == "clinic");
}

TEST_CASE("the session row keeps the audit facts of its latest answers", "[session]") {
    Fixture f;
    Walkthrough w = Walkthrough::start(small_aid(), f.store, Setting::clinic, {}, f.clock);
    w.apply(intent::Answer{"value.avoid-op", 4});
    w.apply(intent::Answer{"leaning", "wait"});
    w.apply(intent::Answer{"knowledge.q1", "a"});
    w.apply(intent::Answer{"knowledge.q2", "b"});
    Statement s = f.db.prepare("SELECT choice, concordance, knowledge_correct, knowledge_adequate, informed_choice, sure_score, status FROM session");
    REQUIRE(s.step());
    CHECK(s.text(0) == "wait");
    CHECK(s.integer(1) == 1);
    CHECK(s.integer(2) == 2);
    CHECK(s.integer(3) == 1);
    CHECK(s.integer(4) == 1);
    CHECK(s.is_null(5));
    CHECK(s.text(6) == "in-progress");
}

TEST_CASE("abandoning closes an unfinished session but never a completed one", "[session]") {
    Fixture f;
    Walkthrough w = Walkthrough::start(small_aid(), f.store, Setting::kiosk, {}, f.clock);
    w.apply(intent::Answer{"value.relief", 2});
    w.apply(intent::Abandon{});
    CHECK(f.store.find(w.session_id())->status == "abandoned");
    Walkthrough done = Walkthrough::start(small_aid(), f.store, Setting::kiosk, {}, f.clock);
    done.apply(intent::GoTo{Step::summary});
    done.apply(intent::Abandon{});
    CHECK(f.store.find(done.session_id())->status == "completed");
}

TEST_CASE("personalised numbers come from the band of the patient's score", "[session]") {
    Fixture f;
    Walkthrough w = Walkthrough::start(small_aid(), f.store, Setting::clinic, {}, f.clock);
    const Outcome& harm = small_aid().outcomes[0];
    auto shown = numbers_for(small_aid(), harm, w.scores());
    CHECK_FALSE(shown.personalised);
    CHECK(shown.numbers->at("wait").count == 30);
    w.apply(intent::Answer{"risk.age", "old"});
    CHECK_FALSE(numbers_for(small_aid(), harm, w.scores()).personalised);  // smoker still unanswered
    w.apply(intent::Answer{"risk.smoker", "no"});
    shown = numbers_for(small_aid(), harm, w.scores());
    CHECK(shown.personalised);
    CHECK(shown.score == 1);
    CHECK(shown.numbers->at("wait").count == 7);
    w.apply(intent::Answer{"risk.smoker", "yes"});
    shown = numbers_for(small_aid(), harm, w.scores());
    CHECK(shown.score == 3);
    CHECK(shown.numbers->at("surgery").count == 50);
}
