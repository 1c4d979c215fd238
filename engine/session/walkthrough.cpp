#include "engine/session/walkthrough.hpp"

#include "engine/core/errors.hpp"
#include "engine/core/ids_and_time.hpp"
#include "engine/store/event_replay.hpp"
#include "engine/store/store_error.hpp"

#include <algorithm>

namespace bran {

const char* setting_name(Setting setting) {
    switch (setting) {
        case Setting::clinic: return "clinic";
        case Setting::home: return "home";
        case Setting::kiosk: return "kiosk";
    }
    return "clinic";
}

Walkthrough::Walkthrough(const Aid& aid, SessionStore& store, Setting setting, Clock clock)
    : m_aid(&aid), m_store(&store), m_setting(setting), m_clock(clock ? std::move(clock) : Clock(now_iso)) {}

Walkthrough Walkthrough::start(const Aid& aid, SessionStore& store, Setting setting, const SessionMeta& meta, Clock clock) {
    Walkthrough w(aid, store, setting, std::move(clock));
    w.m_session_id = store.create_session(aid, meta, w.m_clock(), step_name(w.m_step), setting_name(setting));
    return w;
}

Walkthrough Walkthrough::resume(const Aid& aid, SessionStore& store, const std::string& session_id, Setting setting,
                                Clock clock) {
    const auto row = store.find(session_id);
    if (!row) throw StoreError(SQLITE_NOTFOUND, SQLITE_NOTFOUND, "no session " + session_id);
    Walkthrough w(aid, store, setting, std::move(clock));
    w.m_session_id = session_id;
    const auto events = store.events(session_id);
    replay_events(events, w.m_answers, w.m_status);
    w.m_home_and_clinic = moves_since_home(events);
    w.m_step = step_from_name(row->step).value_or(Step::what_matters);
    return w;
}

int Walkthrough::pages_in(Step step) const {
    const auto count = [](std::size_t n) { return std::max(1, static_cast<int>(n)); };
    switch (step) {
        case Step::bran: return count(m_aid->options.size());
        case Step::outcomes: return count(m_aid->outcomes.size() + (m_aid->personalisation ? 1 : 0));
        case Step::values: return count(m_aid->criteria.size());
        case Step::knowledge: return count(m_aid->knowledge.questions.size());
        case Step::sure: return static_cast<int>(sure_items().size());
        default: return 1;
    }
}

const Outcome* Walkthrough::current_outcome() const {
    if (m_step != Step::outcomes) return nullptr;
    const int index = m_page - (m_aid->personalisation ? 1 : 0);
    if (index < 0 || index >= static_cast<int>(m_aid->outcomes.size())) return nullptr;
    return &m_aid->outcomes[static_cast<std::size_t>(index)];
}

ApplyResult Walkthrough::fail(const std::string& message) {
    m_error = message;
    return {false, message};
}

ApplyResult Walkthrough::record(const std::string& item, const nlohmann::json& old_value, const nlohmann::json& new_value,
                                const Answers& after, const std::string& status) {
    EventRow event;
    event.session_id = m_session_id;
    event.at = m_clock();
    event.setting = setting_name(m_setting);
    event.step = step_name(m_step);
    event.item = item;
    event.old_value = old_value;
    event.new_value = new_value;
    try {
        m_store->append(std::move(event), SessionUpdate{status, step_name(m_step), assess(*m_aid, after)});
    } catch (const StoreError& e) {
        // The answer is not shown as given: the screen keeps the old value and says why.
        if (e.is_disk_full()) return fail("disk-full");
        if (e.is_io_error()) return fail("io-error");
        if (e.is_read_only()) return fail("read-only");
        return fail(std::string("store: ") + e.what());
    }
    m_error.clear();
    return {};
}

ApplyResult Walkthrough::answer(const std::string& item, const nlohmann::json& value) {
    const std::string problem = validate_answer(*m_aid, item, value);
    if (!problem.empty()) return fail(item + ": " + problem);
    const nlohmann::json old_value = m_answers.get(item);
    if (old_value == value) return {};
    Answers after = m_answers;
    after.set(item, value);
    ApplyResult result = record(item, old_value, value, after, m_status);
    if (result.ok) {
        m_answers = std::move(after);
        m_home_and_clinic.add(setting_name(m_setting), item, value);
    }
    return result;
}

ApplyResult Walkthrough::set_status(const std::string& status) {
    if (status == m_status) return {};
    ApplyResult result = record("status", m_status, status, m_answers, status);
    if (result.ok) m_status = status;
    return result;
}

void Walkthrough::move_to(Step step, int page) {
    m_step = step;
    m_page = page;
    try {
        m_store->save_step(m_session_id, step_name(step));
    } catch (const StoreError&) {
        // Where the patient is matters only for resuming; the answers themselves are safe.
    }
}

ApplyResult Walkthrough::apply(const Intent& intent) {
    const auto& steps = all_steps();
    const int index = step_index(m_step);
    if (std::holds_alternative<intent::Answer>(intent)) {
        const auto& a = std::get<intent::Answer>(intent);
        return answer(a.item, a.value);
    }
    if (std::holds_alternative<intent::Abandon>(intent)) {
        // A session the patient finished stays completed; the wipe only closes unfinished ones.
        return m_status == "in-progress" ? set_status("abandoned") : ApplyResult{};
    }
    if (std::holds_alternative<intent::Next>(intent)) {
        if (m_page + 1 < page_count()) {
            move_to(m_step, m_page + 1);
            return {};
        }
        if (index + 1 >= static_cast<int>(steps.size())) return {};
        move_to(steps[static_cast<std::size_t>(index + 1)], 0);
    } else if (std::holds_alternative<intent::Back>(intent)) {
        if (m_page > 0) {
            move_to(m_step, m_page - 1);
            return {};
        }
        if (index == 0) return {};
        const Step previous = steps[static_cast<std::size_t>(index - 1)];
        move_to(previous, pages_in(previous) - 1);
    } else if (std::holds_alternative<intent::GoTo>(intent)) {
        const auto& go = std::get<intent::GoTo>(intent);
        move_to(go.step, std::max(0, std::min(go.page, pages_in(go.step) - 1)));
    }
    // Reaching the summary is the end of the patient's part: the session is complete.
    if (step_index(m_step) >= step_index(Step::summary) && m_status == "in-progress") return set_status("completed");
    return {};
}

}  // namespace bran
