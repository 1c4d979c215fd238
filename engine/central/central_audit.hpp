// The audit over the central database: the same query text and the same definitions as over a
// site's file (audit/report), the counting done by the server.
#pragma once
#include "engine/audit/report.hpp"
#include "engine/central/pg_connection.hpp"

#include <vector>

namespace bran {

std::vector<GroupFigures> read_central_audit(PgConnection& db, const AuditFilter& filter);
std::vector<SessionToReview> read_central_sessions_to_review(PgConnection& db, const AuditFilter& filter, int limit, long long skip = 0);
long long count_central_sessions_to_review(PgConnection& db, const AuditFilter& filter);

}  // namespace bran
