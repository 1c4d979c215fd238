// The audit report for a governance meeting: the staff audit view (its figures table, funnel
// plots and sessions to review) on A4 paper, with when and from where it was made.
#pragma once
#include "engine/i18n/catalog.hpp"
#include "engine/view/screen_view.hpp"

#include <string>

namespace bran {

struct AuditReportDocument {
    const ScreenView& view;  // audit_view
    const Catalog& words;
    std::string database;    // what the figures are from, as it may be shown
    std::string made_on;     // YYYY-MM-DD
};

std::string render_audit_pdf(const AuditReportDocument& doc);
// Atomically, as the summary PDF. Throws IoError naming the path.
void write_audit_pdf(const AuditReportDocument& doc, const std::string& path);

}  // namespace bran
