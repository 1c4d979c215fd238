#include "app/gui/screens/audit_screen.hpp"
#include "engine/view/summary_words.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <utility>

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
        paragraph(words.text("audit.rate", {{"percent", static_cast<long long>(std::lround(*rate * 100))},
                                            {"yes", p.yes}, {"of", p.assessable}}));
    } else {
        paragraph(words.text("audit.not-assessable"));
    }
}

// An option's name for staff, from whichever aid has it: the record keeps ids, names read
// better. An id that no aid here has any more is shown as it is.
std::string choice_label(const Library& library, const std::string& code, const Catalog& words) {
    for (const Aid* aid : library.aids()) {
        if (aid->find_option(code)) return choice_name(*aid, code, words);
    }
    return library.aids().empty() ? code : choice_name(*library.aids().front(), code, words);
}

// "Take a statin (3); Not sure yet (1)": each choice or move with its number of sessions.
template <typename Label>
std::string counted(const std::map<std::string, long long>& counts, Label label) {
    std::string out;
    for (const auto& [key, count] : counts) out += (out.empty() ? "" : "; ") + label(key) + " (" + std::to_string(count) + ")";
    return out;
}

}  // namespace

void draw_audit(const DrawContext& dc, const Catalog& words, AppModel& model) {
    heading(dc, words.text("audit.heading"));
    muted_paragraph(dc, words.text("audit.intro"));
    const AuditFilter& filter = model.audit_filter();
    // A group's name: by choice, the option's name (the record keeps its code).
    const auto group_name = [&](const std::string& key) {
        if (key == "all") return words.text("audit.all");
        return filter.group_by == GroupBy::option ? choice_label(model.library(), key, words) : key;
    };
    bool first = true;
    for (GroupBy g : {GroupBy::none, GroupBy::clinician, GroupBy::site, GroupBy::month, GroupBy::option}) {
        const std::string id = std::string("by-") + group_by_name(g);
        if (row_button(dc, filter.group_by == g, words.text(std::string("audit.by.") + group_by_name(g)), id.c_str(), first)) {
            model.set_audit_group(g);
        }
        first = false;
    }
    if (row_button(dc, !filter.aid, words.text("audit.all-aids"), "aid-all", true)) model.set_audit_aid(std::nullopt);
    for (const Aid* aid : model.library().aids()) {
        const std::string id = "aid-" + aid->id;
        if (row_button(dc, filter.aid == aid->id, aid->id, id.c_str(), false)) model.set_audit_aid(aid->id);
    }
    if (!model.notice().empty()) notice_box(dc, words.text(model.notice()));

    if (ImGui::BeginTable("##audit", 5, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
        ImGui::TableSetupColumn(words.text("audit.group").c_str(), ImGuiTableColumnFlags_WidthStretch, 0.8f);
        ImGui::TableSetupColumn(words.text("audit.sessions").c_str(), ImGuiTableColumnFlags_WidthStretch, 1.1f);
        ImGui::TableSetupColumn(words.text("audit.concordance").c_str(), ImGuiTableColumnFlags_WidthStretch, 1.4f);
        ImGui::TableSetupColumn(words.text("audit.informed").c_str(), ImGuiTableColumnFlags_WidthStretch, 1.4f);
        ImGui::TableSetupColumn(words.text("audit.sure").c_str(), ImGuiTableColumnFlags_WidthStretch, 1.4f);
        wrapped_headers_row(dc);
        for (const GroupFigures& g : model.audit_groups()) {
            ImGui::TableNextRow();
            ImGui::TableSetColumnIndex(0);
            bold_paragraph(dc, group_name(g.key));
            ImGui::TableSetColumnIndex(1);
            paragraph(words.text("audit.counts", {{"sessions", g.sessions}, {"completed", g.completed}}));
            ImGui::TableSetColumnIndex(2);
            rate_bar(dc, words, g.concordance);
            if (g.no_clear_fit > 0) muted_paragraph(dc, words.text("audit.no-clear-fit", {{"count", g.no_clear_fit}}));
            ImGui::TableSetColumnIndex(3);
            rate_bar(dc, words, g.informed_choice);
            ImGui::TableSetColumnIndex(4);
            rate_bar(dc, words, g.sure);
        }
        ImGui::EndTable();
    }
    for (const GroupFigures& g : model.audit_groups()) {
        if (g.choices.empty()) continue;
        const auto name = [&](const std::string& code) { return choice_label(model.library(), code, words); };
        muted_paragraph(dc, group_name(g.key) + " · " + words.text("audit.choices") + ": " +
                                counted(g.choices, name));
    }
    for (const GroupFigures& g : model.audit_groups()) {
        const HomeToClinicFigures& h = g.home_to_clinic;
        if (h.sessions == 0) continue;
        std::string line = group_name(g.key) + " · " +
                           words.text("audit.home-to-clinic", {{"sessions", h.sessions}, {"changed", h.choice_changed.yes},
                                                               {"of", h.choice_changed.assessable}, {"ratings", h.ratings_changed}});
        const auto move_names = [&](const std::string& move) {  // "<at home> -> <now>"
            const auto arrow = move.find(" -> ");
            if (arrow == std::string::npos) return move;
            return choice_label(model.library(), move.substr(0, arrow), words) + " → " +
                   choice_label(model.library(), move.substr(arrow + 4), words);
        };
        if (!h.moves.empty()) line += ": " + counted(h.moves, move_names);
        muted_paragraph(dc, line);
    }

    section_heading(dc, words.text("audit.review", {{"count", static_cast<long long>(model.sessions_to_review().size())}}));
    if (ImGui::BeginTable("##review", 6, ImGuiTableFlags_Borders | ImGuiTableFlags_SizingStretchProp)) {
        // Shares of the width fixed, not from the first rows' contents: an empty column (no
        // pseudonym yet) would otherwise shrink until its heading breaks letter by letter.
        const std::pair<const char*, float> columns[] = {{"audit.col.date", 1.0f},   {"audit.col.pseudonym", 1.0f},
                                                         {"audit.col.aid", 1.6f},    {"audit.col.clinician", 1.1f},
                                                         {"audit.col.choice", 1.2f}, {"audit.col.why", 2.6f}};
        for (const auto& [key, share] : columns) ImGui::TableSetupColumn(words.text(key).c_str(), ImGuiTableColumnFlags_WidthStretch, share);
        wrapped_headers_row(dc);
        int shown = 0;
        for (const SessionToReview& r : model.sessions_to_review()) {
            if (++shown > 50) break;
            ImGui::TableNextRow();
            // Words, not the record's codes: a date in the staff member's language, the aid's
            // title and the option's name (each wraps between words at large sizes).
            const Aid* aid = model.library().find(r.aid_id);
            ImGui::TableSetColumnIndex(0);
            paragraph(format_long_date(words.locale(), r.started_at));
            ImGui::TableSetColumnIndex(1);
            paragraph(r.pseudonym.empty() ? std::string("—") : r.pseudonym);
            ImGui::TableSetColumnIndex(2);
            paragraph(aid ? localized(aid->title, words.locale()) : r.aid_id);
            ImGui::TableSetColumnIndex(3);
            paragraph(r.clinician);
            ImGui::TableSetColumnIndex(4);
            paragraph(r.choice.empty() ? std::string("—") : aid ? choice_name(*aid, r.choice, words) : r.choice);
            ImGui::TableSetColumnIndex(5);
            std::string why;
            if (r.discordant) why = words.text("audit.why.discordant");
            if (r.sure_score && *r.sure_score < 4) {
                why += (why.empty() ? "" : "; ") + words.text("audit.why.conflict", {{"score", static_cast<long long>(*r.sure_score)}});
            }
            paragraph(why);
            if (r.discordant && r.aid) {
                for (const std::string& line : verdict_basis(*r.aid, r.answers, words)) muted_paragraph(dc, line);
            }
        }
        ImGui::EndTable();
    }
    ImGui::Spacing();
    if (big_button(dc, words.text("audit.export"), "export")) model.export_audit_csv();
    ImGui::SameLine();
    if (secondary_button(dc, words.text("clinician.back"), "audit-back")) model.leave_clinician_views();
    if (!model.last_export().empty()) {
        paragraph(words.text("audit.exported", {{"path", model.last_export()}}));
        // Below the buttons, where the page may end out of view: shown to whoever pressed Export.
        if (model.take_export_news()) ImGui::SetScrollHereY(1.0f);
    }
}

}  // namespace bran::gui
