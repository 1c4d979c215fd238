// Governance an IPDAS reviewer asks for: review status and dates, sources, and an explicit decision.
#include "engine/content/rules.hpp"
#include "engine/core/ids_and_time.hpp"

namespace bran {

void check_governance(const AidDocument& doc, const RuleContext& context, Diagnostics& out) {
    const Aid& aid = doc.aid;
    const Review& review = aid.review;
    if (!review.status.empty() && review.status != "draft: needs clinical review" &&
        review.status != "clinically reviewed") {
        out.add(doc.json.error("/review/status",
                               "must be \"draft: needs clinical review\" or \"clinically reviewed\", not \"" +
                                   review.status + "\""));
    }
    bool dates_ok = true;
    for (const auto& [field, value] : {std::pair{"last_evidence_review", review.last_evidence_review},
                                       std::pair{"next_review_due", review.next_review_due}}) {
        if (!value.empty() && !is_calendar_date(value)) {
            out.add(doc.json.error(std::string("/review/") + field,
                                   quoted_excerpt(value) + " is not a date in the form YYYY-MM-DD"));
            dates_ok = false;
        }
    }
    if (dates_ok && !review.last_evidence_review.empty() && !review.next_review_due.empty()) {
        if (review.next_review_due <= review.last_evidence_review) {
            out.add(doc.json.error("/review/next_review_due", "must be after last_evidence_review (" +
                                                                  review.last_evidence_review + ")"));
        } else if (!context.today.empty() && review.next_review_due < context.today) {
            out.add(doc.json.warning("/review/next_review_due",
                                     "review overdue: the evidence was due for review on " + review.next_review_due));
        }
    }
    for (std::size_t i = 0; i < aid.sources.size(); ++i) {
        const int year = aid.sources[i].year;
        const std::string pointer = "/sources/" + std::to_string(i) + "/year";
        const nlohmann::json* given = find_pointer(doc.json.root(), pointer);
        if (given && given->is_number_integer() && (year < 1900 || year > 2100)) {
            out.add(doc.json.error("/sources/" + std::to_string(i) + "/year",
                                   "year " + std::to_string(year) + " is not a plausible publication year"));
        }
    }
    for (const auto& [locale, question] : aid.decision) {
        const auto last = question.find_last_not_of(" \t\r\n");
        if (last == std::string::npos || question[last] != '?') {
            out.add(doc.json.error("/decision/" + locale, "the decision must be stated as a question ending with \"?\""));
        }
    }
}

}  // namespace bran
