#include "engine/shell/app_model.hpp"
#include "engine/view/summary_words.hpp"
#include "engine/shell/current_view.hpp"
#include "engine/speech/screen_text.hpp"
#include "engine/speech/speaker.hpp"
#include "command_output.hpp"

#include "bundled_words.hpp"
#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <thread>
#include <atomic>
#include <optional>
#include <sstream>
#include <sys/resource.h>
#include <unistd.h>
#include <vector>

using namespace bran;

namespace {


// The bundled aids in a window-less app, over a database in memory.
struct Fixture {
    Library library = Library::load({BRAN_SOURCE_CONTENT_DIR}, RuleContext{});
    Database db = Database::open(":memory:");
    SessionStore store{db, ChainKey::random()};
    AppModel model{library, db, store, AppOptions{}};

    // Opens the PSA aid in a locale and goes to a step.
    void open_psa(const std::string& locale, Step step, int page = 0) {
        model.set_locale(locale);
        model.choose_aid("psa-testing");
        REQUIRE(model.walkthrough());
        REQUIRE(model.walk(intent::GoTo{step, page}).ok);
    }
};

bool has_line(const std::string& text, const std::string& line) {
    return ("\n" + text + "\n").find("\n" + line + "\n") != std::string::npos;
}

std::size_t word_count(const std::string& text) {
    std::size_t words = 0;
    bool in_word = false;
    for (char c : text) {
        const bool space = c == ' ' || c == '\n';
        if (!space && !in_word) ++words;
        in_word = !space;
    }
    return words;
}

double rms(const std::vector<short>& samples) {
    double sum = 0;
    for (short s : samples) sum += static_cast<double>(s) * s;
    return samples.empty() ? 0 : std::sqrt(sum / static_cast<double>(samples.size()));
}

// `sox FILE -n stat` prints "Length (seconds):    2.345678" on stderr; nullopt without sox.
std::optional<double> sox_length(const std::string& path) {
    if (std::system("command -v sox >/dev/null 2>&1") != 0) return std::nullopt;
    const auto out = bran::test::command_output("sox '" + path + "' -n stat 2>&1");
    if (!out) return std::nullopt;
    const std::string key = "Length (seconds):";
    if (const auto at = out->find(key); at != std::string::npos) return std::stod(out->substr(at + key.size()));
    return std::nullopt;
}

using Clock = std::chrono::steady_clock;
double ms_since(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

}  // namespace

TEST_CASE("speakable text drops decorative symbols and closes each item with a full stop", "[speech]") {
    CHECK(speakable("✓    1   Not at all") == "1 Not at all.");
    CHECK(speakable("←  Back") == "Back.");
    CHECK(speakable("Doing nothing for now is one of your options: “Don’t have a PSA test now”.") ==
          "Doing nothing for now is one of your options: Don’t have a PSA test now.");
    CHECK(speakable("•  Avoiding false alarms: A lot") == "Avoiding false alarms: A lot.");
    CHECK(speakable("Are you still there?") == "Are you still there?");
    CHECK(speakable("  \n ✓ ") == "");
}

TEST_CASE("the home screen reads its heading and each aid with its number key", "[speech]") {
    Fixture f;
    const Catalog en = bran::test::bundled_words("en-GB");
    const std::string text = screen_text(f.model, en);
    CHECK(text.rfind("Choose a decision aid.\n", 0) == 0);
    CHECK(has_line(text, "There are " + std::to_string(f.library.aids().size()) + " decision aids."));
    CHECK(has_line(text, "Prostate cancer: should I have a PSA blood test?"));
    CHECK(has_line(text, "1: Start."));
}

TEST_CASE("a values page reads the criterion and each choice with its number", "[speech]") {
    Fixture f;
    f.open_psa("en-GB", Step::values, 0);
    const Catalog en = bran::test::bundled_words("en-GB");
    const std::string text = screen_text(f.model, en);
    CHECK(text.rfind("Question 1 of 6.\nFinding cancer early.\n", 0) == 0);
    CHECK(text.find("1: Not at all.\n2: A little.\n3: Somewhat.\n4: A lot.\n5: Very much.\n") != std::string::npos);
    CHECK(has_line(text, "Step 5 of 11: What matters to you (1 of 6)."));

    f.model.set_locale("cy");
    const Catalog cy = bran::test::bundled_words("cy");
    const std::string welsh = screen_text(f.model, cy);
    CHECK(welsh.rfind("Cwestiwn 1 o 6.\nCanfod canser yn gynnar.\n", 0) == 0);
    CHECK(has_line(welsh, "1: Dim o gwbl."));
}

TEST_CASE("an aid's numbers before the questions about you are for people, after them for people like you", "[speech]") {
    // The page once said "These numbers are for people in general" above "48 out of 1,000 people
    // like you". The screen, the PDF and read-aloud say the number with one function; this reads it.
    Fixture f;
    f.model.choose_aid("af-anticoagulation");
    REQUIRE(f.model.walk(intent::GoTo{Step::outcomes, 1}).ok);  // page 0 asks about you; 1 is strokes
    const Catalog en = bran::test::bundled_words("en-GB");
    std::string text = screen_text(f.model, en);
    INFO(text);
    CHECK(text.find("people in general") != std::string::npos);
    CHECK(text.find(" out of 1,000 people will have a stroke") != std::string::npos);
    CHECK(text.find("people like you will") == std::string::npos);
    for (const auto& [input, choice] : std::vector<std::pair<std::string, std::string>>{
             {"age", "75-or-over"}, {"sex", "female"}, {"heart-failure", "no"}, {"blood-pressure", "yes-controlled"},
             {"diabetes", "no"}, {"stroke-history", "no"}, {"vascular-disease", "no"}, {"kidney", "no"}, {"liver", "no"},
             {"bleeding-history", "no"}, {"inr", "not-on-warfarin"}, {"bleeding-medicines", "no"}, {"alcohol", "no"}}) {
        REQUIRE(f.model.walk(intent::Answer{"risk." + input, choice}).ok);
    }
    REQUIRE(f.model.walk(intent::GoTo{Step::outcomes, 1}).ok);
    text = screen_text(f.model, en);
    CHECK(text.find("people like you, worked out from your answers") != std::string::npos);
    CHECK(text.find(" out of 1,000 people like you will have a stroke") != std::string::npos);
    CHECK(text.find(" out of 1,000 people will") == std::string::npos);
    // An outcome the aid has no personal numbers for stays general, and says so, after the answers.
    const Catalog statins_words = bran::test::bundled_words("en-GB");
    Fixture statins;
    statins.model.choose_aid("statins-primary-prevention");
    bool general_only_seen = false;
    for (int page = 1; page < 12 && statins.model.walk(intent::GoTo{Step::outcomes, page}).ok; ++page) {
        const std::string page_text = screen_text(statins.model, statins_words);
        if (page_text.find("They are the same whatever your answers about you.") == std::string::npos) continue;
        general_only_seen = true;
        CHECK(page_text.find("people like you will") == std::string::npos);
    }
    CHECK(general_only_seen);
    // Welsh likewise.
    const Catalog cy = bran::test::bundled_words("cy");
    f.model.set_locale("cy");
    CHECK(screen_text(f.model, cy).find("o bobl fel chi yn") != std::string::npos);
}

TEST_CASE("the PSA outcome pages read each option's number out of 1000 people, and who to ask about their own", "[speech]") {
    // The PSA aid works out no personal numbers: its numbers are for men in general, never "like you".
    Fixture f;
    f.open_psa("en-GB", Step::outcomes, 0);
    const Catalog en = bran::test::bundled_words("en-GB");
    std::string text = screen_text(f.model, en);
    CHECK(text.rfind("What may happen: die from prostate cancer.\n", 0) == 0);
    CHECK(has_line(text, "These numbers are for people in general. This aid cannot work out your own numbers. Ask your clinician if "
                         "your chances may be higher or lower."));
    CHECK(text.find("Have a PSA test now.\n5 out of 1,000 people will die from prostate cancer in the next 13 years.\n"
                    "Don’t have a PSA test now.\n6 out of 1,000 people will die from prostate cancer in the next 13 years.\n") !=
          std::string::npos);
    CHECK(text.find("like you") == std::string::npos);

    REQUIRE(f.model.walk(intent::GoTo{Step::outcomes, 3}).ok);
    text = screen_text(f.model, en);
    CHECK(has_line(text, "178 out of 1,000 people will have a false alarm: a raised PSA, but no cancer found in the next 13 years."));
    CHECK(has_line(text, "0 out of 1,000 people will have a false alarm: a raised PSA, but no cancer found in the next 13 years."));

    const Catalog cy = bran::test::bundled_words("cy");
    f.model.set_locale("cy");
    REQUIRE(f.model.walk(intent::GoTo{Step::outcomes, 0}).ok);
    text = screen_text(f.model, cy);
    CHECK(has_line(text, "Bydd 5 o bob 1,000 o bobl yn marw o ganser y prostad yn ystod y 13 blynedd nesaf."));
    CHECK(has_line(text, "Bydd 6 o bob 1,000 o bobl yn marw o ganser y prostad yn ystod y 13 blynedd nesaf."));
    CHECK(text.find("fel chi") == std::string::npos);
}

TEST_CASE("the BRAN page and the choices read without quotes, ticks or arrows", "[speech]") {
    Fixture f;
    f.open_psa("en-GB", Step::bran, 0);
    const Catalog en = bran::test::bundled_words("en-GB");
    const std::string text = screen_text(f.model, en);
    CHECK(text.rfind("Option 1 of 2: Have a PSA test now.\n", 0) == 0);
    CHECK(has_line(text, "B: What are the benefits?"));
    CHECK(has_line(text, "The other option is: Don’t have a PSA test now."));

    // Every page of every step, answered, in both languages: nothing decorative is read.
    for (const std::string locale : {"en-GB", "cy"}) {
        Fixture g;
        g.open_psa(locale, Step::what_matters);
        g.model.walk(intent::Answer{"what-matters", "Worry about my dad’s cancer"});
        g.model.walk(intent::Answer{"value.avoid-false-alarm", 4});
        g.model.walk(intent::Answer{"sure.sure", false});
        g.model.walk(intent::Answer{"leaning", "psa-test"});
        g.model.walk(intent::Answer{"decision", "psa-test"});
        const Catalog words = bran::test::bundled_words(locale);
        for (int i = 0; i < 40 && !g.model.walkthrough()->is_last_step(); ++i) {
            const std::string page = screen_text(g.model, words);
            INFO(locale << " " << step_name(g.model.walkthrough()->step()) << " " << g.model.walkthrough()->page() << "\n" << page);
            CHECK_FALSE(page.empty());
            for (const char* symbol : {"✓", "←", "→", "“", "”", "•"}) CHECK(page.find(symbol) == std::string::npos);
            g.model.walk(intent::Next{});
        }
        CHECK(has_line(screen_text(g.model, words), "1: " + localized(g.library.find("psa-testing")->options[0].name, locale) + "."));
    }
}

TEST_CASE("the summary reads the fit sentences from summary.hpp", "[speech]") {
    for (const std::string locale : {"en-GB", "cy"}) {
        Fixture f;
        f.open_psa(locale, Step::values);
        REQUIRE(f.model.walk(intent::Answer{"value.avoid-false-alarm", 4}).ok);
        REQUIRE(f.model.walk(intent::GoTo{Step::summary}).ok);
        const Catalog words = bran::test::bundled_words(locale);
        const std::string text = screen_text(f.model, words);
        const Walkthrough& w = *f.model.walkthrough();
        for (const std::string& sentence : fit_sentences(w.aid(), w.answers(), words)) CHECK(has_line(text, speakable(sentence)));
        if (locale == "en-GB") {
            CHECK(has_line(text, "From what you told us, Don’t have a PSA test now fits best with what matters to you."));
            CHECK(has_line(text, "What points to Don’t have a PSA test now:"));
            CHECK(has_line(text, "Avoiding false alarms: Very much."));
        }
    }
}

TEST_CASE("a screen in each language synthesizes to speech of a plausible length", "[speech]") {
    const auto folder = std::filesystem::temp_directory_path() / ("bran-speech-" + std::to_string(::getpid()));
    std::filesystem::create_directories(folder);
    for (const std::string locale : {"en-GB", "cy"}) {
        Fixture f;
        f.open_psa(locale, Step::values, 1);
        const std::string text = screen_text(f.model, bran::test::bundled_words(locale));
        int rate = 0;
        const std::vector<short> samples = Speaker::synthesize(text, locale, rate);
        REQUIRE(rate > 0);
        const double seconds = static_cast<double>(samples.size()) / rate;
        const double per_ten_words = seconds * 10.0 / static_cast<double>(word_count(text));
        INFO(locale << ": " << word_count(text) << " words, " << seconds << " s\n" << text);
        // espeak-ng's default 175 words a minute is about 3.4 s per 10 words, and each short
        // line ("1: Not at all.") ends in a pause: plausible speech is 1.5 to 6 s per 10 words.
        CHECK(per_ten_words > 1.5);
        CHECK(per_ten_words < 6.0);
        CHECK(rms(samples) > 300.0);

        const std::string path = (folder / (locale + ".wav")).string();
        Speaker::write_wav(path, samples, rate);
        CHECK(std::filesystem::file_size(path) == 44 + samples.size() * 2);
        if (auto length = sox_length(path)) CHECK(std::abs(*length - seconds) < 0.01);
    }
    std::filesystem::remove_all(folder);
}

TEST_CASE("say returns at once while a long text is synthesized, and stop ends it quickly", "[speech]") {
    std::atomic<int> finished{0};
    Speaker speaker([&] { ++finished; }, Speaker::Output::silent);
    CHECK(speaker.output() == Speaker::Output::silent);
    std::string long_text;
    for (int i = 0; i < 300; ++i) long_text += "Five out of 1,000 people like you will die from prostate cancer in the next 13 years. ";

    // Three rounds, judged by their median: a machine that stalls for a moment (a busy CI host)
    // slows one round, while a speaker that waited for the words would slow every round by seconds.
    // "At once" is within one frame at 60 frames a second; synthesizing the text takes seconds.
    const double one_frame_ms = 1000.0 / 60.0;
    std::vector<double> say_ms, replace_ms, stop_ms, silent_ms;
    for (int round = 0; round < 3; ++round) {
        auto start = Clock::now();
        speaker.say(long_text, "en-GB");
        say_ms.push_back(ms_since(start));
        CHECK(speaker.speaking());
        std::this_thread::sleep_for(std::chrono::milliseconds(100));  // well into the synthesis
        REQUIRE(speaker.speaking());

        start = Clock::now();
        speaker.say(long_text, "cy");  // replaces what is being said
        replace_ms.push_back(ms_since(start));
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        REQUIRE(speaker.speaking());

        start = Clock::now();
        speaker.stop();
        stop_ms.push_back(ms_since(start));
        while (speaker.speaking() && ms_since(start) < 2000) std::this_thread::sleep_for(std::chrono::milliseconds(1));
        silent_ms.push_back(ms_since(start));
        CHECK_FALSE(speaker.speaking());
        while (finished == round && ms_since(start) < 2000) std::this_thread::sleep_for(std::chrono::milliseconds(1));
        CHECK(finished == round + 1);  // once for the words replaced and then stopped
    }
    const auto median = [](std::vector<double> v) {
        std::sort(v.begin(), v.end());
        return v[v.size() / 2];
    };
    CHECK(median(say_ms) < one_frame_ms);
    CHECK(median(replace_ms) < one_frame_ms);
    CHECK(median(stop_ms) < one_frame_ms);
    CHECK(median(silent_ms) < 200.0);

    // A short text runs to its end by itself.
    speaker.say("Bore da.", "cy");
    const auto start = Clock::now();
    while (speaker.speaking() && ms_since(start) < 5000) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    CHECK_FALSE(speaker.speaking());
    while (finished < 4 && ms_since(start) < 5000) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    CHECK(finished == 4);
}

TEST_CASE("a locale with no voice falls back to English and still speaks", "[speech]") {
    int rate = 0;
    const std::vector<short> samples = Speaker::synthesize("Hello.", "xx-ZZ", rate);
    CHECK(samples.size() > static_cast<std::size_t>(rate) / 10);
}

namespace {
// The nice value of each of this process's threads, from /proc (field 19 of each task's stat).
std::vector<int> thread_niceness() {
    std::vector<int> values;
    for (const auto& task : std::filesystem::directory_iterator("/proc/self/task")) {
        std::ifstream in(task.path() / "stat");
        std::string stat((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        // After the command name in parentheses: state is field 3, nice field 19.
        std::istringstream fields(stat.substr(stat.rfind(')') + 2));
        std::string field;
        for (int i = 3; i <= 19 && fields >> field; ++i) {
        }
        values.push_back(std::stoi(field));
    }
    return values;
}
}  // namespace

TEST_CASE("the speaker's thread yields the processor to the window's", "[speech]") {
    const auto before = thread_niceness();
    const int window_niceness = getpriority(PRIO_PROCESS, 0);
    Speaker speaker(nullptr, Speaker::Output::silent);
    speaker.say("A short sentence to read.", "en-GB");
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    std::vector<int> during;
    do {
        during = thread_niceness();
        if (std::count(during.begin(), during.end(), speech_thread_niceness) >
            std::count(before.begin(), before.end(), speech_thread_niceness)) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    } while (std::chrono::steady_clock::now() < deadline);
    CHECK(std::count(during.begin(), during.end(), speech_thread_niceness) >
          std::count(before.begin(), before.end(), speech_thread_niceness));
    CHECK(getpriority(PRIO_PROCESS, 0) == window_niceness);  // this, the window's thread, as it was
}
