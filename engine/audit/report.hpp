// The personal-value audit over many sessions (shared/spec/audit.md): filters, grouping, and the
// figures for each group. The aggregate definitions live here, in one standard SQL query that
// runs unchanged on SQLite and PostgreSQL; per-session definitions live in assessment.cpp.
#pragma once
#include "engine/content/aid.hpp"
#include "engine/decision/answers.hpp"
#include "engine/decision/home_and_clinic.hpp"

#include <memory>

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace bran {

// knowledge: completed sessions only, by whether the patient's knowledge was adequate, so that
// choices can be compared between informed and uninformed patients.
enum class GroupBy { none, clinician, site, month, option, knowledge };
std::optional<GroupBy> group_by_from_name(const std::string& name);
const char* group_by_name(GroupBy group_by);

struct AuditFilter {
    std::optional<std::string> aid;   // aid id
    std::optional<std::string> from;  // YYYY-MM-DD, inclusive, on the day the session started
    std::optional<std::string> to;    // YYYY-MM-DD, inclusive
    GroupBy group_by = GroupBy::none;
};

struct Proportion {
    long long assessable = 0;
    long long yes = 0;
    std::optional<double> rate() const {
        return assessable == 0 ? std::nullopt : std::optional<double>(static_cast<double>(yes) / static_cast<double>(assessable));
    }
};

// How choices and ratings moved between home and the clinic, among completed sessions begun at
// home and carried on in the clinic (the hand-off). Definitions of a move: HomeAndClinic.
struct HomeToClinicFigures {
    long long sessions = 0;
    Proportion choice_changed;      // assessable: a choice at home and one now; yes: they differ
    long long ratings_changed = 0;  // sessions where at least one importance rating changed
    std::map<std::string, long long> moves;  // "<choice at home> -> <choice now>": sessions, changes only
    void add(const HomeAndClinic& session, std::string_view status);
};

struct GroupFigures {
    std::string key;  // the group's value, or "all"
    long long sessions = 0;
    long long completed = 0;
    Proportion concordance;
    long long no_clear_fit = 0;  // completed sessions whose best options fit about equally
    Proportion knowledge;
    Proportion informed_choice;
    Proportion sure;            // yes = passed (4 of 4)
    long long sure_score_sum = 0;
    std::optional<double> sure_mean() const {
        return sure.assessable == 0 ? std::nullopt
                                    : std::optional<double>(static_cast<double>(sure_score_sum) / static_cast<double>(sure.assessable));
    }
    std::map<std::string, long long> choices;  // among completed sessions: option id, unsure, defer
    HomeToClinicFigures home_to_clinic;
};

// One row of the query: the counts of one (group, choice) bucket.
struct AuditBucket {
    std::string group;
    std::string choice;  // empty when the session has no choice
    long long sessions = 0, completed = 0;
    long long concordance_assessable = 0, concordant = 0, no_clear_fit = 0;
    long long knowledge_assessable = 0, knowledge_adequate = 0;
    long long informed_assessable = 0, informed = 0;
    long long sure_assessable = 0, sure_pass = 0, sure_score_sum = 0;
};

// The query over the session facts table (columns named in schema.cpp), with ?1 aid, ?2 from,
// ?3 to as parameters (NULL: no filter). Standard SQL only, and no GROUP BY: a database
// without a hash aggregate (SQLite) would sort every row for it. Each row it returns is
// (group, choice, completed 0/1, concordance, knowledge_adequate, informed_choice, sure_score),
// the last four -1 where not assessable (concordance 2: no clear fit).
std::string audit_query(GroupBy group_by);

// For a database that keeps each session's audit facts packed in one small integer beside them
// (the central one: column audit_facts), the sessions counted by the server per group, choice
// and packed facts; the rows (group, choice, packed facts, sessions) go to add_packed. Millions
// of sessions cross the wire as a few thousand rows, and the definitions stay those of add().
// Same parameters as audit_query.
std::string audit_packed_query(GroupBy group_by);
// The facts as audit_query gives them (completed; the others nullopt where not assessable).
int pack_audit_facts(bool completed, std::optional<int> concordance, std::optional<int> knowledge_adequate,
                     std::optional<int> informed, std::optional<int> sure_score);
// The same from a session row as stored: its status and its fact columns (NULL: not assessable).
int pack_audit_facts(std::string_view status, std::optional<std::int64_t> concordance, std::optional<std::int64_t> knowledge_adequate,
                     std::optional<std::int64_t> informed, std::optional<std::int64_t> sure_score);

// The events of the completed sessions begun at home, with the same filters and parameters:
// rows of (group, session id, setting, item, new value as JSON text), in order of session and
// then of recording.
std::string home_to_clinic_query(GroupBy group_by);

// The group a session belongs to, from the query's first column (raw is null for SQL NULL).
std::string_view group_key(GroupBy group_by, const char* raw, std::size_t size);

// What the audit counts from one session's facts: every definition of audit.md that concerns
// more than one session lives here.
class AuditAccumulator {
public:
    void add(std::string_view group, std::string_view choice, bool completed, std::optional<int> concordant,
             std::optional<int> knowledge_adequate, std::optional<int> informed, std::optional<int> sure_score);
    // `sessions` sessions whose facts pack_audit_facts packed as `packed`.
    void add_packed(std::string_view group, std::string_view choice, int packed, long long sessions);
    std::vector<AuditBucket> buckets() const;

private:
    AuditBucket& bucket(std::string_view group, std::string_view choice);
    std::unordered_map<std::string, AuditBucket> m_buckets;
    std::string m_key;  // reused, so adding a session allocates nothing once its bucket exists
};

// A completed session an auditor may want to look at: its choice goes against what the patient
// said mattered, or the patient was not sure (SURE below 4). Pseudonyms only, never names.
struct SessionToReview {
    std::string id;
    std::string pseudonym;
    std::string clinician;
    std::string site;
    std::string started_at;
    std::string aid_id;
    std::string choice;
    bool discordant = false;
    std::optional<int> sure_score;
    // For a discordant session, what the verdict came from: the aid it was shown and the answers
    // (filled in by AppModel, which reads them; verdict_basis puts them in words).
    std::shared_ptr<const Aid> aid;
    Answers answers;
};
// The sessions to review, newest first (then by id, so that pages never overlap): ?1 aid id,
// ?2 first day, ?3 last day as for the audit, ?4 how many, ?5 how many newer ones to skip.
// Rows as read_review_row reads them.
std::string sessions_to_review_query();
// How many there are, with ?1 to ?3 alone.
std::string count_sessions_to_review_query();

// Sums buckets into groups, sorted by key. With no grouping, exactly one group "all", even
// when there are no sessions.
std::vector<GroupFigures> summarise(const std::vector<AuditBucket>& buckets, GroupBy group_by,
                                    const std::map<std::string, HomeToClinicFigures>& home_to_clinic = {});

}  // namespace bran
