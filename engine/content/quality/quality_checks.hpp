// `bran validate --quality`: the checks an IPDAS reviewer makes of a valid aid (reading age,
// balance, numbers across personalised bands, review), each warning explainable by a quality note.
#pragma once
#include "engine/content/aid_reader.hpp"
#include "engine/content/library.hpp"
#include "engine/content/quality/readability.hpp"
#include "engine/content/rules.hpp"
#include "engine/core/diagnostic.hpp"

#include <optional>
#include <string>
#include <vector>

namespace bran {

// The check ids of docs/content-format.md ("Quality checks"), used by quality_notes.
namespace check_id {
inline constexpr const char* reading_age = "reading-age";
inline constexpr const char* reading_age_overall = "reading-age-overall";
inline constexpr const char* balance = "balance";
inline constexpr const char* band_numbers = "band-numbers";
inline constexpr const char* review_overdue = "review-overdue";
inline constexpr const char* review_status = "review-status";
inline constexpr const char* quality_notes = "quality-notes";
}  // namespace check_id

// One warning of a quality check, located in the file.
struct QualityFinding {
    std::string check;
    Diagnostic where;         // file, line, column, pointer and message (severity warning)
    std::string explanation;  // the matching quality note's reason; empty when unexplained

    bool explained() const { return !explanation.empty(); }
    // As printed: a warning; an error under --strict; "explained: <reason>" when a note explains it.
    Diagnostic shown(bool strict) const;
};

// A text's reading age, for the report and the tests.
struct TextReadingAge {
    std::string pointer;  // the en-GB string, e.g. /options/0/benefits/en-GB
    TextCounts counts;
    double age = 0;
};

struct LocaleCoverage {
    std::string locale;
    int translated = 0;  // Texts with a non-empty string in this locale
    int total = 0;       // Texts in the aid
};

enum class IpdasStatus { demonstrated, not_demonstrated, cannot_tell };

// One IPDASi v4.0 qualifying or certification item and what the file shows about it.
struct IpdasItem {
    std::string number;   // e.g. "1.1.1"
    std::string kind;     // "qualifying" or "certification"
    std::string wording;  // the item, e.g. "describes the health condition or problem"
    IpdasStatus status = IpdasStatus::cannot_tell;
    std::string detail;   // where it is shown (pointers), or why it is not or cannot be told
};

struct QualityReport {
    std::vector<QualityFinding> findings;  // in file position order
    std::vector<TextReadingAge> texts;     // every en-GB Text
    TextCounts all_text;                   // every en-GB Text pooled
    std::vector<LocaleCoverage> coverage;
    std::vector<IpdasItem> ipdas;

    double overall_reading_age() const { return reading_age(all_text); }
    std::size_t unexplained() const;
    // The report as printed, one line each, after "<file>: ".
    std::vector<std::string> summary_lines() const;
};

// Runs every quality check on an aid that passed `bran validate` (doc read without errors).
QualityReport check_quality(const AidDocument& doc, const RuleContext& context, const SyllableCounter& syllables);

// One file of `bran validate --quality`: its lines in position order (the validator's own, with the
// review-overdue warning left to the quality check that reports it explainably, then the quality
// findings as shown), and the report when the file is a valid aid.
struct QualityRun {
    Diagnostics shown;
    std::optional<QualityReport> report;
    bool passes = false;  // valid, and under --strict no unexplained quality warning
};
QualityRun check_loaded_aid(const LoadedAid& entry, const RuleContext& context, const SyllableCounter& syllables,
                            bool strict);

// The IPDAS qualifying and certification items (ipdas_report.cpp), from the findings already made.
std::vector<IpdasItem> ipdas_items(const AidDocument& doc, const std::vector<QualityFinding>& findings);

}  // namespace bran
