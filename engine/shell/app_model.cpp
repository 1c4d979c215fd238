#include "engine/shell/app_model.hpp"

#include "engine/audit/audit_output.hpp"
#include "engine/core/errors.hpp"
#include "engine/core/files.hpp"
#include "engine/core/ids_and_time.hpp"
#include "engine/interop/hand_off.hpp"
#include "engine/interop/session_record.hpp"
#include "engine/report/summary_pdf.hpp"
#include "engine/session/clinician_pin.hpp"
#include "engine/store/event_replay.hpp"
#include "engine/store/store_error.hpp"
#include "engine/view/staff_views.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <limits>

namespace bran {

AppModel::AppModel(const Library& library, Database& db, SessionStore& store, AppOptions options)
    : m_library(library), m_db(db), m_store(store), m_options(std::move(options)), m_locale(m_options.locale) {}

void AppModel::choose_aid(const std::string& aid_id) {
    const Aid* aid = m_library.find(aid_id);
    if (!aid) return;
    SessionMeta meta = m_options.meta;
    meta.locale = m_locale;
    try {
        m_walkthrough = Walkthrough::start(*aid, m_store, m_options.kiosk ? Setting::kiosk : m_options.setting, meta);
    } catch (const StoreError& e) {
        m_notice = e.is_disk_full() ? "notice.disk-full"
                 : e.is_io_error()  ? "notice.io-error"
                 : e.is_read_only() ? "notice.read-only"
                                    : "notice.not-saved";
        return;
    }
    forget_saved_files();
    m_notice.clear();
    m_screen = Screen::walkthrough;
    ++m_generation;
}

ApplyResult AppModel::walk(const Intent& intent) {
    if (!m_walkthrough) return {false, "no session"};
    ApplyResult result = m_walkthrough->apply(intent);
    if (!result.ok) {
        const std::string& e = result.error;
        m_notice = e == "disk-full" ? "notice.disk-full"
                 : e == "io-error"  ? "notice.io-error"
                 : e == "read-only" ? "notice.read-only"
                                    : "notice.not-saved";
    } else {
        m_notice = m_store.receipts_problem().empty() ? "" : "notice.receipts-failed";
    }
    return result;
}

void AppModel::start_over() {
    if (m_walkthrough) m_walkthrough->apply(intent::Abandon{});
    m_walkthrough.reset();
    forget_saved_files();
    m_screen = Screen::home;
    m_notice.clear();
    ++m_generation;
}

void AppModel::finish_session() {
    // The session is complete already (the summary was reached); nothing is abandoned here.
    m_walkthrough.reset();
    forget_saved_files();
    m_screen = Screen::home;
    ++m_generation;
}

void AppModel::set_text_size(int size) { m_text_size = std::clamp(size, 0, largest_text_size); }

void AppModel::request_quit() {
    if (!m_options.kiosk) {
        m_should_quit = true;
        return;
    }
    m_pin_purpose = PinPurpose::leave_kiosk;
    if (m_screen != Screen::pin) m_screen_before_pin = m_screen;
    m_screen = Screen::pin;
    ++m_pin_prompts;
}

void AppModel::request_clinician_views() {
    m_pin_purpose = PinPurpose::clinician_views;
    if (m_screen != Screen::pin) m_screen_before_pin = m_screen;
    m_screen = Screen::pin;
    ++m_pin_prompts;
}

void AppModel::press(const ButtonBlock& button, const std::string& typed, double wall_seconds) {
    switch (button.action) {
        case Action::open_aid: choose_aid(button.target); break;
        case Action::finish: finish_session(); break;
        case Action::enter_pin:
            if (!checking_pin()) submit_pin(typed, wall_seconds);
            break;
        case Action::cancel_pin: cancel_pin(); break;
        case Action::open_audit: open_audit(); break;
        case Action::open_file: {
            const std::string& path = button.target.empty() ? typed : button.target;
            if (!path.empty()) open_from_home(path);
            break;
        }
        case Action::leave_staff: leave_clinician_views(); break;
        case Action::close_app: close_from_clinician_views(); break;
        case Action::group_by:
            if (auto g = group_by_from_name(button.target)) set_audit_group(*g);
            break;
        case Action::show_aid:
            set_audit_aid(button.target.empty() ? std::nullopt : std::optional<std::string>(button.target));
            break;
        case Action::export_audit: export_audit_csv(); break;
        case Action::review_page: {
            const auto page = static_cast<long long>(sessions_shown_for_review);
            m_review_skip = button.target == "older" ? m_review_skip + page : std::max(0LL, m_review_skip - page);
            m_review_news = true;
            try {
                read_review_page();
            } catch (const StoreError&) {
                m_notice = "notice.audit-failed";
            }
            break;
        }
        case Action::take_home:
        case Action::still_here: break;
    }
}

void AppModel::submit_pin(const std::string& pin, double wall_seconds) {
    if (m_pin_check) return;
    PinGate gate;
    try {
        gate = begin_pin_try(m_db, wall_seconds);
    } catch (const std::exception&) {
        gate.refused = PinTry::wrong;
    }
    if (gate.refused != PinTry::accepted) {
        show_pin_outcome(gate.refused);
        return;
    }
    m_notice = "notice.pin-checking";
    m_pin_wall_seconds = wall_seconds;
    m_pin_check_prompt = m_pin_prompts;
    m_pin_check = std::async(std::launch::async, [hash = std::move(gate.hash), pin] {
        return pin_matches_hash(hash, pin);
    });
}

void AppModel::take_pin_outcome() {
    bool matched = false;
    try {
        matched = m_pin_check->get();
    } catch (const std::exception&) {
        matched = false;
    }
    m_pin_check.reset();
    PinTry result = PinTry::wrong;
    try {
        result = finish_pin_try(m_db, matched, m_pin_wall_seconds);
    } catch (const std::exception&) {
        result = PinTry::wrong;
    }
    // The outcome opens only what it was typed for: a PIN cancelled while it was checked (or
    // wiped, or asked for again, for something else) is counted, but opens nothing.
    if (m_screen == Screen::pin && m_pin_check_prompt == m_pin_prompts) show_pin_outcome(result);
}

void AppModel::wait_for_pin_check() {
    if (m_pin_check) take_pin_outcome();
}

void AppModel::show_pin_outcome(PinTry result) {
    if (result != PinTry::accepted) {
        m_notice = result == PinTry::wait      ? "notice.pin-wait"
                 : result == PinTry::not_set   ? "notice.pin-not-set"
                                               : "notice.pin-wrong";
        return;
    }
    m_notice.clear();
    if (m_pin_purpose == PinPurpose::leave_kiosk) {
        m_should_quit = true;
    } else {
        m_screen = Screen::clinician;
        m_home_files = files_from_home();
    }
}

void AppModel::cancel_pin() {
    ++m_pin_prompts;
    m_screen = m_screen_before_pin;
    m_notice.clear();
}

bool AppModel::idle_clock_running() const {
    // The list of aids shows nothing private; everything else is wiped when left alone.
    return m_options.kiosk && (m_screen != Screen::home || m_walkthrough.has_value());
}

void AppModel::on_input(double now) {
    m_last_input = now;
    m_idle_prompt_since.reset();
}

void AppModel::tick(double now) {
    if (m_pin_check && m_pin_check->wait_for(std::chrono::seconds(0)) == std::future_status::ready) take_pin_outcome();
    if (!idle_clock_running()) {
        m_idle_prompt_since.reset();
        return;
    }
    if (!m_idle_prompt_since && now - m_last_input >= m_options.idle_seconds) m_idle_prompt_since = now;
    if (m_idle_prompt_since && now - *m_idle_prompt_since >= m_options.grace_seconds) wipe();
}

std::optional<double> AppModel::next_deadline() const {
    if (!idle_clock_running()) return std::nullopt;
    if (m_idle_prompt_since) return *m_idle_prompt_since + m_options.grace_seconds;
    return m_last_input + m_options.idle_seconds;
}

double AppModel::seconds_until_wipe(double now) const {
    return m_idle_prompt_since ? std::max(0.0, *m_idle_prompt_since + m_options.grace_seconds - now) : 0.0;
}

void AppModel::open_audit() {
    if (m_screen != Screen::clinician && m_screen != Screen::audit) return;  // the PIN opened the staff views
    m_screen = Screen::audit;
    m_notice.clear();  // what the staff menu said (a file refused) is not about the audit
    m_last_export.clear();
    m_review_skip = 0;
    refresh_audit();
}

void AppModel::set_audit_group(GroupBy group_by) {
    m_audit_filter.group_by = group_by;
    m_review_skip = 0;
    refresh_audit();
}

void AppModel::set_audit_aid(std::optional<std::string> aid_id) {
    m_audit_filter.aid = std::move(aid_id);
    m_review_skip = 0;
    refresh_audit();
}

void AppModel::refresh_audit() {
    try {
        m_audit_groups = read_audit(m_db, m_audit_filter);
        // Clinicians or sites compared (the funnel plots), once per change of the figures.
        m_audit_variation = compares_providers(m_audit_filter.group_by) && m_audit_groups.size() > 1
                                ? variation_figures(m_audit_groups, false)
                                : VariationFigures{};
        m_review_total = count_sessions_to_review(m_db, m_audit_filter);
        read_review_page();
    } catch (const StoreError&) {
        m_notice = "notice.audit-failed";
    }
}

void AppModel::read_review_page() {
    m_review = read_sessions_to_review(m_db, m_audit_filter, static_cast<int>(sessions_shown_for_review), m_review_skip);
    // What each flagged verdict came from, for the auditor to see why: the aid text that
    // session was shown (a handful of versions), and its answers.
    std::map<std::string, std::shared_ptr<const Aid>> shown;
    for (SessionToReview& r : m_review) {
        if (!r.discordant) continue;
        const std::string content = m_store.aid_content(r.id);
        auto aid = shown.find(content);
        if (aid == shown.end()) {
            LoadedAid loaded = load_aid_text(content, "(stored aid)", RuleContext{});
            aid = shown.emplace(content, loaded.aid ? std::make_shared<const Aid>(*loaded.aid) : nullptr).first;
        }
        r.aid = aid->second;
        std::string status;
        replay_events(m_store.events(r.id), r.answers, status);
    }
}

namespace {
// Saves the files (suffix, bytes) under the first name not yet taken ("-2", "-3", ... after
// the first), so that a patient's own files, such as the ones brought from home on their USB
// stick, are never replaced. Returns the record's path.
std::string save_as_new_files(const std::string& stem, const std::vector<std::pair<std::string, std::string>>& files) {
    for (int n = 1; n <= 999; ++n) {
        const std::string name = n == 1 ? stem : stem + "-" + std::to_string(n);
        std::error_code ec;
        if (std::any_of(files.begin(), files.end(), [&](const auto& f) { return std::filesystem::exists(name + f.first, ec); })) continue;
        std::size_t written = 0;
        while (written < files.size() && write_new_file(name + files[written].first, files[written].second)) ++written;
        if (written == files.size()) return name;
        for (std::size_t i = 0; i < written; ++i) std::filesystem::remove(name + files[i].first, ec);
    }
    throw IoError(stem + files.front().first + ": 999 files of this name are already there");
}
}  // namespace

std::string AppModel::export_audit_csv() {
    // Where a staff member finds it: their Documents folder (made if missing), else beside the
    // database. The figures and every session to review (not one page), each file new, so that
    // an earlier export is never replaced.
    std::vector<std::filesystem::path> folders;
    if (const char* home = std::getenv("HOME"); home && *home) folders.push_back(std::filesystem::path(home) / "Documents");
    folders.push_back(std::filesystem::absolute(m_db.path()).parent_path());
    m_last_export.clear();
    m_last_export_review.clear();
    m_notice = "notice.export-failed";
    try {
        const std::string figures = audit_csv(m_audit_groups);
        const std::string review = sessions_to_review_csv(read_sessions_to_review(m_db, m_audit_filter, std::numeric_limits<int>::max()));
        for (const auto& folder : folders) {
            std::error_code ec;
            std::filesystem::create_directories(folder, ec);
            try {
                const std::string stem =
                    save_as_new_files((folder / ("bran-audit-" + today_iso_date())).string(), {{".csv", figures}, {"-to-review.csv", review}});
                m_last_export = stem + ".csv";
                m_last_export_review = std::filesystem::path(stem + "-to-review.csv").filename().string();
                m_export_news = true;
                m_notice.clear();
                break;
            } catch (const std::exception&) {
                continue;  // this folder cannot be written: the next
            }
        }
    } catch (const StoreError&) {
    }
    return m_last_export;
}


std::string AppModel::take_to_appointment(const std::string& folder, const Catalog& words) {
    // A kiosk is a shared computer: a patient's files left on it would be there for the next one.
    if (m_options.kiosk || !m_walkthrough || m_walkthrough->setting() == Setting::kiosk) return "";
    const Walkthrough& w = *m_walkthrough;
    const auto row = m_store.find(w.session_id());
    if (!row) return "";
    const std::string stem = (std::filesystem::path(folder) / ("bran-" + w.aid().id + "-" + today_iso_date() + "-" +
                                                             w.session_id().substr(0, 8))).string();
    forget_saved_files();
    try {
        const auto record = to_questionnaire_response(*row, w.aid(), m_store.events(w.session_id()));
        // The printable summary goes beside the record, for the patient to read and bring along.
        const std::string pdf =
            render_summary_pdf(SummaryDocument{w.aid(), *row, w.answers(), w.status(), words, &w.home_and_clinic()}, false);
        const std::string saved = save_as_new_files(stem, {{".json", record.dump(2) + "\n"}, {".pdf", pdf}});
        m_last_record = saved + ".json";
        m_last_pdf = saved + ".pdf";
        m_notice.clear();
    } catch (const std::exception&) {
        m_notice = "notice.export-failed";
        forget_saved_files();
    }
    return m_last_record;
}

void AppModel::open_from_home(const std::string& path) {
    if (m_screen != Screen::clinician) return;
    m_hand_off_message.clear();
    Library aids = m_library;
    for (const std::string& content : m_store.stored_aid_contents()) aids.add(load_aid_text(content, "(stored aid)", RuleContext{}));
    const HandOff hand_off = receive_from_home(path, m_store, aids);
    if (hand_off.outcome == HandOff::Outcome::refused) {
        for (const Diagnostic& d : hand_off.problems.items()) m_hand_off_message += d.to_line() + "\n";
        m_notice = "notice.hand-off-refused";
        return;
    }
    const auto row = m_store.find(hand_off.session_id);
    const Aid* aid = row ? m_library.find(row->aid_id, row->aid_version) : nullptr;
    if (row && !aid) {
        m_stored_aids.add(load_aid_text(m_store.aid_content(row->id), row->aid_id, RuleContext{}));
        aid = m_stored_aids.find(row->aid_id, row->aid_version);
    }
    if (!aid) {
        m_notice = "notice.hand-off-refused";
        return;
    }
    forget_saved_files();
    // What the clinic records from here on is its clinician's and site's work.
    const Setting setting = m_options.kiosk ? Setting::kiosk : Setting::clinic;
    m_store.credit_if_unattributed(hand_off.session_id, m_options.meta, now_iso(), setting_name(setting));
    m_walkthrough = Walkthrough::resume(*aid, m_store, hand_off.session_id, setting);
    m_walkthrough->apply(intent::GoTo{Step::summary});
    m_screen = Screen::walkthrough;
    m_notice = hand_off.outcome == HandOff::Outcome::already_here ? "notice.already-imported" : "";
    ++m_generation;
}

std::vector<std::string> AppModel::files_from_home() {
    std::vector<std::filesystem::path> folders;
    if (const char* home = std::getenv("HOME")) {
        folders.emplace_back(home);
        folders.emplace_back(std::filesystem::path(home) / "Documents");
        folders.emplace_back(std::filesystem::path(home) / "Downloads");
    }
    std::error_code ec;
    for (const auto& user : std::filesystem::directory_iterator("/media", ec)) {
        for (const auto& stick : std::filesystem::directory_iterator(user.path(), ec)) folders.push_back(stick.path());
    }
    std::vector<std::string> files;
    for (const auto& folder : folders) {
        for (const auto& entry : std::filesystem::directory_iterator(folder, ec)) {
            const std::string name = entry.path().filename().string();
            // Only regular files: opening a pipe named like a record would hang the staff view.
            if (name.rfind("bran-", 0) == 0 && entry.path().extension() == ".json" && entry.is_regular_file(ec)) {
                files.push_back(entry.path().string());
            }
        }
    }
    std::sort(files.begin(), files.end());
    return files;
}

void AppModel::wipe() {
    // The next person must see nothing of the last: close the session, forget the screen and
    // go back to the defaults.
    start_over();
    ++m_wipes;
    m_idle_prompt_since.reset();
    m_locale = m_options.locale;
    m_text_size = 0;
    m_high_contrast = false;
    m_read_every_screen = false;
    m_screen = Screen::home;
}

}  // namespace bran
