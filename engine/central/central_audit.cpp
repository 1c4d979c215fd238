#include "engine/central/central_audit.hpp"

#include "engine/audit/audit_rows.hpp"
#include "engine/central/central_schema.hpp"

namespace bran {

std::vector<GroupFigures> read_central_audit(PgConnection& db, const AuditFilter& filter) {
    require_current_central_schema(db);
    // Both queries see the same moment, however many sites push meanwhile.
    PgTransaction snapshot(db);
    db.exec("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
    PgQuery counts = db.query(audit_packed_query(filter.group_by));
    counts.bind(1, filter.aid).bind(2, filter.from).bind(3, filter.to);
    const std::vector<AuditBucket> buckets = buckets_from_packed(counts, filter.group_by);
    PgQuery homes = db.query(home_to_clinic_query(filter.group_by));
    homes.bind(1, filter.aid).bind(2, filter.from).bind(3, filter.to);
    return summarise(buckets, filter.group_by, home_to_clinic_from_rows(homes, filter.group_by));
}

std::vector<SessionToReview> read_central_sessions_to_review(PgConnection& db, const AuditFilter& filter, int limit, long long skip) {
    PgQuery q = db.query(sessions_to_review_query());
    q.bind(1, filter.aid).bind(2, filter.from).bind(3, filter.to).bind(4, limit).bind(5, static_cast<std::int64_t>(skip));
    std::vector<SessionToReview> rows;
    while (q.step()) rows.push_back(read_review_row(q));
    return rows;
}

long long count_central_sessions_to_review(PgConnection& db, const AuditFilter& filter) {
    PgQuery q = db.query(count_sessions_to_review_query());
    q.bind(1, filter.aid).bind(2, filter.from).bind(3, filter.to);
    return q.step() ? q.integer(0) : 0;
}

}  // namespace bran
