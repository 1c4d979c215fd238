#include "engine/content/quality/quality_checks.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>
#include <tuple>

namespace bran {

namespace {

std::string one_decimal(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f", value);
    return buffer;
}

int word_count(const std::string& text) {
    // Words as the reading-age counts them, without needing syllables.
    return count_text(text, [](std::string_view) { return 1; }).words;
}

class QualityChecker {
public:
    QualityChecker(const AidDocument& doc, const RuleContext& context, const SyllableCounter& syllables)
        : m_doc(doc), m_context(context), m_syllables(syllables) {}

    QualityReport run() {
        reading_ages();
        balance();
        band_numbers();
        review();
        coverage();
        explain();
        std::stable_sort(m_report.findings.begin(), m_report.findings.end(),
                         [](const QualityFinding& a, const QualityFinding& b) {
                             return std::tie(a.where.line, a.where.column) < std::tie(b.where.line, b.where.column);
                         });
        m_report.ipdas = ipdas_items(m_doc, m_report.findings);
        return std::move(m_report);
    }

private:
    void warn(const char* check, const std::string& pointer, std::string message) {
        m_report.findings.push_back({check, m_doc.json.warning(pointer, std::move(message)), ""});
    }

    void reading_ages() {
        for (const std::string& pointer : m_doc.text_pointers) {
            const nlohmann::json* text = find_pointer(m_doc.json.root(), pointer);
            if (!text || !text->is_object() || !text->contains("en-GB") || !(*text)["en-GB"].is_string()) continue;
            TextReadingAge entry;
            entry.pointer = pointer_append(pointer, "en-GB");
            entry.counts = count_text((*text)["en-GB"].get_ref<const std::string&>(), m_syllables);
            entry.age = reading_age(entry.counts);
            m_report.all_text += entry.counts;
            if (entry.age > target_reading_age) {
                warn(check_id::reading_age, entry.pointer,
                     "reading age " + one_decimal(entry.age) + " is above the target of " +
                         one_decimal(target_reading_age) + " (" + std::to_string(entry.counts.words) + (entry.counts.words == 1 ? " word in " : " words in ") +
                         std::to_string(entry.counts.sentences) + " sentence" +
                         (entry.counts.sentences == 1 ? "" : "s") + ", " +
                         std::to_string(entry.counts.syllables) +
                         " syllables): use shorter sentences and everyday words");
            }
            m_report.texts.push_back(std::move(entry));
        }
        const double overall = m_report.overall_reading_age();
        if (overall > target_reading_age) {
            warn(check_id::reading_age_overall, "",
                 "the aid’s overall reading age " + one_decimal(overall) + " is above the target of " +
                     one_decimal(target_reading_age));
        }
    }

    // IPDAS 2.1.1: positive and negative features in equal detail. Length is what a file can show;
    // a third is far enough from equal that a reader would notice.
    void balance() {
        for (std::size_t i = 0; i < m_doc.aid.options.size(); ++i) {
            const Option& option = m_doc.aid.options[i];
            const std::string at = "/options/" + std::to_string(i);
            const int benefits = word_count(localized(option.benefits, "en-GB"));
            const int risks = word_count(localized(option.risks, "en-GB"));
            if (3 * benefits < risks) {
                warn(check_id::balance, at + "/benefits/en-GB",
                     "the benefits (" + std::to_string(benefits) + " words) are under a third of the length of the risks (" +
                         std::to_string(risks) + " words): describe both in comparable detail");
            } else if (3 * risks < benefits) {
                warn(check_id::balance, at + "/risks/en-GB",
                     "the risks (" + std::to_string(risks) + " words) are under a third of the length of the benefits (" +
                         std::to_string(benefits) + " words): describe both in comparable detail");
            }
        }
    }

    // A personalised table's bands carry no denominator or time frame of their own: they are the
    // outcome's. The outcome's own number describes the whole audience, a mix of the bands' people,
    // so it lies between the lowest and the highest band; outside that range, the bands were most
    // likely copied with another denominator (per 1000 for per 100) or time frame (5 years for 1).
    void band_numbers() {
        if (!m_doc.aid.personalisation) return;
        const auto& tables = m_doc.aid.personalisation->tables;
        for (std::size_t t = 0; t < tables.size(); ++t) {
            const RiskTable& table = tables[t];
            const auto outcome_it = std::find_if(m_doc.aid.outcomes.begin(), m_doc.aid.outcomes.end(),
                                                 [&](const Outcome& o) { return o.id == table.outcome; });
            if (outcome_it == m_doc.aid.outcomes.end() || table.bands.empty()) continue;
            const std::size_t o = static_cast<std::size_t>(outcome_it - m_doc.aid.outcomes.begin());
            for (const auto& [option, number] : outcome_it->numbers) {
                int low = outcome_it->denominator, high = 0;
                for (const Band& band : table.bands) {
                    const auto it = band.numbers.find(option);
                    if (it == band.numbers.end()) continue;
                    low = std::min(low, it->second.count);
                    high = std::max(high, it->second.count);
                }
                if (low > high) continue;
                if (number.count < low || number.count > high) {
                    warn(check_id::band_numbers,
                         pointer_append("/outcomes/" + std::to_string(o) + "/numbers", option) + "/count",
                         std::to_string(number.count) + " out of " + std::to_string(outcome_it->denominator) +
                             " is outside the range of the bands of /personalisation/tables/" + std::to_string(t) +
                             " for this option (" + std::to_string(low) + " to " + std::to_string(high) +
                             "): check that the bands use the same denominator and time frame");
                }
            }
        }
    }

    void review() {
        const Review& review = m_doc.aid.review;
        if (!m_context.today.empty() && !review.next_review_due.empty() && review.next_review_due < m_context.today) {
            warn(check_id::review_overdue, "/review/next_review_due",
                 "review overdue: the evidence was due for review on " + review.next_review_due);
        }
        if (review.status != "clinically reviewed") {
            warn(check_id::review_status, "/review/status",
                 "\"" + review.status + "\": not yet signed off by a clinician; set \"clinically reviewed\" once one has");
        }
    }

    void coverage() {
        for (const std::string& locale : m_doc.aid.locales) {
            LocaleCoverage c{locale, 0, 0};
            for (const std::string& pointer : m_doc.text_pointers) {
                const nlohmann::json* text = find_pointer(m_doc.json.root(), pointer);
                if (!text || !text->is_object()) continue;
                ++c.total;
                const auto it = text->find(locale);
                if (it != text->end() && it->is_string() && !it->get_ref<const std::string&>().empty()) ++c.translated;
            }
            m_report.coverage.push_back(c);
        }
    }

    // Matches each quality note to the warnings it explains: same check, same pointer.
    void explain() {
        const auto& notes = m_doc.aid.quality_notes;
        std::vector<bool> used(notes.size(), false);
        for (QualityFinding& finding : m_report.findings) {
            for (std::size_t n = 0; n < notes.size(); ++n) {
                if (notes[n].check == finding.check && notes[n].pointer == finding.where.pointer &&
                    notes[n].reason.find_first_not_of(" \t\r\n") != std::string::npos) {
                    finding.explanation = notes[n].reason;
                    used[n] = true;
                    break;
                }
            }
        }
        static const std::set<std::string> known = {check_id::reading_age, check_id::reading_age_overall,
                                                    check_id::balance,     check_id::band_numbers,
                                                    check_id::review_overdue, check_id::review_status};
        for (std::size_t n = 0; n < notes.size(); ++n) {
            if (used[n]) continue;
            const std::string at = "/quality_notes/" + std::to_string(n);
            if (known.count(notes[n].check) == 0) {
                warn(check_id::quality_notes, at + "/check",
                     "\"" + notes[n].check + "\" is not a quality check id (docs/content-format.md, Quality checks)");
            } else if (notes[n].reason.find_first_not_of(" \t\r\n") == std::string::npos) {
                warn(check_id::quality_notes, at + "/reason", "give the reason why the warning stands");
            } else {
                warn(check_id::quality_notes, at,
                     "explains no " + notes[n].check + " warning at \"" + notes[n].pointer + "\": remove it or fix its pointer");
            }
        }
    }

    const AidDocument& m_doc;
    const RuleContext& m_context;
    const SyllableCounter& m_syllables;
    QualityReport m_report;
};

}  // namespace

Diagnostic QualityFinding::shown(bool strict) const {
    Diagnostic d = where;
    if (explained()) {
        // Printed without "warning:": an explained warning is settled. Only this line's text uses the
        // error severity; it is never counted as an error.
        d.severity = Severity::error;
        d.message = "explained: " + explanation + " [" + check + ": " + where.message + "]";
    } else {
        d.severity = strict ? Severity::error : Severity::warning;
        d.message = where.message + " [" + check + "]";
    }
    return d;
}

std::size_t QualityReport::unexplained() const {
    return static_cast<std::size_t>(
        std::count_if(findings.begin(), findings.end(), [](const QualityFinding& f) { return !f.explained(); }));
}

std::vector<std::string> QualityReport::summary_lines() const {
    std::vector<std::string> lines;
    std::size_t above = 0, above_explained = 0;
    for (const QualityFinding& f : findings) {
        if (f.check != check_id::reading_age) continue;
        ++above;
        above_explained += f.explained() ? 1 : 0;
    }
    lines.push_back("reading age " + one_decimal(overall_reading_age()) + " overall (Flesch–Kincaid grade " +
                    one_decimal(flesch_kincaid_grade(all_text)) + " + 5; target " + one_decimal(target_reading_age) +
                    "): " + std::to_string(texts.size()) + " en-GB texts, " + std::to_string(all_text.sentences) +
                    " sentences, " + std::to_string(all_text.words) + " words; " + std::to_string(above) +
                    " above target, " + std::to_string(above_explained) + " of them explained");
    std::string translations = "translations:";
    for (std::size_t i = 0; i < coverage.size(); ++i) {
        const LocaleCoverage& c = coverage[i];
        const int percent = c.total == 0 ? 100 : static_cast<int>(std::floor(100.0 * c.translated / c.total));
        translations += std::string(i == 0 ? " " : ", ") + c.locale + " " + std::to_string(c.translated) + " of " +
                        std::to_string(c.total) + " texts (" + std::to_string(percent) + "%)";
    }
    lines.push_back(translations);
    for (const IpdasItem& item : ipdas) {
        const char* status = item.status == IpdasStatus::demonstrated       ? "demonstrated"
                             : item.status == IpdasStatus::not_demonstrated ? "not demonstrated"
                                                                            : "cannot tell from the file";
        lines.push_back("IPDAS " + item.number + " (" + item.kind + ") " + item.wording + ": " + status + ": " +
                        item.detail);
    }
    return lines;
}

QualityRun check_loaded_aid(const LoadedAid& entry, const RuleContext& context, const SyllableCounter& syllables,
                            bool strict) {
    QualityRun run;
    for (const Diagnostic& d : entry.diagnostics.items()) {
        if (entry.aid && d.severity == Severity::warning && d.pointer == "/review/next_review_due") continue;
        run.shown.add(d);
    }
    if (entry.aid) {
        // The library keeps only the Aid: read its bytes again for positions and Text pointers.
        Diagnostics ignored;
        if (auto json = LocatedJson::parse(entry.aid->content, entry.file, ignored)) {
            const AidDocument doc = read_aid(std::move(*json), ignored);
            run.report = check_quality(doc, context, syllables);
            for (const QualityFinding& f : run.report->findings) run.shown.add(f.shown(strict));
        }
    }
    run.shown.sort();
    run.passes = entry.aid.has_value() && (!strict || (run.report && run.report->unexplained() == 0));
    return run;
}

QualityReport check_quality(const AidDocument& doc, const RuleContext& context, const SyllableCounter& syllables) {
    return QualityChecker(doc, context, syllables).run();
}

}  // namespace bran
