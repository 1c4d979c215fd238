#include "app/gui/screens/audit_screen.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>

namespace bran::gui {

namespace {

// A bar for one rate, with its numbers written out: the bar is never the only carrier.
void rate_bar(const DrawContext& dc, const Catalog& words, const Proportion& p) {
    const float width = std::max(40.0f, ImGui::GetContentRegionAvail().x - 4.0f);
    const float height = ImGui::GetTextLineHeight();
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float* e = dc.palette->empty;
    const float* f = dc.palette->button;
    draw->AddRectFilled(at, ImVec2(at.x + width, at.y + height), ImGui::GetColorU32(ImVec4(e[0], e[1], e[2], 1)));
    if (auto rate = p.rate()) {
        draw->AddRectFilled(at, ImVec2(at.x + width * static_cast<float>(*rate), at.y + height),
                            ImGui::GetColorU32(ImVec4(f[0], f[1], f[2], 1)));
    }
    ImGui::Dummy(ImVec2(width, height));
    if (auto rate = p.rate()) {
        ImGui::TextUnformatted(words.text("audit.rate", {{"percent", static_cast<long long>(std::lround(*rate * 100))},
                                                         {"yes", p.yes}, {"of", p.assessable}}).c_str());
    } else {
        ImGui::TextUnformatted(words.text("audit.not-assessable").c_str());
    }
}

}  // namespace

void draw_audit(const DrawContext& dc, const Catalog& words, AppModel& model) {
    heading(dc, words.text("audit.heading"));
    muted_paragraph(dc, words.text("audit.intro"));
    const AuditFilter& filter = model.audit_filter();
    int index = 0;
    for (GroupBy g : {GroupBy::none, GroupBy::clinician, GroupBy::site, GroupBy::month, GroupBy::option}) {
        const std::string label = words.text(std::string("audit.by.") + group_by_name(g));
        const std::string id = std::string("by-") + group_by_name(g);
        if (index++ > 0) ImGui::SameLine();
        if (filter.group_by == g ? big_button(dc, label, id.c_str()) : secondary_button(dc, label, id.c_str())) model.set_audit_group(g);
    }
    const bool all_aids = !filter.aid;
    if (all_aids ? big_button(dc, words.text("audit.all-aids"), "aid-all") : secondary_button(dc, words.text("audit.all-aids"), "aid-all")) {
        model.set_audit_aid(std::nullopt);
    }
    for (const Aid* aid : model.library().aids()) {
        ImGui::SameLine();
        const std::string id = "aid-" + aid->id;
        const bool chosen = filter.aid == aid->id;
        if (chosen ? big_button(dc, aid->id, id.c_str()) : secondary_button(dc, aid->id, id.c_str())) model.set_audit_aid(aid->id);
    }
    if (!model.notice().empty()) notice_box(dc, words.text(model.notice()));

    if (ImGui::BeginTable("##audit", 5, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
        ImGui::TableSetupColumn(words.text("audit.group").c_str(), ImGuiTableColumnFlags_WidthStretch, 0.8f);
        ImGui::TableSetupColumn(words.text("audit.sessions").c_str(), ImGuiTableColumnFlags_WidthStretch, 1.1f);
        ImGui::TableSetupColumn(words.text("audit.concordance").c_str(), ImGuiTableColumnFlags_WidthStretch, 1.4f);
        ImGui::TableSetupColumn(words.text("audit.informed").c_str(), ImGuiTableColumnFlags_WidthStretch, 1.4f);
        ImGui::TableSetupColumn(words.text("audit.sure").c_str(), ImGuiTableColumnFlags_WidthStretch, 1.4f);
        ImGui::TableHeadersRow();
        for (const GroupFigures& g : model.audit_groups()) {
            ImGui::TableNextRow();
            ImGui::TableSetColumnIndex(0);
            bold_paragraph(dc, g.key == "all" ? words.text("audit.all") : g.key);
            ImGui::TableSetColumnIndex(1);
            paragraph(words.text("audit.counts", {{"sessions", g.sessions}, {"completed", g.completed}}));
            ImGui::TableSetColumnIndex(2);
            rate_bar(dc, words, g.concordance);
            ImGui::TableSetColumnIndex(3);
            rate_bar(dc, words, g.informed_choice);
            ImGui::TableSetColumnIndex(4);
            rate_bar(dc, words, g.sure);
        }
        ImGui::EndTable();
    }
    for (const GroupFigures& g : model.audit_groups()) {
        if (g.choices.empty()) continue;
        std::string line = (g.key == "all" ? words.text("audit.all") : g.key) + " · " + words.text("audit.choices") + ":";
        for (const auto& [choice, count] : g.choices) line += "  " + choice + " " + std::to_string(count);
        muted_paragraph(dc, line);
    }
    for (const GroupFigures& g : model.audit_groups()) {
        const HomeToClinicFigures& h = g.home_to_clinic;
        if (h.sessions == 0) continue;
        std::string line = (g.key == "all" ? words.text("audit.all") : g.key) + " · " +
                           words.text("audit.home-to-clinic", {{"sessions", h.sessions}, {"changed", h.choice_changed.yes},
                                                               {"of", h.choice_changed.assessable}, {"ratings", h.ratings_changed}});
        for (const auto& [move, count] : h.moves) line += "  " + move + " " + std::to_string(count);
        muted_paragraph(dc, line);
    }

    section_heading(dc, words.text("audit.review", {{"count", static_cast<long long>(model.sessions_to_review().size())}}));
    if (ImGui::BeginTable("##review", 6, ImGuiTableFlags_Borders | ImGuiTableFlags_SizingStretchProp)) {
        for (const char* key : {"audit.col.date", "audit.col.pseudonym", "audit.col.aid", "audit.col.clinician",
                                "audit.col.choice", "audit.col.why"}) {
            ImGui::TableSetupColumn(words.text(key).c_str());
        }
        ImGui::TableHeadersRow();
        int shown = 0;
        for (const SessionToReview& r : model.sessions_to_review()) {
            if (++shown > 50) break;
            ImGui::TableNextRow();
            ImGui::TableSetColumnIndex(0);
            ImGui::TextUnformatted(r.started_at.substr(0, 10).c_str());
            ImGui::TableSetColumnIndex(1);
            ImGui::TextUnformatted(r.pseudonym.empty() ? "—" : r.pseudonym.c_str());
            ImGui::TableSetColumnIndex(2);
            ImGui::TextUnformatted(r.aid_id.c_str());
            ImGui::TableSetColumnIndex(3);
            ImGui::TextUnformatted(r.clinician.c_str());
            ImGui::TableSetColumnIndex(4);
            ImGui::TextUnformatted(r.choice.c_str());
            ImGui::TableSetColumnIndex(5);
            std::string why;
            if (r.discordant) why = words.text("audit.why.discordant");
            if (r.sure_score && *r.sure_score < 4) {
                why += (why.empty() ? "" : "; ") + words.text("audit.why.conflict", {{"score", static_cast<long long>(*r.sure_score)}});
            }
            ImGui::TextUnformatted(why.c_str());
        }
        ImGui::EndTable();
    }
    ImGui::Spacing();
    if (big_button(dc, words.text("audit.export"), "export")) model.export_audit_csv();
    ImGui::SameLine();
    if (secondary_button(dc, words.text("clinician.back"), "audit-back")) model.leave_clinician_views();
    if (!model.last_export().empty()) paragraph(words.text("audit.exported", {{"path", model.last_export()}}));
}

}  // namespace bran::gui
