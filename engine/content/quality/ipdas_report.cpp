#include "engine/content/quality/ipdas_report.hpp"

#include <algorithm>

namespace bran {

namespace {

std::string joined(const std::vector<std::string>& parts) {
    std::string out;
    for (const auto& part : parts) out += (out.empty() ? "" : ", ") + part;
    return out;
}

std::vector<std::string> option_fields(const Aid& aid, const std::string& field) {
    std::vector<std::string> pointers;
    for (std::size_t i = 0; i < aid.options.size(); ++i) pointers.push_back("/options/" + std::to_string(i) + "/" + field);
    return pointers;
}

std::vector<std::string> outcomes_of(const Aid& aid, Valence valence) {
    std::vector<std::string> pointers;
    for (std::size_t i = 0; i < aid.outcomes.size(); ++i) {
        if (aid.outcomes[i].valence == valence) pointers.push_back("/outcomes/" + std::to_string(i));
    }
    return pointers;
}

// The findings of one check, unexplained first, as "pointer (message)".
std::vector<const QualityFinding*> of_check(const std::vector<QualityFinding>& findings, const char* check) {
    std::vector<const QualityFinding*> result;
    for (const auto& f : findings) {
        if (f.check == check) result.push_back(&f);
    }
    std::stable_partition(result.begin(), result.end(), [](const QualityFinding* f) { return !f->explained(); });
    return result;
}

IpdasItem item(const char* number, const char* kind, const char* wording, IpdasStatus status, std::string detail) {
    return {number, kind, wording, status, std::move(detail)};
}

}  // namespace

std::vector<IpdasItem> ipdas_items(const AidDocument& doc, const std::vector<QualityFinding>& findings) {
    const Aid& aid = doc.aid;
    const char* qualifying = "qualifying";
    const char* certification = "certification";
    const auto shown = IpdasStatus::demonstrated;
    std::vector<IpdasItem> items;

    items.push_back(item("1.1.1", qualifying, "describes the health condition or problem", shown,
                         "/condition, for the people described in /audience"));
    items.push_back(item("1.1.2", qualifying, "explicitly states the decision that needs to be considered", shown,
                         "/decision, a question in every locale"));
    {
        std::string none = aid.doing_nothing.option.empty()
                               ? "no doing-nothing option, for the reason in /doing_nothing/no_option_reason"
                               : "";
        for (std::size_t i = 0; i < aid.options.size(); ++i) {
            if (aid.options[i].id == aid.doing_nothing.option) {
                none = "doing nothing is /options/" + std::to_string(i) + " (\"" + aid.options[i].id + "\")";
            }
        }
        items.push_back(item("1.1.3", qualifying, "describes the options available", shown,
                             std::to_string(aid.options.size()) + " options, /options/0 to /options/" +
                                 std::to_string(aid.options.size() - 1) + "; " + none + "; /doing_nothing/text"));
    }
    const auto good = outcomes_of(aid, Valence::good), bad = outcomes_of(aid, Valence::bad);
    items.push_back(item("1.1.4", qualifying, "describes the positive features (benefits/advantages) of each option", shown,
                         joined(option_fields(aid, "benefits")) +
                             (good.empty() ? "" : "; good outcomes with numbers for every option: " + joined(good))));
    items.push_back(item("1.1.5", qualifying,
                         "describes the negative features (harms, side effects or disadvantages) of each option", shown,
                         joined(option_fields(aid, "risks")) +
                             (bad.empty() ? "" : "; bad outcomes with numbers for every option: " + joined(bad))));
    items.push_back(item("1.2.1", qualifying,
                         "describes what it is like to experience the consequences of the options (physical, "
                         "psychological, social)",
                         shown,
                         "what each option involves, " + joined(option_fields(aid, "involves")) +
                             ", and what happens with no treatment, /doing_nothing/text" +
                             (aid.grid.empty() ? "" : ", and patients’ questions in /grid") +
                             " (whether these cover physical, psychological and social effects needs a reader)"));

    {
        const auto unbalanced = of_check(findings, check_id::balance);
        if (unbalanced.empty()) {
            items.push_back(item("2.1.1", certification, "shows the negative and positive features of options in equal detail",
                                 shown,
                                 "benefits and risks of every option within a third of each other’s length (" +
                                     joined(option_fields(aid, "benefits")) + "; " + joined(option_fields(aid, "risks")) +
                                     "), and every outcome a number for every option with one denominator and time "
                                     "frame (/outcomes)"));
        } else {
            const QualityFinding& f = *unbalanced.front();
            items.push_back(item("2.1.1", certification, "shows the negative and positive features of options in equal detail",
                                 IpdasStatus::not_demonstrated,
                                 f.where.pointer + ": " + f.where.message +
                                     (f.explained() ? " (explained: " + f.explanation + ")" : "")));
        }
    }
    {
        std::size_t numbers = 0;
        for (const Outcome& o : aid.outcomes) numbers += o.numbers.size();
        std::string where = "/outcomes/*/numbers";
        if (aid.personalisation) {
            for (const RiskTable& t : aid.personalisation->tables) {
                for (const Band& b : t.bands) numbers += b.numbers.size();
            }
            where += ", /personalisation/tables/*/bands/*/numbers and /personalisation/scores";
        }
        items.push_back(item("2.2.1", certification, "provides citations to the evidence selected", shown,
                             "every one of " + std::to_string(numbers) + " numbers names a source and a locator (" + where +
                                 "); " + std::to_string(aid.sources.size()) + " sources in /sources"));
    }
    items.push_back(item("2.2.2", certification, "provides a publication date", shown,
                         "/review/last_evidence_review (" + aid.review.last_evidence_review + "), /version (" + aid.version +
                             "), /review/status (\"" + aid.review.status + "\")"));
    {
        const auto overdue = of_check(findings, check_id::review_overdue);
        if (overdue.empty()) {
            items.push_back(item("2.2.3", certification, "provides an update policy", shown,
                                 "/review/next_review_due (" + aid.review.next_review_due + ", not overdue)"));
        } else {
            items.push_back(item("2.2.3", certification, "provides an update policy",
                                 IpdasStatus::not_demonstrated,
                                 "/review/next_review_due: the review was due on " + aid.review.next_review_due));
        }
    }
    items.push_back(item("2.2.4", certification,
                         "provides information about the levels of uncertainty around event or outcome probabilities",
                         IpdasStatus::cannot_tell,
                         "the format has no field for ranges or confidence intervals around the numbers; what the "
                         "texts say about uncertainty needs a reader"));
    items.push_back(item("2.3.1", certification, "provides information about the funding source used for development",
                         shown, "/funding, with /conflicts_of_interest and /authors"));
    const std::string screening =
        "applies only to aids about a screening test, which the format does not mark, and no field holds it; a "
        "reader of a screening aid must check the texts";
    items.push_back(item("2.4.1", certification, "(screening) describes what the test is designed to measure",
                         IpdasStatus::cannot_tell, screening));
    items.push_back(item("2.4.2", certification, "(screening) describes the next steps typically taken if the test detects the condition",
                         IpdasStatus::cannot_tell, screening));
    items.push_back(item("2.4.3", certification, "(screening) describes the next steps if the condition is not detected",
                         IpdasStatus::cannot_tell, screening));
    items.push_back(item("2.4.4", certification,
                         "(screening) has information about the consequences of detecting the condition that would "
                         "never have occurred if screening had not been done",
                         IpdasStatus::cannot_tell, screening));
    return items;
}

}  // namespace bran
