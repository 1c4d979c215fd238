// The take-home summary: one session on A4 paper, in the patient's language, for them to keep
// and to bring to their clinician. What they said, what may happen with each option (in words
// and as icon arrays), which options fit what they said, and where the numbers come from.
#pragma once
#include "engine/content/aid.hpp"
#include "engine/i18n/catalog.hpp"
#include "engine/decision/answers.hpp"
#include "engine/decision/home_and_clinic.hpp"
#include "engine/store/session_store.hpp"

#include <string>

namespace bran {

struct SummaryDocument {
    const Aid& aid;             // the aid version the patient was shown
    const SessionRow& session;
    const Answers& answers;
    std::string status;         // in-progress, completed or abandoned
    const Catalog& words;       // UI words in the session's language; aid text follows its locale
    // How the answers moved since home; shown when the session went on after home.
    const HomeAndClinic* home_and_clinic = nullptr;
};

// Writes the PDF atomically (a crash leaves the old file or the whole new one). Body text is
// 13 pt, or 18 pt with large_print. Throws IoError when the PDF cannot be drawn or written.
void write_summary_pdf(const SummaryDocument& doc, const std::string& path, bool large_print);

// The same PDF as bytes (for tests and benchmarks that keep it in memory).
std::string render_summary_pdf(const SummaryDocument& doc, bool large_print);

}  // namespace bran
