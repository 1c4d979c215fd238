#include "engine/audit/audit_source.hpp"

#include "engine/audit/audit_rows.hpp"

namespace bran {

namespace {
std::optional<int> optional_int(sqlite3_stmt* s, int column) {
    const int value = sqlite3_column_int(s, column);  // -1: not assessable (see audit_query)
    if (value < 0) return std::nullopt;
    return value;
}
std::string_view text_view(sqlite3_stmt* s, int column) {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(s, column));
    return p ? std::string_view(p, static_cast<std::size_t>(sqlite3_column_bytes(s, column))) : std::string_view();
}
}  // namespace

std::vector<GroupFigures> read_audit(const Database& db, const AuditFilter& filter) {
    return summarise(read_audit_buckets(db, filter), filter.group_by, read_home_to_clinic(db, filter));
}

std::vector<AuditBucket> read_audit_buckets(const Database& db, const AuditFilter& filter) {
    // No mmap: over 10^6 sessions it was no faster and kept the whole file (300 MB) resident.
    Statement s = db.prepare(audit_query(filter.group_by));
    s.bind(1, filter.aid).bind(2, filter.from).bind(3, filter.to);
    AuditAccumulator accumulator;
    sqlite3_stmt* raw = s.handle();
    while (s.step()) {
        accumulator.add(row_group(s, filter.group_by), text_view(raw, 1), sqlite3_column_int(raw, 2) == 1, optional_int(raw, 3),
                        optional_int(raw, 4), optional_int(raw, 5), optional_int(raw, 6));
    }
    return accumulator.buckets();
}

std::map<std::string, HomeToClinicFigures> read_home_to_clinic(const Database& db, const AuditFilter& filter) {
    Statement s = db.prepare(home_to_clinic_query(filter.group_by));
    s.bind(1, filter.aid).bind(2, filter.from).bind(3, filter.to);
    return home_to_clinic_from_rows(s, filter.group_by);
}

namespace {
// A completed session to review: its choice goes against what the patient said mattered, or
// SURE found decisional conflict. ?1 aid id, ?2 first day, ?3 last day; NULL: no filter.
const char* const to_review =
    "FROM session s JOIN aid_version a ON a.id = s.aid_version_id "
    "WHERE s.status = 'completed' AND (s.concordance = 0 OR s.sure_score < 4) "
    "AND (?1 IS NULL OR a.aid_id = ?1) AND (?2 IS NULL OR SUBSTR(s.started_at, 1, 10) >= ?2) "
    "AND (?3 IS NULL OR SUBSTR(s.started_at, 1, 10) <= ?3)";
}  // namespace

long long count_sessions_to_review(const Database& db, const AuditFilter& filter) {
    Statement s = db.prepare(std::string("SELECT count(*) ") + to_review);
    s.bind(1, filter.aid).bind(2, filter.from).bind(3, filter.to);
    return s.step() ? s.integer(0) : 0;
}

std::vector<SessionToReview> read_sessions_to_review(const Database& db, const AuditFilter& filter, int limit) {
    Statement s = db.prepare(
        std::string("SELECT s.id, COALESCE(s.pseudonym, ''), COALESCE(s.clinician, ''), COALESCE(s.site, ''), s.started_at, a.aid_id, "
                    "COALESCE(s.choice, ''), s.concordance, s.sure_score ") +
        to_review + " ORDER BY s.started_at DESC LIMIT ?4");
    s.bind(1, filter.aid).bind(2, filter.from).bind(3, filter.to).bind(4, limit);
    std::vector<SessionToReview> rows;
    while (s.step()) {
        SessionToReview r;
        r.id = s.text(0);
        r.pseudonym = s.text(1);
        r.clinician = s.text(2);
        r.site = s.text(3);
        r.started_at = s.text(4);
        r.aid_id = s.text(5);
        r.choice = s.text(6);
        r.discordant = s.optional_integer(7) == std::optional<std::int64_t>(0);
        if (auto sure = s.optional_integer(8)) r.sure_score = static_cast<int>(*sure);
        rows.push_back(std::move(r));
    }
    return rows;
}

}  // namespace bran
