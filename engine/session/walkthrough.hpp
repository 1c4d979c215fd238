// One patient working through one aid: the current step, what the patient said, and the intents
// a screen may send. Every answer is recorded durably before the state changes, so what the
// screen shows as given is on disk.
#pragma once
#include "engine/decision/assessment.hpp"
#include "engine/content/aid.hpp"
#include "engine/decision/answers.hpp"
#include "engine/decision/home_and_clinic.hpp"
#include "engine/decision/risk_scores.hpp"
#include "engine/decision/steps.hpp"
#include "engine/store/session_store.hpp"

#include <functional>
#include <string>
#include <variant>

namespace bran {

namespace intent {
struct Next {};
struct Back {};
struct GoTo {
    Step step;
    int page = 0;
};
// Give, change or (with null) clear an answer; item is a linkId of session-record.md.
struct Answer {
    std::string item;
    nlohmann::json value;
};
// The kiosk's idle wipe, or "start again" before the end.
struct Abandon {};
}  // namespace intent

using Intent = std::variant<intent::Next, intent::Back, intent::GoTo, intent::Answer, intent::Abandon>;

struct ApplyResult {
    bool ok = true;
    std::string error;  // for the screen when !ok: what went wrong, in words
};

// Where this session is being used: recorded with every answer.
enum class Setting { clinic, home, kiosk };
const char* setting_name(Setting setting);

class Walkthrough {
public:
    using Clock = std::function<std::string()>;

    // Starts a new session (recorded at once as in progress).
    static Walkthrough start(const Aid& aid, SessionStore& store, Setting setting, const SessionMeta& meta,
                             Clock clock = nullptr);
    // Continues a recorded session: its answers and status rebuilt from its events.
    static Walkthrough resume(const Aid& aid, SessionStore& store, const std::string& session_id, Setting setting,
                              Clock clock = nullptr);

    ApplyResult apply(const Intent& intent);

    const Aid& aid() const { return *m_aid; }
    const std::string& session_id() const { return m_session_id; }
    const std::string& status() const { return m_status; }
    Step step() const { return m_step; }
    // Steps with several pages show one thing per page: one option (BRAN), the risk questions then
    // one outcome per page (outcomes), one criterion (values), one question (knowledge, SURE).
    int page() const { return m_page; }
    int page_count() const { return pages_in(m_step); }
    int pages_in(Step step) const;
    // On the outcomes step of a personalised aid, page 0 asks the risk questions.
    bool is_risk_page() const { return m_step == Step::outcomes && m_aid->personalisation && m_page == 0; }
    // The outcome shown on the current outcomes page, if any.
    const Outcome* current_outcome() const;
    const Answers& answers() const { return m_answers; }
    Assessment assessment() const { return assess(*m_aid, m_answers); }
    std::map<std::string, ScoreResult> scores() const { return compute_scores(*m_aid, m_answers); }
    bool is_first_page() const { return m_step == all_steps().front() && m_page == 0; }
    bool is_last_step() const { return m_step == all_steps().back(); }
    // What the patient last said at home against what stands now.
    const HomeAndClinic& home_and_clinic() const { return m_home_and_clinic; }
    // Away from home, a session begun at home shows what has changed since.
    Setting setting() const { return m_setting; }
    bool shows_home_changes() const { return m_setting != Setting::home && m_home_and_clinic.answered_at_home(); }
    // The last recording problem, until the next successful action.
    const std::string& error() const { return m_error; }


private:
    Walkthrough(const Aid& aid, SessionStore& store, Setting setting, Clock clock);
    ApplyResult answer(const std::string& item, const nlohmann::json& value);
    ApplyResult set_status(const std::string& status);
    ApplyResult record(const std::string& item, const nlohmann::json& old_value, const nlohmann::json& new_value,
                       const Answers& after, const std::string& status);
    void move_to(Step step, int page);
    ApplyResult fail(const std::string& message);

    const Aid* m_aid;
    SessionStore* m_store;
    Setting m_setting;
    Clock m_clock;
    std::string m_session_id;
    std::string m_status = "in-progress";
    Step m_step = Step::what_matters;
    int m_page = 0;
    Answers m_answers;
    HomeAndClinic m_home_and_clinic;
    std::string m_error;
};

}  // namespace bran
