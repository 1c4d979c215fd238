// The audit's figures as the auditor reads them: a table, CSV for a spreadsheet, or the JSON of
// shared/spec/audit.md.
#pragma once
#include "engine/audit/report.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace bran {

// Which rule made the sessions' concordance facts: docs/value-concordance.md, or the older one
// (a database from an older bran that this one could not write to, to assess it again).
enum class ConcordanceRule { current, older_weighted_sum };
const char* concordance_rule_name(ConcordanceRule rule);

nlohmann::ordered_json audit_json(const AuditFilter& filter, const std::vector<GroupFigures>& groups,
                                  ConcordanceRule rule = ConcordanceRule::current);
// One CSV cell of recorded text (a group's key, an option's name), safe to open in a spreadsheet.
// Only text is passed through here: the figures bran computes are written as they are.
std::string csv_text_cell(const std::string& text);
std::string audit_csv(const std::vector<GroupFigures>& groups);
// The sessions to review, one a line, for the auditor's spreadsheet.
std::string sessions_to_review_csv(const std::vector<SessionToReview>& sessions);
std::string audit_table(const AuditFilter& filter, const std::vector<GroupFigures>& groups);

}  // namespace bran
