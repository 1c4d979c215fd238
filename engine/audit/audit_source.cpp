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

std::vector<GroupFigures> read_audit(const Database& db, const AuditFilter& filter, Progress* progress) {
    return summarise(read_audit_buckets(db, filter, progress), filter.group_by, read_home_to_clinic(db, filter));
}

std::vector<AuditBucket> read_audit_buckets(const Database& db, const AuditFilter& filter, Progress* progress) {
    // No mmap: over 10^6 sessions it was no faster and kept the whole file (300 MB) resident.
    Statement s = db.prepare(audit_query(filter.group_by));
    s.bind(1, filter.aid).bind(2, filter.from).bind(3, filter.to);
    AuditAccumulator accumulator;
    sqlite3_stmt* raw = s.handle();
    std::uint64_t sessions = 0;
    while (s.step()) {
        if (progress && ++sessions % 4096 == 0) progress->update("counting", sessions, 0);
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

long long count_sessions_to_review(const Database& db, const AuditFilter& filter) {
    Statement s = db.prepare(count_sessions_to_review_query());
    s.bind(1, filter.aid).bind(2, filter.from).bind(3, filter.to);
    return s.step() ? s.integer(0) : 0;
}

std::vector<SessionToReview> read_sessions_to_review(const Database& db, const AuditFilter& filter, int limit, long long skip) {
    Statement s = db.prepare(sessions_to_review_query());
    s.bind(1, filter.aid).bind(2, filter.from).bind(3, filter.to).bind(4, limit).bind(5, static_cast<std::int64_t>(skip));
    std::vector<SessionToReview> rows;
    while (s.step()) rows.push_back(read_review_row(s));
    return rows;
}

}  // namespace bran
