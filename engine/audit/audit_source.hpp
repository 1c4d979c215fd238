// Runs the audit query (engine/audit/report) against a bran SQLite database.
#pragma once
#include "engine/content/aid.hpp"
#include "engine/core/progress.hpp"
#include "engine/decision/answers.hpp"
#include "engine/audit/report.hpp"
#include "engine/store/database.hpp"

#include <memory>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace bran {

// The whole audit, as every report shows it: the figures of each group, home-to-clinic moves
// included. Progress counts the sessions read (their total is not known ahead).
std::vector<GroupFigures> read_audit(const Database& db, const AuditFilter& filter, Progress* progress = nullptr);

std::vector<AuditBucket> read_audit_buckets(const Database& db, const AuditFilter& filter, Progress* progress = nullptr);
// By group: how choices and ratings moved between home and the clinic.
std::map<std::string, HomeToClinicFigures> read_home_to_clinic(const Database& db, const AuditFilter& filter);

// The newest `limit` of them, after the newest `skip`.
std::vector<SessionToReview> read_sessions_to_review(const Database& db, const AuditFilter& filter, int limit, long long skip = 0);
// How many there are in all.
long long count_sessions_to_review(const Database& db, const AuditFilter& filter);

}  // namespace bran
