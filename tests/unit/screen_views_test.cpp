// What the patient sees in the views of issue 15: the summary with their own numbers and what they
// were worked out from, "people like you" only where the numbers are theirs, arrays of 100 where
// the numbers allow, and the aid named on every page.
#include "engine/content/library.hpp"
#include "engine/store/chain_key.hpp"
#include "engine/store/database.hpp"
#include "engine/view/outcome_figure.hpp"
#include "engine/view/step_view.hpp"
#include "engine/view/summary_view.hpp"

#include "bundled_words.hpp"
#include <catch2/catch.hpp>

#include <algorithm>

using namespace bran;

namespace {

const Aid& aid(const std::string& id) {
    static std::map<std::string, LoadedAid> loaded;
    auto it = loaded.find(id);
    if (it == loaded.end()) it = loaded.emplace(id, load_aid_file(BRAN_SOURCE_CONTENT_DIR "/" + id + ".json", RuleContext{})).first;
    REQUIRE(it->second.aid);
    return *it->second.aid;
}


std::vector<std::string> texts(const ScreenView& view) {
    std::vector<std::string> out;
    for (const Block& b : view.blocks) {
        if (const auto* w = std::get_if<WordsBlock>(&b)) out.push_back(w->text);
    }
    return out;
}

bool has(const std::vector<std::string>& lines, const std::string& line) {
    return std::find(lines.begin(), lines.end(), line) != lines.end();
}

std::vector<const FigureBlock*> figures(const ScreenView& view) {
    std::vector<const FigureBlock*> out;
    for (const Block& b : view.blocks) {
        if (const auto* f = std::get_if<FigureBlock>(&b)) out.push_back(f);
    }
    return out;
}

}  // namespace

TEST_CASE("the summary on screen shows the patient's own numbers and the scores they came from", "[view]") {
    Answers a;
    a.risk_inputs = {{"age", "75-or-over"}, {"sex", "female"}, {"heart-failure", "no"}, {"blood-pressure", "yes-controlled"},
                     {"diabetes", "no"}, {"stroke-history", "no"}, {"vascular-disease", "no"}, {"kidney", "no"},
                     {"liver", "no"}, {"bleeding-history", "no"}, {"inr", "not-on-warfarin"}, {"bleeding-medicines", "no"},
                     {"alcohol", "no"}};
    a.values = {{"avoid-stroke", 4}, {"avoid-bleeding", 3}};
    const Catalog en = bran::test::bundled_words();
    const ScreenView view = summary_view({aid("af-anticoagulation"), a, en}, SummaryFor::screen);
    const auto lines = texts(view);
    CHECK(has(lines, "The numbers behind this"));
    CHECK(has(lines, "Your answers give: Stroke risk score (CHA2DS2-VASc) 4 and Bleeding risk score (HAS-BLED) 1."));
    const auto pictures = figures(view);
    REQUIRE(pictures.size() == 2);  // the stroke and the bleeding the verdict weighed
    CHECK(pictures[0]->columns[0].sentence == "17 out of 1,000 people like you");
    CHECK(pictures[0]->columns[1].sentence == "48 out of 1,000 people like you");
    CHECK(pictures[0]->columns[0].count == 17);
    // The verdict first, then the numbers it weighed.
    const auto at = [&](const std::vector<std::string>& l, const std::string& s) { return std::find(l.begin(), l.end(), s) - l.begin(); };
    CHECK(at(lines, "Which options fit what you said") < at(lines, "The numbers behind this"));
}

TEST_CASE("numbers are for people like you only when they are the patient's own", "[view]") {
    const Catalog en = bran::test::bundled_words();
    // An aid that works out no personal numbers: people in general, and whom to ask.
    const Aid& psa = aid("psa-testing");
    const OutcomeNumbers general = numbers_for(psa, psa.outcomes[0], {});
    CHECK(outcome_figure(psa, general, en).columns[0].sentence == "5 out of 1,000 people will die from prostate cancer in the next 13 years.");
    const auto summary = texts(summary_view({psa, Answers{}, en}, SummaryFor::screen));
    CHECK(has(summary, "These numbers are for people in general. This aid cannot work out your own numbers. Ask your clinician if "
                       "your chances may be higher or lower."));
    // An aid that can, before the questions about the patient: people in general, and how to get their own.
    const Aid& af_aid = aid("af-anticoagulation");
    const OutcomeNumbers before = numbers_for(af_aid, af_aid.outcomes[0], {});
    CHECK_FALSE(before.personalised);
    CHECK(outcome_figure(af_aid, before, en).columns[0].sentence.find("like you") == std::string::npos);
}

TEST_CASE("an outcome out of 1,000 is pictured out of 100 where every count is whole out of 100", "[view]") {
    const Catalog en = bran::test::bundled_words();
    Aid changed = aid("psa-testing");
    Outcome& death = changed.outcomes[0];
    REQUIRE(death.denominator == 1000);
    std::map<std::string, Number> whole = death.numbers;
    whole.at("psa-test").count = 50;
    whole.at("no-test").count = 120;
    OutcomeNumbers shown{&death, &whole, false, std::nullopt};
    const FigureBlock per_100 = outcome_figure(changed, shown, en);
    CHECK(per_100.denominator == 100);
    CHECK(per_100.columns[0].count == 5);
    CHECK(per_100.columns[1].sentence == "12 out of 100 people will die from prostate cancer in the next 13 years.");
    // 5 in 1,000 and 6 in 1,000 are not whole out of 100: the difference would be rounded away.
    const FigureBlock per_1000 = outcome_figure(changed, numbers_for(changed, death, {}), en);
    CHECK(per_1000.denominator == 1000);
    CHECK(per_1000.columns[0].count == 5);
}

TEST_CASE("every page of a walk-through names its aid and the step", "[view]") {
    Database db = Database::open(":memory:");
    SessionStore store(db, ChainKey::random());
    const Catalog cy = bran::test::bundled_words("cy");
    Walkthrough walk = Walkthrough::start(aid("psa-testing"), store, Setting::home, SessionMeta{});
    for (const Step step : all_steps()) {
        REQUIRE(walk.apply(intent::GoTo{step, 0}).ok);
        const ScreenView view = step_view(walk, cy);
        REQUIRE(view.place.size() == 2);
        CHECK(view.place[0] == localized(aid("psa-testing").title, "cy"));
        CHECK(view.place[1].find(std::to_string(step_index(step) + 1)) != std::string::npos);
    }
}
