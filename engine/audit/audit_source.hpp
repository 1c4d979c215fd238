// Runs the audit query (engine/audit/report) against a bran SQLite database.
#pragma once
#include "engine/content/aid.hpp"
#include "engine/decision/answers.hpp"
#include "engine/audit/report.hpp"
#include "engine/store/database.hpp"

#include <memory>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace bran {

// The whole audit, as every report shows it: the figures of each group, home-to-clinic moves included.
std::vector<GroupFigures> read_audit(const Database& db, const AuditFilter& filter);

std::vector<AuditBucket> read_audit_buckets(const Database& db, const AuditFilter& filter);
// By group: how choices and ratings moved between home and the clinic.
std::map<std::string, HomeToClinicFigures> read_home_to_clinic(const Database& db, const AuditFilter& filter);

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
// The newest `limit` of them.
std::vector<SessionToReview> read_sessions_to_review(const Database& db, const AuditFilter& filter, int limit);
// How many there are in all.
long long count_sessions_to_review(const Database& db, const AuditFilter& filter);

}  // namespace bran
