// Runs the audit query (engine/audit/report) against a bran SQLite database.
#pragma once
#include "engine/audit/report.hpp"
#include "engine/store/database.hpp"

#include <vector>

namespace bran {

std::vector<AuditBucket> read_audit_buckets(const Database& db, const AuditFilter& filter);

}  // namespace bran
