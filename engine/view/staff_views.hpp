// The screens for staff, described once like the patient's: the PIN prompt, the staff menu and
// the audit's figures. The window draws them and read-aloud speaks them from these views.
#pragma once
#include "engine/audit/audit_source.hpp"
#include "engine/audit/report.hpp"
#include "engine/audit/variation.hpp"
#include "engine/content/library.hpp"
#include "engine/i18n/catalog.hpp"
#include "engine/view/screen_view.hpp"

#include <string>
#include <vector>

namespace bran {

// leaving_kiosk: the PIN closes the kiosk, else it opens the staff views.
ScreenView pin_view(const Catalog& words, bool leaving_kiosk);

// `files`: record files from home found nearby, by path; `refused`: why the last file could
// not be opened (the reader's own words), or empty.
ScreenView staff_menu_view(const Catalog& words, const std::vector<std::string>& files, const std::string& refused);

// What the audit shows for the filter in force; `exported` is where the last export went, or empty.
struct AuditScreenFigures {
    const AuditFilter& filter;
    const std::vector<GroupFigures>& groups;
    const std::vector<SessionToReview>& to_review;
    const std::string& exported;
    const VariationFigures& variation;  // by clinician or site, for the funnel plots; else empty
    long long to_review_total = -1;  // how many sessions there are to review; -1: as many as listed
    long long review_skip = 0;       // how many newer sessions to review come before those listed
    const std::string* exported_review = nullptr;  // the file of every session to review Export saved beside `exported`
};
ScreenView audit_view(const Library& library, const Catalog& words, const AuditScreenFigures& figures);

// The audit's review table shows this many sessions a page; the export has them all.
constexpr std::size_t sessions_shown_for_review = 50;

}  // namespace bran
