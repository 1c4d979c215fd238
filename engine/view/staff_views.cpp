#include "engine/view/staff_views.hpp"

#include "engine/audit/variation.hpp"
#include "engine/view/summary_words.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <functional>
#include <map>
#include <utility>

namespace bran {

namespace {

ButtonBlock button(Action action, std::string label, ButtonBlock::Look look, std::string target = "", bool beside_previous = false) {
    ButtonBlock b;
    b.action = action;
    b.label = std::move(label);
    b.target = std::move(target);
    b.look = look;
    b.beside_previous = beside_previous;
    return b;
}

ButtonBlock toggle(Action action, std::string label, std::string target, bool chosen, bool first) {
    ButtonBlock b = button(action, std::move(label), ButtonBlock::Look::toggle, std::move(target), !first);
    b.chosen = chosen;
    return b;
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

long long percent_of(double rate) { return static_cast<long long>(std::lround(rate * 100.0)); }

// A rate as a bar with its numbers in words under it.
TableBlock::Cell rate_cell(const Catalog& words, const Proportion& p) {
    TableBlock::Cell cell;
    if (auto rate = p.rate()) {
        cell.bar = *rate;
        cell.lines.push_back({Emphasis::body, words.text("audit.rate", {{"percent", percent_of(*rate)},
                                                                         {"yes", p.yes}, {"of", p.assessable}})});
    } else {
        cell.bar = 0.0;
        cell.lines.push_back({Emphasis::body, words.text("audit.not-assessable")});
    }
    return cell;
}

TableBlock::Cell words_cell(Emphasis emphasis, std::string text) {
    TableBlock::Cell cell;
    cell.lines.push_back({emphasis, std::move(text)});
    return cell;
}

// One indicator's funnel plot: the groups' dots, the limits along `curve`, and the outliers in words.
FunnelBlock funnel(const Catalog& words, const std::string& title, const std::vector<GroupFigures>& groups,
                   const std::vector<GroupStandings>& standings, std::size_t indicator, const FunnelCurve& curve,
                   const std::function<std::string(const std::string&)>& name) {
    FunnelBlock f;
    f.title = title;
    for (std::size_t i = 0; i < groups.size() && i < standings.size(); ++i) {
        const Standing& s = standings[i][indicator].second;
        if (!s.rate || !s.target) continue;
        f.target = *s.target;
        const bool outside = s.outside != Standing::Outside::no;
        f.dots.push_back({name(groups[i].key), s.n, *s.rate, outside});
        if (outside) {
            std::string finding = words.text("audit.funnel.outside",
                                             {{"group", name(groups[i].key)}, {"percent", percent_of(*s.rate)}, {"n", s.n},
                                              {"direction", std::string(direction_name(s.direction))},
                                              {"limit", std::string(outside_name(s.outside))},
                                              {"target", percent_of(*s.target)}});
            if (s.n < few_sessions) finding += " " + words.text("audit.funnel.few");
            f.findings.push_back(finding + ".");
        }
    }
    if (f.dots.empty()) return f;
    for (const auto& [n, l] : curve) f.curve.push_back({n, l.lower95, l.upper95, l.lower998, l.upper998});
    if (f.findings.empty()) f.findings.push_back(words.text("audit.funnel.none-outside"));
    return f;
}

}  // namespace

ScreenView pin_view(const Catalog& words, bool leaving_kiosk) {
    ScreenView view;
    view.words(Emphasis::heading, words.text(leaving_kiosk ? "pin.leave" : "pin.views"));
    view.blocks.push_back(TextEntryBlock{"pin", "", TextEntryBlock::Kind::pin});
    view.blocks.push_back(button(Action::enter_pin, words.text("pin.enter"), ButtonBlock::Look::primary));
    view.blocks.push_back(button(Action::cancel_pin, words.text("pin.cancel"), ButtonBlock::Look::secondary, "", true));
    return view;
}

ScreenView staff_menu_view(const Catalog& words, const std::vector<std::string>& files, const std::string& refused) {
    ScreenView view;
    view.words(Emphasis::heading, words.text("clinician.heading"));
    view.words_if(Emphasis::muted, refused);
    view.blocks.push_back(button(Action::open_audit, words.text("clinician.audit"), ButtonBlock::Look::primary));
    view.words(Emphasis::section, words.text("clinician.open-file"));
    if (files.empty()) {
        view.words(Emphasis::muted, words.text("clinician.no-files"));
    } else {
        view.words(Emphasis::body, words.text("clinician.found-files"));
        for (std::size_t i = 0; i < files.size() && i < 12; ++i) {
            // The name first (it says whose aid and which day), then where it was found.
            const std::filesystem::path file(files[i]);
            view.blocks.push_back(button(Action::open_file, file.filename().string() + "   (" + file.parent_path().string() + ")",
                                         ButtonBlock::Look::secondary, files[i]));
        }
    }
    view.words(Emphasis::body, words.text("clinician.file-path"));
    view.blocks.push_back(TextEntryBlock{"path", "", TextEntryBlock::Kind::path});
    view.blocks.push_back(button(Action::open_file, words.text("clinician.open"), ButtonBlock::Look::primary, "", true));
    view.blocks.push_back(button(Action::leave_staff, words.text("clinician.back"), ButtonBlock::Look::secondary));
    view.blocks.push_back(button(Action::close_app, words.text("clinician.close"), ButtonBlock::Look::secondary, "", true));
    return view;
}

ScreenView audit_view(const Library& library, const Catalog& words, const AuditScreenFigures& figures) {
    ScreenView view;
    const AuditFilter& filter = figures.filter;
    view.words(Emphasis::heading, words.text("audit.heading"));
    view.words(Emphasis::muted, words.text("audit.intro"));
    bool first = true;
    for (GroupBy g : {GroupBy::none, GroupBy::clinician, GroupBy::site, GroupBy::month, GroupBy::option, GroupBy::knowledge}) {
        view.blocks.push_back(toggle(Action::group_by, words.text(std::string("audit.by.") + group_by_name(g)), group_by_name(g),
                                     filter.group_by == g, first));
        first = false;
    }
    view.blocks.push_back(toggle(Action::show_aid, words.text("audit.all-aids"), "", !filter.aid, true));
    for (const Aid* aid : library.aids()) view.blocks.push_back(toggle(Action::show_aid, aid->id, aid->id, filter.aid == aid->id, false));

    // A group's name: by choice, the option's name (the record keeps its code).
    const std::function<std::string(const std::string&)> group_name = [&](const std::string& key) {
        if (key == "all") return words.text("audit.all");
        if (filter.group_by == GroupBy::knowledge) return words.text("audit.knowledge." + key);
        return filter.group_by == GroupBy::option ? choice_label(library, key, words) : key;
    };
    TableBlock groups;
    groups.columns = {{words.text("audit.group"), 0.8f},
                      {words.text("audit.sessions"), 1.1f},
                      {words.text("audit.concordance"), 1.4f},
                      {words.text("audit.knowledge"), 1.4f},
                      {words.text("audit.informed"), 1.4f},
                      {words.text("audit.sure"), 1.4f}};
    for (const GroupFigures& g : figures.groups) {
        TableBlock::Cell concordance = rate_cell(words, g.concordance);
        if (g.no_clear_fit > 0) concordance.lines.push_back({Emphasis::muted, words.text("audit.no-clear-fit", {{"count", g.no_clear_fit}})});
        groups.rows.push_back({words_cell(Emphasis::strong, group_name(g.key)),
                               words_cell(Emphasis::body, words.text("audit.counts", {{"sessions", g.sessions}, {"completed", g.completed}})),
                               std::move(concordance), rate_cell(words, g.knowledge), rate_cell(words, g.informed_choice),
                               rate_cell(words, g.sure)});
    }
    view.blocks.push_back(std::move(groups));

    // Clinicians or sites side by side: is any far from the rest, further than chance would put it?
    const VariationFigures& variation = figures.variation;
    if (!variation.standings.empty()) {
        view.words(Emphasis::section, words.text("audit.funnel.heading"));
        const std::pair<const char*, std::size_t> indicators[] = {
            {"audit.concordance", 0}, {"audit.informed", 1}, {"audit.sure", 2}, {"audit.knowledge", 3}};
        bool first = true;
        for (const auto& [title, index] : indicators) {
            if (index >= variation.curves.size()) continue;
            FunnelBlock f = funnel(words, words.text(title), figures.groups, variation.standings, index, variation.curves[index], group_name);
            if (f.dots.empty()) continue;
            if (first) f.key = words.text("audit.funnel.key");  // how to read them, once, under the first
            first = false;
            view.blocks.push_back(std::move(f));
        }
    }

    const auto name = [&](const std::string& code) { return choice_label(library, code, words); };
    for (const GroupFigures& g : figures.groups) {
        if (!g.choices.empty()) {
            view.words(Emphasis::muted, group_name(g.key) + " · " + words.text("audit.choices") + ": " + counted(g.choices, name));
        }
    }
    for (const GroupFigures& g : figures.groups) {
        const HomeToClinicFigures& h = g.home_to_clinic;
        if (h.sessions == 0) continue;
        std::string line = group_name(g.key) + " · " +
                           words.text("audit.home-to-clinic", {{"sessions", h.sessions}, {"changed", h.choice_changed.yes},
                                                               {"of", h.choice_changed.assessable}, {"ratings", h.ratings_changed}});
        const auto move_names = [&](const std::string& move) {  // "<at home> -> <now>"
            const auto arrow = move.find(" -> ");
            if (arrow == std::string::npos) return move;
            return name(move.substr(0, arrow)) + " → " + name(move.substr(arrow + 4));
        };
        if (!h.moves.empty()) {
            if (!line.empty() && line.back() == '.') line.pop_back();  // "... changed in 7: Take ... → ..."
            line += ": " + counted(h.moves, move_names);
        }
        view.words(Emphasis::muted, line);
    }

    const long long listed = static_cast<long long>(std::min(figures.to_review.size(), sessions_shown_for_review));
    const long long to_review = std::max(figures.to_review_total, static_cast<long long>(figures.to_review.size()));
    view.anchor = view.blocks.size();
    view.words(Emphasis::section, words.text("audit.review", {{"count", to_review}}));
    if (to_review > listed && listed > 0) {
        view.words(Emphasis::muted, words.text("audit.review-page", {{"first", figures.review_skip + 1},
                                                                     {"last", figures.review_skip + listed},
                                                                     {"total", to_review}}));
    }
    TableBlock review;
    review.columns = {{words.text("audit.col.date"), 1.0f},   {words.text("audit.col.pseudonym"), 1.0f},
                      {words.text("audit.col.aid"), 1.6f},    {words.text("audit.col.clinician"), 1.1f},
                      {words.text("audit.col.choice"), 1.2f}, {words.text("audit.col.why"), 2.6f}};
    for (std::size_t i = 0; i < figures.to_review.size() && i < sessions_shown_for_review; ++i) {
        const SessionToReview& r = figures.to_review[i];
        // Words, not the record's codes: a date in the staff member's language, the aid's title
        // and the option's name.
        const Aid* aid = library.find(r.aid_id);
        TableBlock::Cell why;
        std::string reasons;
        if (r.discordant) reasons = words.text("audit.why.discordant");
        if (r.sure_score && *r.sure_score < 4) {
            reasons += (reasons.empty() ? "" : "; ") + words.text("audit.why.conflict", {{"score", static_cast<long long>(*r.sure_score)}});
        }
        why.lines.push_back({Emphasis::body, reasons});
        if (r.discordant && r.aid) {
            for (std::string& line : verdict_basis(*r.aid, r.answers, words)) why.lines.push_back({Emphasis::muted, std::move(line)});
        }
        review.rows.push_back({words_cell(Emphasis::body, format_long_date(words.locale(), r.started_at)),
                               words_cell(Emphasis::body, r.pseudonym.empty() ? std::string("—") : r.pseudonym),
                               words_cell(Emphasis::body, aid ? localized(aid->title, words.locale()) : r.aid_id),
                               words_cell(Emphasis::body, r.clinician),
                               words_cell(Emphasis::body, r.choice.empty() ? std::string("—")
                                                          : aid                 ? choice_name(*aid, r.choice, words)
                                                                                : r.choice),
                               std::move(why)});
    }
    view.blocks.push_back(std::move(review));
    // Every session to review can be reached, a page at a time.
    const bool newer = figures.review_skip > 0, older = figures.review_skip + listed < to_review;
    if (newer) view.blocks.push_back(button(Action::review_page, words.text("audit.newer"), ButtonBlock::Look::secondary, "newer"));
    if (older) view.blocks.push_back(button(Action::review_page, words.text("audit.older"), ButtonBlock::Look::secondary, "older", newer));
    view.blocks.push_back(button(Action::export_audit, words.text("audit.export"), ButtonBlock::Look::primary));
    view.blocks.push_back(button(Action::leave_staff, words.text("clinician.back"), ButtonBlock::Look::secondary, "", true));
    if (!figures.exported.empty()) {
        view.words(Emphasis::body, words.text("audit.exported", {{"path", figures.exported}, {"review", figures.exported_review ? *figures.exported_review : std::string()}}));
    }
    return view;
}

}  // namespace bran
