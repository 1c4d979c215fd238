// `bran validate --quality`: the readability formula against hand-worked examples, one aid per quality
// rule that breaks it (tests/data/aids/quality/<rule>.json, each a copy of valid/minimal.json, with the
// exact lines --quality --strict prints beside it in <rule>.expected), and the bundled aids under --strict.
#include "engine/content/library.hpp"
#include "engine/content/quality/hyphen_syllables.hpp"
#include "engine/content/quality/quality_checks.hpp"
#include "engine/content/quality/readability.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

const bran::RuleContext context{"2026-11-23"};

const bran::HyphenSyllables& hyphen() {
    static const bran::HyphenSyllables patterns;
    return patterns;
}

bran::SyllableCounter syllables() {
    return [](std::string_view word) { return hyphen().count(word); };
}

fs::path quality_dir() { return fs::path(BRAN_TEST_DATA) / "aids" / "quality"; }

std::string read_text(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE(in);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::vector<std::string> lines_in(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

std::vector<std::string> shown_lines(const bran::QualityRun& run, const fs::path& folder) {
    const std::string prefix = folder.string() + "/";
    std::vector<std::string> lines;
    for (const bran::Diagnostic& d : run.shown.items()) {
        std::string line = d.to_line();
        if (line.rfind(prefix, 0) == 0) line.erase(0, prefix.size());
        lines.push_back(line);
    }
    return lines;
}

bran::QualityRun run_file(const fs::path& path, bool strict = true) {
    return bran::check_loaded_aid(bran::load_aid_file(path.string(), context), context, syllables(), strict);
}

}  // namespace

TEST_CASE("syllables come from the en-GB hyphenation patterns", "[quality]") {
    // Counted by hand, one break per spoken syllable.
    CHECK(hyphen().count("cat") == 1);
    CHECK(hyphen().count("tablet") == 2);     // tab-let
    CHECK(hyphen().count("morning") == 2);    // morn-ing
    CHECK(hyphen().count("upset") == 2);      // up-set
    CHECK(hyphen().count("stomach") == 2);    // stom-ach
    CHECK(hyphen().count("hundred") == 2);    // hun-dred
    CHECK(hyphen().count("Tablet") == 2);     // case does not matter
    CHECK(hyphen().count("don’t") == 1);      // apostrophes are dropped
    CHECK(hyphen().count("") == 0);
}

TEST_CASE("numbers are counted as they are read aloud", "[quality]") {
    CHECK(bran::number_in_words("100") == "one hundred");
    CHECK(bran::number_in_words("1,250") == "one thousand two hundred and fifty");
    CHECK(bran::number_in_words("1005") == "one thousand and five");
    CHECK(bran::number_in_words("1.9") == "one point nine");
    CHECK(bran::number_in_words("0") == "zero");
}

TEST_CASE("the Flesch–Kincaid reading age matches hand-worked examples", "[quality]") {
    SECTION("one short sentence of one-syllable words: the floor of 5") {
        // "The cat sat on the mat." 6 words, 1 sentence, 6 syllables (all one syllable).
        // grade = 0.39 × 6/1 + 11.8 × 6/6 − 15.59 = 2.34 + 11.8 − 15.59 = −1.45; age = max(5, 3.55) = 5.
        const auto counts = bran::count_text("The cat sat on the mat.", syllables());
        CHECK(counts.sentences == 1);
        CHECK(counts.words == 6);
        CHECK(counts.syllables == 6);
        CHECK(bran::flesch_kincaid_grade(counts) == Approx(-1.45));
        CHECK(bran::reading_age(counts) == Approx(5.0));
    }
    SECTION("two sentences") {
        // "You take a tablet each morning. It may upset your stomach."
        // You 1, take 1, a 1, tab-let 2, each 1, morn-ing 2 | It 1, may 1, up-set 2, your 1, stom-ach 2:
        // 11 words, 2 sentences, 15 syllables.
        // grade = 0.39 × 11/2 + 11.8 × 15/11 − 15.59 = 2.145 + 16.0909 − 15.59 = 2.6459; age 7.6459.
        const auto counts = bran::count_text("You take a tablet each morning. It may upset your stomach.", syllables());
        CHECK(counts.sentences == 2);
        CHECK(counts.words == 11);
        CHECK(counts.syllables == 15);
        CHECK(bran::flesch_kincaid_grade(counts) == Approx(2.6459).epsilon(0.0001));
        CHECK(bran::reading_age(counts) == Approx(7.6459).epsilon(0.0001));
    }
    SECTION("a number is one word with the syllables of its spoken form") {
        // "Take 100 tablets." Take 1, 100 = one 1 + hun-dred 2 = 3, tab-lets 2: 3 words, 1 sentence, 6 syllables.
        // grade = 0.39 × 3 + 11.8 × 6/3 − 15.59 = 1.17 + 23.6 − 15.59 = 9.18; age 14.18.
        const auto counts = bran::count_text("Take 100 tablets.", syllables());
        CHECK(counts.words == 3);
        CHECK(counts.syllables == 6);
        CHECK(bran::reading_age(counts) == Approx(14.18));
    }
    SECTION("abbreviations and decimals do not end a sentence; a label without a full stop is one") {
        CHECK(bran::count_text("Ask about painkillers, e.g. paracetamol. Then rest.", syllables()).sentences == 2);
        CHECK(bran::count_text("About 1.9 in 100 people", syllables()).sentences == 1);
        CHECK(bran::count_text("Take a blood thinner", syllables()).sentences == 1);
        CHECK(bran::count_text("side-effects", syllables()).words == 1);
        CHECK(bran::count_text("", syllables()).words == 0);
    }
}

TEST_CASE("each quality rule has an aid that breaks it, with the exact lines", "[quality]") {
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(quality_dir())) {
        if (entry.path().extension() == ".json") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    REQUIRE(files.size() >= 10);
    for (const fs::path& file : files) {
        INFO(file.filename().string());
        const fs::path expected = fs::path(file).replace_extension(".expected");
        REQUIRE(fs::exists(expected));
        const auto run = run_file(file);
        CHECK(shown_lines(run, quality_dir()) == lines_in(read_text(expected)));
        // Only the clean aid and the one whose warning is explained pass --strict.
        const std::string name = file.stem().string();
        CHECK(run.passes == (name == "clean" || name == "explained"));
    }
}

TEST_CASE("without --strict, quality warnings are warnings and the aid passes", "[quality]") {
    const auto run = run_file(quality_dir() / "reading-age.json", false);
    CHECK(run.passes);
    REQUIRE(run.report);
    REQUIRE(run.report->findings.size() == 1);
    CHECK(run.shown.items().front().severity == bran::Severity::warning);
    CHECK(run.shown.items().front().to_line().find("/options/0/benefits/en-GB: warning: reading age 41.4") !=
          std::string::npos);
}

TEST_CASE("a whole aid above the target reading age warns once at its root", "[quality]") {
    // Five syllables for every word: every text is above target, and so is the aid.
    const bran::SyllableCounter heavy = [](std::string_view) { return 5; };
    const auto loaded = bran::load_aid_file((quality_dir() / "clean.json").string(), context);
    const auto run = bran::check_loaded_aid(loaded, context, heavy, true);
    REQUIRE(run.report);
    const auto& findings = run.report->findings;
    CHECK(std::count_if(findings.begin(), findings.end(), [](const bran::QualityFinding& f) {
              return f.check == "reading-age-overall" && f.where.pointer.empty();
          }) == 1);
    CHECK(std::count_if(findings.begin(), findings.end(), [](const bran::QualityFinding& f) {
              return f.check == "reading-age";
          }) == static_cast<long>(run.report->texts.size()));
    CHECK_FALSE(run.passes);
}

TEST_CASE("the report names every IPDAS qualifying and certification item once", "[quality]") {
    const auto run = run_file(quality_dir() / "clean.json");
    REQUIRE(run.report);
    const auto lines = run.report->summary_lines();
    REQUIRE(lines.size() == 2 + 16);
    CHECK(lines[0].rfind("reading age 5.5 overall (Flesch–Kincaid grade 0.5 + 5; target 11.0): 36 en-GB texts", 0) == 0);
    CHECK(lines[1] == "translations: en-GB 36 of 36 texts (100%), cy 36 of 36 texts (100%)");
    CHECK(lines[2] == "IPDAS 1.1.1 (qualifying) describes the health condition or problem: demonstrated: /condition, "
                      "for the people described in /audience");
    CHECK(lines[9].rfind("IPDAS 2.2.1 (certification) provides citations to the evidence selected: demonstrated: "
                          "every one of 8 numbers names a source and a locator",
                          0) == 0);
    CHECK(lines[12] == "IPDAS 2.2.4 (certification) provides information about the levels of uncertainty around event "
                       "or outcome probabilities: cannot tell from the file: the format has no field for ranges or "
                       "confidence intervals around the numbers; what the texts say about uncertainty needs a reader");
    const auto balance = run_file(quality_dir() / "balance.json");
    REQUIRE(balance.report);
    CHECK(balance.report->summary_lines()[8].find("equal detail: not demonstrated: /options/0/risks/en-GB") !=
          std::string::npos);
    const auto overdue = run_file(quality_dir() / "review-overdue.json");
    REQUIRE(overdue.report);
    CHECK(overdue.report->summary_lines()[11] ==
          "IPDAS 2.2.3 (certification) provides an update policy: not demonstrated: /review/next_review_due: the "
          "review was due on 2026-06-01");
}

TEST_CASE("the bundled aids pass --quality --strict", "[quality]") {
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(BRAN_SOURCE_CONTENT_DIR)) {
        if (entry.path().extension() == ".json") files.push_back(entry.path());
    }
    REQUIRE(files.size() == 5);
    for (const fs::path& file : files) {
        const auto run = run_file(file);
        std::string shown;
        for (const auto& d : run.shown.items()) shown += d.to_line() + '\n';
        INFO(shown);
        CHECK(run.passes);
        REQUIRE(run.report);
        CHECK(run.report->overall_reading_age() <= bran::target_reading_age);
    }
}
