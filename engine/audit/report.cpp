#include "engine/audit/report.hpp"

#include "engine/decision/assessment.hpp"

#include <algorithm>

namespace bran {

std::optional<GroupBy> group_by_from_name(const std::string& name) {
    for (GroupBy g : {GroupBy::none, GroupBy::clinician, GroupBy::site, GroupBy::month, GroupBy::option, GroupBy::knowledge}) {
        if (name == group_by_name(g)) return g;
    }
    return std::nullopt;
}

const char* group_by_name(GroupBy group_by) {
    switch (group_by) {
        case GroupBy::none: return "none";
        case GroupBy::clinician: return "clinician";
        case GroupBy::site: return "site";
        case GroupBy::month: return "month";
        case GroupBy::option: return "option";
        case GroupBy::knowledge: return "knowledge";
    }
    return "none";
}

namespace {

// The group column comes back raw; group_key() turns it into the key (a month from the start
// time, "(none)" for a missing code) without building a string per row in SQL.
std::string group_column(GroupBy group_by) {
    switch (group_by) {
        case GroupBy::none: return "NULL";
        case GroupBy::clinician: return "s.clinician";
        case GroupBy::site: return "s.site";
        case GroupBy::month: return "s.started_at";
        case GroupBy::option: return "s.choice";
        case GroupBy::knowledge: return "s.knowledge_adequate";
    }
    return "NULL";
}

// ?1 aid id, ?2 first day, ?3 last day; NULL: no filter.
const char* const session_filter =
    "(?1 IS NULL OR s.aid_version_id IN (SELECT a.id FROM aid_version a WHERE a.aid_id = ?1)) "
    "AND (?2 IS NULL OR SUBSTR(s.started_at, 1, 10) >= ?2) "
    "AND (?3 IS NULL OR SUBSTR(s.started_at, 1, 10) <= ?3)";

// Facts that are not assessable (NULL) come back as -1: one integer per fact to read.
const char* const session_facts =
    "COALESCE(s.choice, ''), CASE WHEN s.status = 'completed' THEN 1 ELSE 0 END, COALESCE(s.concordance, -1), "
    "COALESCE(s.knowledge_adequate, -1), COALESCE(s.informed_choice, -1), COALESCE(s.sure_score, -1)";

// By knowledge, only completed sessions have a group (audit.md).
std::string sessions_audited(GroupBy group_by) {
    return std::string("FROM session s WHERE ") + session_filter + (group_by == GroupBy::knowledge ? " AND s.status = 'completed'" : "");
}

}  // namespace

std::string audit_query(GroupBy group_by) {
    return "SELECT " + group_column(group_by) + ", " + session_facts + " " + sessions_audited(group_by);
}

std::string audit_packed_query(GroupBy group_by) {
    // A month is cut from the start time here (group_key leaves seven characters as they are),
    // or every session would be its own group.
    const std::string group = group_by == GroupBy::month ? "SUBSTR(s.started_at, 1, 7)" : group_column(group_by);
    return "SELECT " + group + ", COALESCE(s.choice, ''), s.audit_facts, count(*) " + sessions_audited(group_by) + " GROUP BY 1, 2, 3";
}

namespace {
// Each fact with "not assessable" as 0, in mixed radix: completed 2, concordance 4 (0, 1, no
// clear fit), knowledge 3, informed choice 3, SURE score 6 (0 to 4): 432 codes.
constexpr int radix_concordance = 4, radix_yes_no = 3, radix_sure = 6;
int shifted(std::optional<int> fact, int radix) { return fact && *fact >= 0 && *fact + 1 < radix ? *fact + 1 : 0; }
std::optional<int> unshifted(int digit) { return digit == 0 ? std::nullopt : std::optional<int>(digit - 1); }
}  // namespace

int pack_audit_facts(bool completed, std::optional<int> concordance, std::optional<int> knowledge_adequate,
                     std::optional<int> informed, std::optional<int> sure_score) {
    int packed = shifted(sure_score, radix_sure);
    packed = packed * radix_yes_no + shifted(informed, radix_yes_no);
    packed = packed * radix_yes_no + shifted(knowledge_adequate, radix_yes_no);
    packed = packed * radix_concordance + shifted(concordance, radix_concordance);
    return packed * 2 + (completed ? 1 : 0);
}

int pack_audit_facts(std::string_view status, std::optional<std::int64_t> concordance, std::optional<std::int64_t> knowledge_adequate,
                     std::optional<std::int64_t> informed, std::optional<std::int64_t> sure_score) {
    const auto fact = [](const std::optional<std::int64_t>& v) { return v ? std::optional<int>(static_cast<int>(*v)) : std::nullopt; };
    return pack_audit_facts(status == "completed", fact(concordance), fact(knowledge_adequate), fact(informed), fact(sure_score));
}

namespace {
// A completed session to review: its choice goes against what the patient said mattered, or
// SURE found decisional conflict.
const char* const to_review =
    "FROM session s JOIN aid_version a ON a.id = s.aid_version_id "
    "WHERE s.status = 'completed' AND (s.concordance = 0 OR s.sure_score < 4) "
    "AND (?1 IS NULL OR a.aid_id = ?1) AND (?2 IS NULL OR SUBSTR(s.started_at, 1, 10) >= ?2) "
    "AND (?3 IS NULL OR SUBSTR(s.started_at, 1, 10) <= ?3)";
}  // namespace

std::string sessions_to_review_query() {
    return std::string("SELECT s.id, COALESCE(s.pseudonym, ''), COALESCE(s.clinician, ''), COALESCE(s.site, ''), s.started_at, "
                       "a.aid_id, COALESCE(s.choice, ''), s.concordance, s.sure_score ") +
           to_review + " ORDER BY s.started_at DESC, s.id LIMIT ?4 OFFSET ?5";
}

std::string count_sessions_to_review_query() { return std::string("SELECT count(*) ") + to_review; }

std::string home_to_clinic_query(GroupBy group_by) {
    // Driven by the few sessions with an answer from home (index event_at_home), not by a scan
    // of every session. The status comes back as a column for add() to test: a test on it here
    // matches the audit index's first column, and SQLite's planner (with no statistics) then
    // walks every completed session instead (10^6 sessions: 1.6 s instead of milliseconds).
    return "SELECT " + group_column(group_by) + ", e.session_id, e.setting, e.item, e.new_value, s.status "
           "FROM (SELECT DISTINCT session_id FROM event WHERE setting = 'home') h "
           "JOIN session s ON s.id = h.session_id "
           "JOIN event e ON e.session_id = h.session_id "
           "WHERE " + std::string(session_filter) + " ORDER BY e.session_id, e.seq";
}

void HomeToClinicFigures::add(const HomeAndClinic& session, std::string_view status) {
    // Completed sessions only, as every other rate (audit.md).
    if (status != "completed" || !session.continued_after_home()) return;
    ++sessions;
    const auto then = session.choice_at_home();
    const auto now = session.choice_now();
    if (then && now) {
        ++choice_changed.assessable;
        if (*then != *now) {
            ++choice_changed.yes;
            ++moves[*then + " -> " + *now];
        }
    }
    if (!session.ratings_moved().empty()) ++ratings_changed;
}

std::string_view group_key(GroupBy group_by, const char* raw, std::size_t size) {
    if (group_by == GroupBy::none) return "all";
    if (group_by == GroupBy::knowledge) {
        if (!raw) return "not-assessable";
        return std::string_view(raw, size) == "1" ? "adequate" : "not-adequate";
    }
    if (!raw) return "(none)";
    if (group_by == GroupBy::month) return std::string_view(raw, std::min<std::size_t>(size, 7));  // YYYY-MM
    return std::string_view(raw, size);
}

AuditBucket& AuditAccumulator::bucket(std::string_view group, std::string_view choice) {
    m_key.assign(group);
    m_key += '\x1f';
    m_key.append(choice);
    auto it = m_buckets.find(m_key);
    if (it == m_buckets.end()) {
        it = m_buckets.emplace(m_key, AuditBucket{}).first;
        it->second.group = std::string(group);
        it->second.choice = std::string(choice);
    }
    return it->second;
}

namespace {
// What the audit counts of `n` sessions with these facts: every definition of audit.md that
// concerns more than one session. `sessions` counts every session; every rate counts completed
// sessions only, and only where the figure is assessable (the per-session fact is present).
void count_sessions(AuditBucket& b, long long n, bool completed, std::optional<int> concordant, std::optional<int> knowledge_adequate,
                    std::optional<int> informed, std::optional<int> sure_score) {
    b.sessions += n;
    if (!completed) return;
    b.completed += n;
    // No clear fit: the verdict cannot call any choice concordant or not (value-concordance.md).
    if (concordant == no_clear_fit_code) b.no_clear_fit += n;
    else if (concordant) b.concordance_assessable += n, b.concordant += (*concordant == 1) * n;
    if (knowledge_adequate) b.knowledge_assessable += n, b.knowledge_adequate += (*knowledge_adequate == 1) * n;
    if (informed) b.informed_assessable += n, b.informed += (*informed == 1) * n;
    // SURE passes at 4 of 4; the mean score is over the same assessable sessions.
    if (sure_score) b.sure_assessable += n, b.sure_pass += (*sure_score == 4) * n, b.sure_score_sum += *sure_score * n;
}
}  // namespace

void AuditAccumulator::add(std::string_view group, std::string_view choice, bool completed, std::optional<int> concordant,
                           std::optional<int> knowledge_adequate, std::optional<int> informed, std::optional<int> sure_score) {
    count_sessions(bucket(group, choice), 1, completed, concordant, knowledge_adequate, informed, sure_score);
}

void AuditAccumulator::add_packed(std::string_view group, std::string_view choice, int packed, long long sessions) {
    const bool completed = packed % 2 == 1;
    packed /= 2;
    const auto concordance = unshifted(packed % radix_concordance);
    packed /= radix_concordance;
    const auto knowledge = unshifted(packed % radix_yes_no);
    packed /= radix_yes_no;
    const auto informed = unshifted(packed % radix_yes_no);
    packed /= radix_yes_no;
    count_sessions(bucket(group, choice), sessions, completed, concordance, knowledge, informed, unshifted(packed % radix_sure));
}

std::vector<AuditBucket> AuditAccumulator::buckets() const {
    std::vector<AuditBucket> out;
    out.reserve(m_buckets.size());
    for (const auto& entry : m_buckets) out.push_back(entry.second);
    return out;
}

std::vector<GroupFigures> summarise(const std::vector<AuditBucket>& buckets, GroupBy group_by,
                                    const std::map<std::string, HomeToClinicFigures>& home_to_clinic) {
    std::map<std::string, GroupFigures> groups;
    if (group_by == GroupBy::none) groups["all"].key = "all";
    for (const AuditBucket& b : buckets) {
        GroupFigures& g = groups[b.group];
        g.key = b.group;
        g.sessions += b.sessions;
        g.completed += b.completed;
        g.concordance.assessable += b.concordance_assessable;
        g.concordance.yes += b.concordant;
        g.no_clear_fit += b.no_clear_fit;
        g.knowledge.assessable += b.knowledge_assessable;
        g.knowledge.yes += b.knowledge_adequate;
        g.informed_choice.assessable += b.informed_assessable;
        g.informed_choice.yes += b.informed;
        g.sure.assessable += b.sure_assessable;
        g.sure.yes += b.sure_pass;
        g.sure_score_sum += b.sure_score_sum;
        // Choices (decision, else leaning) are counted among completed sessions.
        if (!b.choice.empty() && b.completed > 0) g.choices[b.choice] += b.completed;
    }
    for (const auto& [key, figures] : home_to_clinic) {
        // Every such session is also among the buckets, so its group exists already.
        if (auto it = groups.find(key); it != groups.end()) it->second.home_to_clinic = figures;
    }
    std::vector<GroupFigures> out;
    for (auto& entry : groups) out.push_back(std::move(entry.second));
    return out;
}

}  // namespace bran
