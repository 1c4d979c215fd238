#include "engine/shell/app_model.hpp"
#include "engine/session/clinician_pin.hpp"
#include "temp_dir.hpp"
#include "test_aid.hpp"

#include <chrono>
#include <filesystem>
#include <thread>
#include <stdlib.h>

using namespace bran;

namespace {
struct Fixture {
    Library library;
    Database db = Database::open(":memory:");
    SessionStore store{db, ChainKey::random()};
    Fixture() { library.add(load_aid_text(bran::test::small_aid_json(), "small.json", RuleContext{})); }
    AppModel model(bool kiosk) {
        AppOptions options;
        options.kiosk = kiosk;
        options.idle_seconds = 60;
        options.grace_seconds = 20;
        return AppModel(library, db, store, options);
    }
};
}  // namespace

TEST_CASE("kiosk: left alone, it asks if anyone is there, then wipes the session and its settings", "[app]") {
    Fixture f;
    AppModel m = f.model(true);
    m.on_input(0);
    m.choose_aid("small");
    REQUIRE(m.screen() == Screen::walkthrough);
    const std::string id = m.walkthrough()->session_id();
    m.walk(intent::Answer{"value.relief", 3});
    m.set_text_size(2);
    m.set_high_contrast(true);
    m.set_locale("cy");
    m.on_input(10);
    CHECK(m.next_deadline() == 70.0);
    m.tick(69.9);
    CHECK_FALSE(m.asking_if_still_there());
    m.tick(70);
    CHECK(m.asking_if_still_there());
    CHECK(m.seconds_until_wipe(75) == 15.0);
    CHECK(m.next_deadline() == 90.0);
    m.tick(89);
    CHECK(m.screen() == Screen::walkthrough);
    m.tick(90);
    CHECK(m.screen() == Screen::home);
    CHECK(m.walkthrough() == nullptr);
    CHECK_FALSE(m.asking_if_still_there());
    CHECK(m.text_size() == 0);
    CHECK_FALSE(m.high_contrast());
    CHECK(m.locale() == "en-GB");
    // The record keeps the half-finished session, as abandoned.
    CHECK(f.store.find(id)->status == "abandoned");
    CHECK(f.store.events(id).at(1).item == "value.relief");
}

TEST_CASE("kiosk: any input while asking keeps the session", "[app]") {
    Fixture f;
    AppModel m = f.model(true);
    m.on_input(0);
    m.choose_aid("small");
    m.tick(61);
    REQUIRE(m.asking_if_still_there());
    m.on_input(62);
    m.tick(100);
    CHECK(m.screen() == Screen::walkthrough);
    CHECK_FALSE(m.asking_if_still_there());
}

TEST_CASE("the list of aids is never wiped, and outside a kiosk nothing is", "[app]") {
    Fixture f;
    AppModel kiosk = f.model(true);
    kiosk.on_input(0);
    kiosk.tick(1000);
    CHECK_FALSE(kiosk.next_deadline().has_value());
    CHECK_FALSE(kiosk.asking_if_still_there());
    AppModel desk = f.model(false);
    desk.on_input(0);
    desk.choose_aid("small");
    desk.tick(100000);
    CHECK(desk.screen() == Screen::walkthrough);
}

TEST_CASE("leaving a kiosk needs the clinician PIN, and the hash, never the PIN, is stored", "[app]") {
    Fixture f;
    set_clinician_pin(f.db, "482648");
    Statement s = f.db.prepare("SELECT value FROM setting");
    REQUIRE(s.step());
    CHECK_THAT(s.text(0), Catch::StartsWith("$argon2id$"));
    CHECK(s.text(0).find("482648") == std::string::npos);

    AppModel m = f.model(true);
    m.choose_aid("small");
    m.request_quit();
    CHECK(m.screen() == Screen::pin);
    CHECK_FALSE(m.should_quit());
    m.submit_pin("111111", 1), m.wait_for_pin_check();
    CHECK(m.notice() == "notice.pin-wrong");
    CHECK_FALSE(m.should_quit());
    m.cancel_pin();
    CHECK(m.screen() == Screen::walkthrough);  // back where the patient was
    m.request_quit();
    m.submit_pin("482648", 2), m.wait_for_pin_check();
    CHECK(m.should_quit());
}

TEST_CASE("five wrong PINs make the next try wait", "[app]") {
    Fixture f;
    set_clinician_pin(f.db, "482648");
    AppModel m = f.model(true);
    m.request_clinician_views();
    for (int i = 0; i < 5; ++i) m.submit_pin("000000", i), m.wait_for_pin_check();
    m.submit_pin("482648", 10), m.wait_for_pin_check();
    CHECK(m.notice() == "notice.pin-wait");
    CHECK(m.screen() == Screen::pin);
    m.submit_pin("482648", 40), m.wait_for_pin_check();
    CHECK(m.screen() == Screen::clinician);
}

TEST_CASE("the PIN is checked off the window's thread, and opens only what it was typed for", "[app]") {
    Fixture f;
    set_clinician_pin(f.db, "482648");
    AppModel m = f.model(true);
    m.request_clinician_views();
    // The hash takes about 0.6 s; the window must keep drawing meanwhile (it once froze).
    const auto before = std::chrono::steady_clock::now();
    m.submit_pin("482648", 1);
    CHECK(std::chrono::steady_clock::now() - before < std::chrono::milliseconds(100));
    CHECK(m.checking_pin());
    CHECK(m.notice() == "notice.pin-checking");
    CHECK(m.screen() == Screen::pin);
    // The window takes the outcome on a later frame.
    for (int frame = 0; frame < 500 && m.checking_pin(); ++frame) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
        m.tick(frame * 0.01);
    }
    CHECK_FALSE(m.checking_pin());
    CHECK(m.screen() == Screen::clinician);
    CHECK(m.notice().empty());

    // The right PIN for the staff views, then Cancel and "close the kiosk" while it is checked:
    // the outcome belongs to the first prompt and must not close the kiosk.
    AppModel kiosk = f.model(true);
    kiosk.request_clinician_views();
    kiosk.submit_pin("482648", 2);
    kiosk.cancel_pin();
    kiosk.request_quit();
    kiosk.wait_for_pin_check();
    CHECK_FALSE(kiosk.should_quit());
    CHECK(kiosk.screen() == Screen::pin);
    kiosk.submit_pin("482648", 3), kiosk.wait_for_pin_check();
    CHECK(kiosk.should_quit());
}

TEST_CASE("PINs are 6 to 12 digits", "[app]") {
    CHECK(check_new_pin("1234").size() > 0);
    CHECK(check_new_pin("12345").size() > 0);
    CHECK(check_new_pin("12a456").size() > 0);
    CHECK(check_new_pin("123456").empty());
    CHECK(check_new_pin("1234567890123").size() > 0);
}

TEST_CASE("the wait after five wrong PINs outlasts closing and opening bran again", "[app]") {
    Fixture f;
    set_clinician_pin(f.db, "482648");
    {
        AppModel first = f.model(true);
        first.request_clinician_views();
        for (int i = 0; i < 5; ++i) first.submit_pin("000000", 1000 + i), first.wait_for_pin_check();
    }
    AppModel again = f.model(true);
    again.request_clinician_views();
    again.submit_pin("482648", 1010), again.wait_for_pin_check();
    CHECK(again.notice() == "notice.pin-wait");
    CHECK(again.screen() == Screen::pin);
    // Once the 30 seconds are over, the right PIN opens the staff views.
    again.submit_pin("482648", 1040), again.wait_for_pin_check();
    CHECK(again.screen() == Screen::clinician);
}

TEST_CASE("switching language keeps the session and its answers", "[app]") {
    Fixture f;
    AppModel m = f.model(false);
    m.choose_aid("small");
    m.walk(intent::Answer{"leaning", "wait"});
    const std::string id = m.walkthrough()->session_id();
    m.set_locale("cy");
    CHECK(m.walkthrough()->session_id() == id);
    CHECK(m.walkthrough()->answers().leaning == std::optional<std::string>("wait"));
}

TEST_CASE("start over closes an unfinished session as abandoned", "[app]") {
    Fixture f;
    AppModel m = f.model(false);
    m.choose_aid("small");
    const std::string id = m.walkthrough()->session_id();
    const int before = m.generation();
    m.start_over();
    CHECK(m.generation() != before);
    CHECK(f.store.find(id)->status == "abandoned");
}

TEST_CASE("kiosk: nothing of a patient's is saved as files on the shared computer", "[app]") {
    Fixture f;
    AppModel m = f.model(true);
    m.choose_aid("small");
    m.walk(intent::GoTo{Step::summary});
    Diagnostics problems;
    const Catalog words = Catalog::load(BRAN_SOURCE_I18N_DIR, "en-GB", problems);
    char folder[] = "/tmp/bran-kiosk-XXXXXX";
    REQUIRE(mkdtemp(folder) != nullptr);
    CHECK(m.take_to_appointment(folder, words).empty());
    CHECK(std::filesystem::is_empty(folder));
    std::filesystem::remove_all(folder);
}

TEST_CASE("an answer whose receipt cannot be written is kept, and staff are told", "[app]") {
    bran::test::TempDir dir;
    const std::string path = dir.file("r.db");
    std::filesystem::create_directory(path + ".receipts");  // cannot be opened for writing, even by root
    Database db = Database::open(path);
    SessionStore store(db, ChainKey::for_recording(db));
    Library library;
    library.add(load_aid_text(bran::test::small_aid_json(), "small.json", RuleContext{}));
    AppModel m(library, db, store, AppOptions{});
    m.choose_aid("small");
    REQUIRE(m.walk(intent::Answer{"leaning", "wait"}).ok);
    CHECK(m.notice() == "notice.receipts-failed");
    CHECK_THAT(store.receipts_problem(), Catch::Contains("r.db.receipts: cannot write the receipts"));
    CHECK(store.events(m.walkthrough()->session_id()).back().item == "leaning");
}
