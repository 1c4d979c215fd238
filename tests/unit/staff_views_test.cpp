// The staff screens as a user meets them: every button of the PIN prompt, the staff menu and the
// audit is found in the screen's view and pressed, and the screen that follows says what happened.
#include "engine/session/clinician_pin.hpp"
#include "engine/session/walkthrough.hpp"
#include "engine/shell/app_model.hpp"
#include "engine/shell/current_view.hpp"
#include "engine/speech/screen_text.hpp"
#include "engine/store/database.hpp"
#include "engine/view/staff_views.hpp"
#include "bundled_words.hpp"
#include "temp_dir.hpp"
#include "test_aid.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <set>

using namespace bran;

namespace {

struct Staff {
    bran::test::TempDir dir;
    Library library;
    Database db;
    SessionStore store;
    Catalog words = bran::test::bundled_words("en-GB");
    AppModel model;

    Staff()
        : db(Database::open(dir.file("bran.db"))), store(db, ChainKey::random()),
          model((library.add(load_aid_text(bran::test::small_aid_json(), "small.json", RuleContext{})), library), db, store,
                AppOptions{}) {
        set_clinician_pin(db, "482648");
        // Export saves in ~/Documents: this test's own folder, not the home of whoever runs it.
        if (const char* home = std::getenv("HOME")) old_home = home;
        setenv("HOME", dir.path.c_str(), 1);
    }
    ~Staff() {
        if (old_home) setenv("HOME", old_home->c_str(), 1);
        else unsetenv("HOME");
    }
    std::optional<std::string> old_home;

    ScreenView view() const { return current_view(model, words); }
    std::string heard() const { return spoken_text(view()); }

    // The button labelled `label` on the screen now; fails the test if there is none.
    ButtonBlock button(const std::string& label) const {
        for (const Block& block : view().blocks) {
            if (const auto* b = std::get_if<ButtonBlock>(&block); b && b->label == label) return *b;
        }
        FAIL("no button \"" << label << "\" on the screen, which says:\n" << heard());
        return {};
    }
    void press(const std::string& label, const std::string& typed = "") {
        model.press(button(label), typed, 1000);
        model.wait_for_pin_check();
    }
    bool has_entry(TextEntryBlock::Kind kind) const {
        for (const Block& block : view().blocks) {
            if (const auto* e = std::get_if<TextEntryBlock>(&block); e && e->kind == kind) return true;
        }
        return false;
    }
};

}  // namespace

TEST_CASE("the PIN prompt: a wrong PIN is said under its heading, Cancel goes back, the right one opens the staff menu", "[app][view]") {
    Staff s;
    s.model.request_clinician_views();
    REQUIRE(s.model.screen() == Screen::pin);
    CHECK(s.has_entry(TextEntryBlock::Kind::pin));
    s.press(s.words.text("pin.enter"), "111111");
    const ScreenView wrong = s.view();
    REQUIRE(wrong.blocks.size() > 1);
    const auto* notice = std::get_if<WordsBlock>(&wrong.blocks[1]);
    REQUIRE(notice);
    CHECK(notice->emphasis == Emphasis::notice);
    CHECK(notice->text == s.words.text("notice.pin-wrong"));
    // What was typed is never read aloud.
    CHECK(s.heard().find("111111") == std::string::npos);
    s.press(s.words.text("pin.cancel"));
    CHECK(s.model.screen() == Screen::home);
    s.model.request_clinician_views();
    s.press(s.words.text("pin.enter"), "482648");
    CHECK(s.model.screen() == Screen::clinician);
    CHECK(s.heard().find(s.words.text("clinician.heading")) != std::string::npos);
}

TEST_CASE("the staff menu: a file that is not a record is refused and the menu says why, and Back and Close work", "[app][view]") {
    Staff s;
    s.model.request_clinician_views();
    s.press(s.words.text("pin.enter"), "482648");
    REQUIRE(s.model.screen() == Screen::clinician);
    CHECK(s.has_entry(TextEntryBlock::Kind::path));
    const std::string not_a_record = s.dir.file("shopping.json");
    { std::ofstream(not_a_record) << "[1, 2"; }
    s.press(s.words.text("clinician.open"), not_a_record);
    CHECK(s.model.screen() == Screen::clinician);
    REQUIRE_FALSE(s.model.hand_off_message().empty());
    CHECK(s.heard().find(speakable(s.model.hand_off_message()).substr(0, 20)) != std::string::npos);
    // Open with nothing typed does nothing.
    s.press(s.words.text("clinician.open"), "");
    CHECK(s.model.screen() == Screen::clinician);
    s.press(s.words.text("clinician.back"));
    CHECK(s.model.screen() == Screen::home);
    s.model.request_clinician_views();
    s.press(s.words.text("pin.enter"), "482648");
    s.press(s.words.text("clinician.close"));
    CHECK(s.model.should_quit());
}

TEST_CASE("the audit: its groupings and aid filter are buttons that say which is in force, and Export says where it saved", "[app][view]") {
    Staff s;
    s.model.choose_aid("small");
    s.model.walk(intent::Answer{"value.relief", 3});
    s.model.start_over();
    s.model.request_clinician_views();
    s.press(s.words.text("pin.enter"), "482648");
    s.press(s.words.text("clinician.audit"));
    REQUIRE(s.model.screen() == Screen::audit);
    const auto chosen = [&](Action action) {
        std::vector<std::string> on;
        for (const Block& block : s.view().blocks) {
            if (const auto* b = std::get_if<ButtonBlock>(&block); b && b->action == action && b->chosen) on.push_back(b->label);
        }
        return on;
    };
    CHECK(chosen(Action::group_by) == std::vector<std::string>{s.words.text("audit.by.none")});
    CHECK(chosen(Action::show_aid) == std::vector<std::string>{s.words.text("audit.all-aids")});
    // The figures table is read a row at a time, each cell after its column's heading.
    CHECK(s.heard().find(speakable(s.words.text("audit.sessions") + ": " +
                                   s.words.text("audit.counts", {{"sessions", 1LL}, {"completed", 0LL}}))) != std::string::npos);
    s.press(s.words.text("audit.by.clinician"));
    CHECK(s.model.audit_filter().group_by == GroupBy::clinician);
    CHECK(chosen(Action::group_by) == std::vector<std::string>{s.words.text("audit.by.clinician")});
    s.press(s.words.text("audit.by.none"));
    CHECK(s.model.audit_filter().group_by == GroupBy::none);
    CHECK(chosen(Action::group_by) == std::vector<std::string>{s.words.text("audit.by.none")});
    s.press("small");
    CHECK(s.model.audit_filter().aid == std::optional<std::string>("small"));
    CHECK(chosen(Action::show_aid) == std::vector<std::string>{"small"});
    s.press(s.words.text("audit.all-aids"));
    CHECK_FALSE(s.model.audit_filter().aid);
    s.press(s.words.text("audit.export"));
    REQUIRE_FALSE(s.model.last_export().empty());
    CHECK(std::filesystem::exists(s.model.last_export()));
    CHECK(s.heard().find(s.model.last_export()) != std::string::npos);
    s.press(s.words.text("clinician.back"));
    CHECK(s.model.screen() == Screen::home);
}

TEST_CASE("the audit says how many sessions there are to review, not how many it lists", "[app][view]") {
    Staff s;
    AuditFilter filter;
    const std::vector<GroupFigures> groups;
    std::vector<SessionToReview> listed(sessions_shown_for_review);
    for (SessionToReview& r : listed) r.started_at = "2026-11-03T10:00:00Z", r.aid_id = "small", r.discordant = true;
    const std::string exported;
    const VariationFigures no_variation;
    const std::string heard = spoken_text(audit_view(s.library, s.words, {filter, groups, listed, exported, no_variation, 185}));
    CHECK(heard.find(speakable(s.words.text("audit.review", {{"count", 185LL}}))) != std::string::npos);
    CHECK(heard.find(speakable(s.words.text("audit.review-page", {{"first", 1LL}, {"last", static_cast<long long>(sessions_shown_for_review)},
                                                                   {"total", 185LL}}))) != std::string::npos);
    // All listed: no note that some are not.
    const std::string all = spoken_text(audit_view(s.library, s.words, {filter, groups, listed, exported, no_variation, 50}));
    CHECK(all.find(speakable(s.words.text("audit.review", {{"count", 50LL}}))) != std::string::npos);
    CHECK(all.find(s.words.text("audit.review-page", {{"first", 1LL}, {"last", 50LL}, {"total", 50LL}}).substr(0, 10)) == std::string::npos);
    // The model counts them in the database: none here yet.
    CHECK(s.model.sessions_to_review_total() == 0);
}

TEST_CASE("every session to review is reached a page at a time, and Export saves them all in Documents", "[app][view]") {
    Staff s;
    // 57 completed sessions with decisional conflict (SURE below 4 of 4): a page and 7 more.
    for (int i = 0; i < 57; ++i) {
        const std::string at = "2026-11-" + std::string(i < 30 ? "01" : "02") + "T10:" + (i % 60 < 10 ? "0" : "") + std::to_string(i % 60) + ":00.000+00:00";
        Walkthrough w = Walkthrough::start(bran::test::small_aid(), s.store, Setting::clinic, SessionMeta{}, [at] { return at; });
        for (const char* item : {"sure.sure", "sure.understand", "sure.risk-benefit"}) REQUIRE(w.apply(intent::Answer{item, true}).ok);
        REQUIRE(w.apply(intent::Answer{"sure.encouragement", false}).ok);
        w.apply(intent::GoTo{Step::summary});
    }
    s.model.request_clinician_views();
    s.press(s.words.text("pin.enter"), "482648");
    s.press(s.words.text("clinician.audit"));
    REQUIRE(s.model.sessions_to_review_total() == 57);
    CHECK(s.model.sessions_to_review().size() == sessions_shown_for_review);
    CHECK(s.heard().find(speakable(s.words.text("audit.review-page", {{"first", 1LL}, {"last", 50LL}, {"total", 57LL}}))) != std::string::npos);
    const auto has = [&](const std::string& label) {
        for (const Block& block : s.view().blocks) {
            if (const auto* b = std::get_if<ButtonBlock>(&block); b && b->label == label) return true;
        }
        return false;
    };
    CHECK_FALSE(has(s.words.text("audit.newer")));
    std::set<std::string> seen;
    for (const SessionToReview& r : s.model.sessions_to_review()) seen.insert(r.id);
    s.press(s.words.text("audit.older"));
    CHECK(s.model.sessions_to_review().size() == 7);
    CHECK(s.heard().find(speakable(s.words.text("audit.review-page", {{"first", 51LL}, {"last", 57LL}, {"total", 57LL}}))) != std::string::npos);
    for (const SessionToReview& r : s.model.sessions_to_review()) seen.insert(r.id);
    CHECK(seen.size() == 57);  // every one, none twice
    CHECK_FALSE(has(s.words.text("audit.older")));
    s.press(s.words.text("audit.newer"));
    CHECK(s.model.sessions_to_review().size() == 50);
    // A new grouping starts again at the newest.
    s.press(s.words.text("audit.older"));
    s.press(s.words.text("audit.by.clinician"));
    CHECK(s.model.sessions_to_review_skipped() == 0);

    s.press(s.words.text("audit.export"));
    const std::filesystem::path documents = s.dir.path / "Documents";
    REQUIRE_FALSE(s.model.last_export().empty());
    CHECK(std::filesystem::path(s.model.last_export()).parent_path() == documents);
    std::ifstream review(documents / s.model.last_export_review());
    std::string line;
    int lines = 0;
    while (std::getline(review, line)) ++lines;
    CHECK(lines == 1 + 57);
    CHECK(s.heard().find(s.model.last_export_review()) != std::string::npos);
    // Export again: new files beside the first, which stay as they were.
    const std::string first = s.model.last_export();
    s.press(s.words.text("audit.export"));
    CHECK(s.model.last_export() != first);
    CHECK(std::filesystem::exists(first));
}
