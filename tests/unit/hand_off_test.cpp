#include "engine/report/summary_pdf.hpp"
#include "engine/shell/app_model.hpp"
#include "engine/session/clinician_pin.hpp"
#include "engine/view/summary_words.hpp"
#include "engine/shell/current_view.hpp"
#include "engine/speech/screen_text.hpp"
#include "engine/audit/audit_source.hpp"
#include "command_output.hpp"
#include "temp_dir.hpp"
#include "test_aid.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>

using namespace bran;
using bran::test::TempDir;

namespace {
const Catalog& words() {
    static Diagnostics problems;
    static const Catalog catalog = Catalog::load(BRAN_SOURCE_I18N_DIR, "en-GB", problems);
    return catalog;
}

struct Place {
    Library library;
    Database db;
    SessionStore store;
    AppModel model;
    Place(const std::string& path, Setting setting, AppOptions options = {})
        : db(Database::open(path)), store(db, ChainKey::for_database(path)), model(make(setting, std::move(options))) {}
    AppModel make(Setting setting, AppOptions options) {
        library.add(load_aid_text(bran::test::small_aid_json(), "small.json", RuleContext{}));
        options.setting = setting;
        return AppModel(library, db, store, options);
    }
    void staff() {
        set_clinician_pin(db, "909090");
        model.request_clinician_views();
        model.submit_pin("909090", 0), model.wait_for_pin_check();
        REQUIRE(model.screen() == Screen::clinician);
    }
};
}  // namespace

TEST_CASE("home -> file -> clinic: the clinic continues the same session, nothing typed twice", "[handoff]") {
    TempDir dir;
    std::string file, id;
    {
        Place home(dir.file("home.db"), Setting::home);
        home.model.choose_aid("small");
        home.model.walk(intent::Answer{"what-matters", "Getting back to the garden"});
        home.model.walk(intent::Answer{"value.avoid-op", 4});
        home.model.walk(intent::Answer{"value.relief", 1});
        home.model.walk(intent::Answer{"leaning", "wait"});
        home.model.walk(intent::Answer{"questions", "How long is the wait for surgery?"});
        home.model.walk(intent::GoTo{Step::summary});
        id = home.model.walkthrough()->session_id();
        file = home.model.take_to_appointment(dir.path.string(), words());
        REQUIRE_FALSE(file.empty());
        CHECK(std::filesystem::exists(file));
        // The printable summary is saved beside the record.
        REQUIRE_FALSE(home.model.last_summary_pdf().empty());
        std::ifstream pdf(home.model.last_summary_pdf(), std::ios::binary);
        std::string head(5, '\0');
        pdf.read(&head[0], 5);
        CHECK(head == "%PDF-");
        CHECK(home.model.last_record_file() == file);
        // The next patient at this computer is not shown where the last one's files went.
        home.model.finish_session();
        CHECK(home.model.last_record_file().empty());
        CHECK(home.model.last_summary_pdf().empty());
    }
    Place clinic(dir.file("clinic.db"), Setting::clinic);
    clinic.staff();
    clinic.model.open_from_home(file);
    REQUIRE(clinic.model.screen() == Screen::walkthrough);
    const Walkthrough& w = *clinic.model.walkthrough();
    CHECK(w.session_id() == id);
    CHECK(w.step() == Step::summary);
    CHECK(w.answers().what_matters == std::optional<std::string>("Getting back to the garden"));
    CHECK(w.answers().questions == std::optional<std::string>("How long is the wait for surgery?"));
    CHECK(w.home_and_clinic().choice_at_home() == std::optional<std::string>("wait"));
    CHECK(w.shows_home_changes());
    CHECK(home_to_clinic_sentences(w.aid(), w.home_and_clinic(), words()) ==
          std::vector<std::string>{"Nothing has changed since you used this at home."});

    // In the clinic the patient changes a rating and the leaning; the decision is recorded.
    clinic.model.walk(intent::Answer{"value.relief", 4});
    clinic.model.walk(intent::Answer{"leaning", "tablets"});
    clinic.model.walk(intent::Answer{"decision", "tablets"});
    const auto events = clinic.store.events(id);
    std::map<std::string, std::vector<std::string>> where;
    for (const auto& e : events) where[e.item].push_back(e.setting);
    CHECK(where["value.avoid-op"] == std::vector<std::string>{"home"});
    CHECK(where["value.relief"] == std::vector<std::string>{"home", "clinic"});
    CHECK(where["leaning"] == std::vector<std::string>{"home", "clinic"});
    CHECK(where["decision"] == std::vector<std::string>{"clinic"});
    // The summary says how the leaning and the ratings moved since home.
    const HomeAndClinic& moves = clinic.model.walkthrough()->home_and_clinic();
    CHECK(moves.choice_at_home() == std::optional<std::string>("wait"));
    CHECK(moves.choice_now() == std::optional<std::string>("tablets"));
    CHECK(moves.ratings_moved() == std::vector<std::string>{"relief"});
    // Read aloud says it too.
    clinic.model.walk(intent::GoTo{Step::summary});
    CHECK_THAT(screen_text(clinic.model, words()),
               Catch::Contains("What changed since you used this at home") && Catch::Contains("At home you were leaning towards"));
    const auto sentences = home_to_clinic_sentences(clinic.model.walkthrough()->aid(), moves, words());
    REQUIRE(sentences.size() == 2);
    CHECK_THAT(sentences[0], Catch::Contains("At home you were leaning towards") && Catch::Contains("Now:"));
    CHECK_THAT(sentences[1], Catch::Contains("at home “A little”") && Catch::Contains("now “Very much”"));
    // ... and so does the take-home summary printed in the clinic.
    const Walkthrough& now = *clinic.model.walkthrough();
    const std::string pdf = dir.file("clinic-summary.pdf");
    write_summary_pdf(SummaryDocument{now.aid(), *clinic.store.find(id), now.answers(), now.status(), words(), &moves}, pdf, false);
    auto text = bran::test::command_output("pdftotext '" + pdf + "' - 2>&1");
    REQUIRE(text);
    std::replace(text->begin(), text->end(), '\n', ' ');
    CHECK_THAT(*text, Catch::Contains("What changed since you used this at home") &&
                          Catch::Contains("At home you were leaning towards"));

    // The audit counts the session once, with the clinic's decision.
    const auto groups = read_audit(clinic.db, {});
    CHECK(groups[0].sessions == 1);
    CHECK(groups[0].completed == 1);
    CHECK(groups[0].choices == std::map<std::string, long long>{{"tablets", 1}});
    // ... and shows how it moved between home and clinic.
    const HomeToClinicFigures& h = groups[0].home_to_clinic;
    CHECK(h.sessions == 1);
    CHECK(h.choice_changed.assessable == 1);
    CHECK(h.choice_changed.yes == 1);
    CHECK(h.ratings_changed == 1);
    CHECK(h.moves == std::map<std::string, long long>{{"wait -> tablets", 1}});

    // The same file again: it now conflicts with later clinic answers, so it is refused and
    // nothing changes.
    clinic.model.finish_session();
    clinic.staff();
    clinic.model.open_from_home(file);
    CHECK(clinic.model.notice() == "notice.hand-off-refused");
    CHECK_THAT(clinic.model.hand_off_message(), Catch::Contains("later answers given in the clinic"));
    CHECK(clinic.store.events(id).size() == events.size());
}

TEST_CASE("a file opened twice before any clinic answer opens the same session", "[handoff]") {
    TempDir dir;
    std::string file;
    {
        Place home(dir.file("home.db"), Setting::home);
        home.model.choose_aid("small");
        home.model.walk(intent::Answer{"leaning", "wait"});
        file = home.model.take_to_appointment(dir.path.string(), words());
    }
    Place clinic(dir.file("clinic.db"), Setting::clinic);
    clinic.staff();
    clinic.model.open_from_home(file);
    const std::string id = clinic.model.walkthrough()->session_id();
    clinic.model.finish_session();
    clinic.staff();
    clinic.model.open_from_home(file);
    CHECK(clinic.model.notice() == "notice.already-imported");
    CHECK(clinic.model.walkthrough()->session_id() == id);
    CHECK(clinic.store.sessions().size() == 1);
}

TEST_CASE("a clinic that only opened a file from home has no answers of its own there", "[handoff]") {
    TempDir dir;
    std::string first, second;
    {
        Place home(dir.file("home.db"), Setting::home);
        home.model.choose_aid("small");
        home.model.walk(intent::Answer{"leaning", "wait"});
        home.model.walk(intent::GoTo{Step::summary});  // completed at home: the clinic changes no status
        REQUIRE(home.model.walkthrough()->status() == "completed");
        first = home.model.take_to_appointment(dir.path.string(), words());
        home.model.walk(intent::Answer{"leaning", "tablets"});
        second = home.model.take_to_appointment(dir.path.string(), words());
    }
    AppOptions at_clinic;
    at_clinic.meta.clinician = "DR-1";
    at_clinic.meta.site = "north";
    Place clinic(dir.file("clinic.db"), Setting::clinic, at_clinic);
    clinic.staff();
    clinic.model.open_from_home(first);  // credited to DR-1 at north: an event, but no answer
    clinic.model.finish_session();
    clinic.staff();
    clinic.model.open_from_home(second);
    CHECK_THAT(clinic.model.hand_off_message(), Catch::Contains("a different copy of this session is already recorded here"));
}

TEST_CASE("damaged files and other aid versions are refused with a located message", "[handoff]") {
    TempDir dir;
    Place clinic(dir.file("clinic.db"), Setting::clinic);
    clinic.staff();
    std::ofstream(dir.file("cut.json")) << "{\"resourceType\": \"QuestionnaireResponse\", \"id\": ";
    clinic.model.open_from_home(dir.file("cut.json"));
    CHECK(clinic.model.screen() == Screen::clinician);
    CHECK_THAT(clinic.model.hand_off_message(), Catch::Contains("cut.json:1:") && Catch::Contains("not valid JSON"));

    std::string file;
    {
        Place home(dir.file("home.db"), Setting::home);
        home.model.choose_aid("small");
        home.model.walk(intent::Answer{"leaning", "wait"});
        file = home.model.take_to_appointment(dir.path.string(), words());
    }
    std::ifstream in(file);
    std::string text((std::istreambuf_iterator<char>(in)), {});
    const auto at = text.find("small|1.0.0");
    REQUIRE(at != std::string::npos);
    text.replace(at, 11, "small|2.0.0");
    std::ofstream(dir.file("other-version.json")) << text;
    clinic.model.open_from_home(dir.file("other-version.json"));
    CHECK_THAT(clinic.model.hand_off_message(), Catch::Contains("/questionnaire") && Catch::Contains("version 2.0.0 is not known here"));
    CHECK(clinic.store.sessions().empty());
}

TEST_CASE("the staff view finds record files from home in the home folder, Documents and Downloads", "[handoff]") {
    TempDir dir;
    for (const char* folder : {"Documents", "Downloads"}) std::filesystem::create_directories(dir.path / folder);
    for (const char* name : {"bran-a.json", "Documents/bran-b.json", "Downloads/bran-c.json", "Documents/bran-b.pdf",
                             "Documents/notes.json"}) {
        std::ofstream(dir.path / name) << "{}";
    }
    const char* saved = std::getenv("HOME");
    const std::string before = saved ? saved : "";
    ::setenv("HOME", dir.path.c_str(), 1);
    const std::vector<std::string> found = AppModel::files_from_home();
    if (saved) ::setenv("HOME", before.c_str(), 1);
    CHECK(found == std::vector<std::string>{(dir.path / "Documents/bran-b.json").string(), (dir.path / "Downloads/bran-c.json").string(),
                                            (dir.path / "bran-a.json").string()});
}

namespace {
std::string bytes_of(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// A session begun at home and saved for the appointment into `folder`; returns the record file.
std::string saved_at_home(const TempDir& dir, const std::string& folder) {
    Place home(dir.file("home.db"), Setting::home);
    home.model.choose_aid("small");
    home.model.walk(intent::Answer{"leaning", "wait"});
    home.model.walk(intent::GoTo{Step::summary});
    return home.model.take_to_appointment(folder, words());
}
}  // namespace

TEST_CASE("the clinic's Save my summary never overwrites the patient's own files from home", "[handoff]") {
    TempDir dir;
    const std::string home_record = saved_at_home(dir, dir.path.string());
    REQUIRE_FALSE(home_record.empty());
    const std::string home_pdf = home_record.substr(0, home_record.size() - 5) + ".pdf";
    const std::string record_before = bytes_of(home_record), pdf_before = bytes_of(home_pdf);
    REQUIRE_FALSE(pdf_before.empty());

    Place clinic(dir.file("clinic.db"), Setting::clinic);
    clinic.staff();
    clinic.model.open_from_home(home_record);
    REQUIRE(clinic.model.screen() == Screen::walkthrough);
    clinic.model.walk(intent::Answer{"decision", "tablets"});
    // Saved twice on the same day, into the folder the patient's files came from (their USB stick).
    const std::string first = clinic.model.take_to_appointment(dir.path.string(), words());
    const std::string second = clinic.model.take_to_appointment(dir.path.string(), words());
    REQUIRE_FALSE(first.empty());
    REQUIRE_FALSE(second.empty());
    CHECK(first != home_record);
    CHECK(second != first);
    CHECK(clinic.model.last_summary_pdf() != home_pdf);
    CHECK(bytes_of(home_record) == record_before);
    CHECK(bytes_of(home_pdf) == pdf_before);
    CHECK_THAT(bytes_of(first), Catch::Contains("tablets"));
}

TEST_CASE("a kiosk saves no patient file, also after staff open a file from home", "[handoff]") {
    TempDir dir;
    const std::string home_record = saved_at_home(dir, dir.path.string());
    REQUIRE_FALSE(home_record.empty());
    AppOptions kiosk;
    kiosk.kiosk = true;
    Place clinic(dir.file("kiosk.db"), Setting::clinic, kiosk);
    clinic.staff();
    clinic.model.open_from_home(home_record);
    REQUIRE(clinic.model.screen() == Screen::walkthrough);
    const auto before = std::distance(std::filesystem::directory_iterator(dir.path), std::filesystem::directory_iterator());
    CHECK(clinic.model.take_to_appointment(dir.path.string(), words()).empty());
    CHECK(std::distance(std::filesystem::directory_iterator(dir.path), std::filesystem::directory_iterator()) == before);
}

TEST_CASE("work done in the clinic on a session begun at home is credited to the clinic's clinician and site", "[handoff]") {
    TempDir dir;
    const std::string home_record = saved_at_home(dir, dir.path.string());
    AppOptions options;
    options.meta.clinician = "dr-jones";
    options.meta.site = "st-davids";
    Place clinic(dir.file("clinic.db"), Setting::clinic, options);
    clinic.staff();
    clinic.model.open_from_home(home_record);
    REQUIRE(clinic.model.walkthrough());
    const auto row = clinic.store.find(clinic.model.walkthrough()->session_id());
    REQUIRE(row);
    CHECK(row->meta.clinician == std::optional<std::string>("dr-jones"));
    CHECK(row->meta.site == std::optional<std::string>("st-davids"));
    AuditFilter by_clinician;
    by_clinician.group_by = GroupBy::clinician;
    const auto groups = read_audit(clinic.db, by_clinician);
    REQUIRE(groups.size() == 1);
    CHECK(groups[0].key == "dr-jones");
}
