// The summary: what the patient said, which options fit it and why, how sure they feel, and
// their leaning, for them and their clinician to read together.
#include "app/gui/screens/step_screens.hpp"
#include "engine/audit/assessment.hpp"
#include "engine/session/summary.hpp"

#include <imgui.h>

#include <filesystem>

namespace bran::gui {

StepResult draw_summary(StepContext& c) {
    const Aid& aid = c.aid();
    const Answers& answers = c.walk.answers();
    const Assessment a = c.walk.assessment();
    heading(c.dc, c.words.text("summary.heading"));
    bold_paragraph(c.dc, c.text(aid.decision));

    // The patient's own words first, then what their answers point to.
    if (answers.what_matters) {
        section_heading(c.dc, c.words.text("summary.what-matters"));
        paragraph("“" + *answers.what_matters + "”");
    }
    ImGui::Spacing();
    for (const std::string& sentence : fit_sentences(aid, answers, c.words)) paragraph(sentence);

    section_heading(c.dc, c.words.text("summary.ratings"));
    bool any = false;
    for (const Criterion& criterion : aid.criteria) {
        auto it = answers.values.find(criterion.id);
        if (it == answers.values.end()) continue;
        any = true;
        paragraph("•  " + c.words.text("summary.rating", {{"label", c.text(criterion.label)},
                                                           {"rating", c.words.text("values.scale." + std::to_string(it->second))}}));
    }
    if (!any) paragraph(c.words.text("summary.not-rated"));

    ImGui::Spacing();
    if (answers.leaning) {
        bold_paragraph(c.dc, c.words.text("summary.leaning", {{"option", choice_name(aid, *answers.leaning, c.words)}}));
    } else {
        paragraph(c.words.text("summary.leaning-none"));
    }
    if (a.knowledge_answered > 0) {
        paragraph(c.words.text("summary.knowledge", {{"correct", static_cast<long long>(a.knowledge_correct)},
                                                      {"answered", static_cast<long long>(a.knowledge_answered)}}));
    }
    if (a.sure_score) {
        if (*a.sure_score == 4) paragraph(c.words.text("summary.sure-pass"));
        else paragraph(c.words.text("summary.sure-conflict", {{"count", static_cast<long long>(4 - *a.sure_score)}}));
    }
    if (answers.questions) {
        section_heading(c.dc, c.words.text("summary.questions"));
        paragraph(*answers.questions);
    }
    if (c.walk.shows_home_changes()) {
        section_heading(c.dc, c.words.text("summary.moved-heading"));
        for (const std::string& sentence : home_to_clinic_sentences(aid, c.walk.home_and_clinic(), c.words)) paragraph(sentence);
    }
    ImGui::Spacing();
    muted_paragraph(c.dc, c.words.text("summary.show-clinician"));
    StepResult result;
    // At home the files go to the appointment; in the clinic the summary is printed; a kiosk is
    // shared, so it keeps no patient's files.
    const Setting setting = c.walk.setting();
    const bool home = setting == Setting::home;
    if (setting != Setting::kiosk) {
        paragraph(c.words.text(home ? "summary.take-home-hint" : "summary.save-pdf-hint"));
        if (big_button(c.dc, c.words.text(home ? "summary.take-home" : "summary.save-pdf"), "take-home")) result.take_home = true;
    }
    if (!c.saved_record.empty()) {
        const std::filesystem::path record(c.saved_record), pdf(c.saved_pdf);
        const char* key = c.saved_pdf.empty() ? "summary.saved-record" : home ? "summary.saved" : "summary.saved-pdf";
        bold_paragraph(c.dc, c.words.text(key,
                                          {{"folder", record.parent_path().string()},
                                           {"record", record.filename().string()},
                                           {"pdf", pdf.filename().string()}}));
        // The button sits at the foot of a long page: bring the answer to the press into view.
        if (c.just_saved) ImGui::SetScrollHereY(1.0f);
    }
    return result;
}

}  // namespace bran::gui
