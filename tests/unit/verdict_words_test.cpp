// The verdict in words (docs/value-concordance.md, "What the patient sees"): what the values
// question shows, what the summary says points each way, and what an auditor sees of a verdict.
#include "engine/content/library.hpp"
#include "engine/view/summary_words.hpp"

#include "bundled_words.hpp"
#include <catch2/catch.hpp>

#include <algorithm>

using namespace bran;

namespace {

const Aid& af() {
    static const LoadedAid loaded = load_aid_file(BRAN_SOURCE_CONTENT_DIR "/af-anticoagulation.json", RuleContext{});
    REQUIRE(loaded.aid);
    return *loaded.aid;
}


// The woman of issue 13: 75, female, high blood pressure (CHA2DS2-VASc 4, HAS-BLED 1).
Answers woman_of_75() {
    Answers a;
    a.risk_inputs = {{"age", "75-or-over"}, {"sex", "female"}, {"heart-failure", "no"}, {"blood-pressure", "yes-controlled"},
                     {"diabetes", "no"}, {"stroke-history", "no"}, {"vascular-disease", "no"}, {"kidney", "no"},
                     {"liver", "no"}, {"bleeding-history", "no"}, {"inr", "not-on-warfarin"}, {"bleeding-medicines", "no"},
                     {"alcohol", "no"}};
    a.values = {{"avoid-stroke", 4}, {"avoid-bleeding", 3}, {"no-daily-tablet", 2}, {"fewer-checks", 1}, {"everyday-life", 1}};
    return a;
}

bool has(const std::vector<std::string>& lines, const std::string& line) {
    return std::find(lines.begin(), lines.end(), line) != lines.end();
}

}  // namespace

TEST_CASE("the woman of issue 13 answers the questions about herself and gets her own numbers", "[values]") {
    const auto scores = compute_scores(af(), woman_of_75());
    REQUIRE(scores.at("cha2ds2-vasc").value == std::optional<int>(4));
    REQUIRE(scores.at("has-bled").value == std::optional<int>(1));
}

TEST_CASE("the values question shows what the options change, in the patient's own numbers", "[values]") {
    const Answers a = woman_of_75();
    const Criterion& stroke = *af().find_criterion("avoid-stroke");
    const auto lines = criterion_number_sentences(af(), numbers_for(af(), *af().find_outcome(stroke.outcome), compute_scores(af(), a)), bran::test::bundled_words());
    CHECK(lines == std::vector<std::string>{
                       "With “Take a blood thinner (anticoagulant)”: 17 out of 1,000 people like you will have a stroke caused by a blood clot in the next year.",
                       "With “Do not take a blood thinner”: 48 out of 1,000 people like you will have a stroke caused by a blood clot in the next year.",
                       "With “Take a blood thinner (anticoagulant)”, 31 fewer out of 1,000 people like you will have a stroke caused by a blood clot in the next year."});
    const Criterion& bleed = *af().find_criterion("avoid-bleeding");
    const auto bleeds = criterion_number_sentences(af(), numbers_for(af(), *af().find_outcome(bleed.outcome), compute_scores(af(), a)), bran::test::bundled_words());
    CHECK(bleeds.back() == "With “Take a blood thinner (anticoagulant)”, 5 more out of 1,000 people like you will have a serious bleed in the next year.");
    // Before the questions about her are answered: the general numbers, for "people in general".
    const auto general = criterion_number_sentences(af(), numbers_for(af(), *af().find_outcome(stroke.outcome), {}), bran::test::bundled_words());
    CHECK(general.back() == "With “Take a blood thinner (anticoagulant)”, 14 fewer out of 1,000 people in general will have a stroke caused by a blood clot in the next year.");
}

TEST_CASE("the summary names what points each way, with her numbers, and says the choice is hers", "[values]") {
    Answers a = woman_of_75();
    a.leaning = "anticoagulant";
    const auto lines = fit_sentences(af(), a, bran::test::bundled_words());
    CHECK(lines == std::vector<std::string>{
        "From what you told us, “Take a blood thinner (anticoagulant)” fits best with what matters to you.",
        "What points to “Take a blood thinner (anticoagulant)”:",
        "•  “Lowering my chance of a stroke”: you said “Very much”. With “Take a blood thinner (anticoagulant)”, 31 fewer out of 1,000 people like you will have a stroke caused by a blood clot in the next year.",
        "What points away from “Take a blood thinner (anticoagulant)”:",
        "•  “Not taking a tablet every day”: you said “Somewhat”.",
        "•  “Not having a serious bleed”: you said “A lot”. With “Take a blood thinner (anticoagulant)”, 5 more out of 1,000 people like you will have a serious bleed in the next year.",
        "•  “Fewer blood tests and check-ups”: you said “A little”.",
        "•  “Not having to plan around a medicine”: you said “A little”.",
        "This is what your answers point to. It is not what you should do: the choice is yours. You can talk it over with your clinician."});
}

TEST_CASE("options that fit about equally are both named, with what points to each", "[values]") {
    Answers a;
    a.values = {{"avoid-stroke", 2}, {"avoid-bleeding", 2}};  // general numbers: 14 fewer strokes, 9 more bleeds
    a.leaning = "no-anticoagulant";
    const auto lines = fit_sentences(af(), a, bran::test::bundled_words());
    REQUIRE(lines.size() >= 5);
    CHECK(lines[0] == "From what you told us, “Take a blood thinner (anticoagulant)” and “Do not take a blood thinner” fit about equally well with what matters to you.");
    CHECK(has(lines, "What points to “Take a blood thinner (anticoagulant)”:"));
    CHECK(has(lines, "What points to “Do not take a blood thinner”:"));
    CHECK(has(lines, "•  “Not having a serious bleed”: you said “Somewhat”. With “Take a blood thinner (anticoagulant)”, 9 more out of 1,000 people in general will have a serious bleed in the next year."));
    // Nothing here says the leaning goes against what matters: there is no clear fit.
    for (const std::string& line : lines) CHECK(line.find("leaning towards") == std::string::npos);
}

TEST_CASE("the Welsh summary says the same, in Welsh", "[values]") {
    Answers a = woman_of_75();
    const auto lines = fit_sentences(af(), a, bran::test::bundled_words("cy"));
    REQUIRE(lines.size() == 9);
    CHECK(lines[1].rfind("Beth sy’n pwyntio at “", 0) == 0);
    CHECK(lines[2].find("bydd 31 yn llai o bob 1,000 o bobl fel chi yn") != std::string::npos);
    CHECK(lines.back().rfind("Dyma beth mae’ch atebion yn pwyntio ato.", 0) == 0);
}

TEST_CASE("an auditor sees the ratings and numbers a verdict came from", "[values]") {
    const auto lines = verdict_basis(af(), woman_of_75(), bran::test::bundled_words());
    CHECK(lines == std::vector<std::string>{
        "Their answers fit “Take a blood thinner (anticoagulant)” best.",
        "Lowering my chance of a stroke: Very much. “Take a blood thinner (anticoagulant)” 17 and “Do not take a blood thinner” 48 out of 1,000, their own numbers.",
        "Not having a serious bleed: A lot. “Take a blood thinner (anticoagulant)” 10 and “Do not take a blood thinner” 5 out of 1,000, their own numbers.",
        "Not taking a tablet every day: Somewhat.",
        "Fewer blood tests and check-ups: A little.",
        "Not having to plan around a medicine: A little."});
}
