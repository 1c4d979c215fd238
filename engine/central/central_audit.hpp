// The audit over the central database: the same query text and the same definitions as over a
// site's file (audit/report), the counting done by the server.
#pragma once
#include "engine/audit/report.hpp"
#include "engine/central/pg_connection.hpp"

#include <vector>

namespace bran {

std::vector<GroupFigures> read_central_audit(PgConnection& db, const AuditFilter& filter);

}  // namespace bran
