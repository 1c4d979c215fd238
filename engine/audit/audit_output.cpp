#include "engine/audit/audit_output.hpp"

#include "engine/audit/variation.hpp"
#include "engine/core/terminal_text.hpp"

#include <cstdio>
#include <set>
#include <sstream>
#include <string_view>

namespace bran {

namespace {

nlohmann::ordered_json rate_json(const std::optional<double>& rate) {
    return rate ? nlohmann::ordered_json(*rate) : nlohmann::ordered_json(nullptr);
}

std::string percent(const std::optional<double>& rate) {
    if (!rate) return "n/a";
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%.1f%%", *rate * 100.0);
    return buffer;
}

std::string fraction(const Proportion& p) {
    return std::to_string(p.yes) + "/" + std::to_string(p.assessable) + " (" + percent(p.rate()) + ")";
}

std::string number(const std::optional<double>& value) {
    if (!value) return "";
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.4f", *value);
    return buffer;
}

nlohmann::ordered_json name_or_null(const char* name) { return name ? nlohmann::ordered_json(name) : nlohmann::ordered_json(nullptr); }

nlohmann::ordered_json standing_json(const Standing& s) {
    const auto limit = [&](double ControlLimits::*which) {
        return s.limits ? nlohmann::ordered_json((*s.limits).*which) : nlohmann::ordered_json(nullptr);
    };
    nlohmann::ordered_json j;
    j["n"] = s.n;
    j["rate"] = rate_json(s.rate);
    j["target"] = rate_json(s.target);
    j["lower95"] = limit(&ControlLimits::lower95);
    j["upper95"] = limit(&ControlLimits::upper95);
    j["lower998"] = limit(&ControlLimits::lower998);
    j["upper998"] = limit(&ControlLimits::upper998);
    j["outside"] = name_or_null(outside_name(s.outside));
    j["direction"] = name_or_null(direction_name(s.direction));
    j["few_sessions"] = s.n < few_sessions;
    return j;
}

}  // namespace

std::string csv_text_cell(const std::string& text) {
    // A spreadsheet runs a cell that starts like this as a formula (OWASP, CSV injection); a leading
    // quote makes it text, and quoting keeps the quote from being read as the cell's own delimiter.
    const bool formula_like = !text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos;
    const std::string cell = formula_like ? "'" + text : text;
    if (!formula_like && cell.find_first_of(",\"\r\n") == std::string::npos) return cell;
    std::string quoted = "\"";
    for (char c : cell) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    return quoted + "\"";
}

const char* concordance_rule_name(ConcordanceRule rule) {
    return rule == ConcordanceRule::current ? "value-concordance/2" : "weighted-sum/1";
}

nlohmann::ordered_json audit_json(const AuditFilter& filter, const std::vector<GroupFigures>& groups, ConcordanceRule rule) {
    nlohmann::ordered_json filters = nlohmann::ordered_json::object();
    filters["aid"] = filter.aid ? nlohmann::ordered_json(*filter.aid) : nlohmann::ordered_json(nullptr);
    filters["from"] = filter.from ? nlohmann::ordered_json(*filter.from) : nlohmann::ordered_json(nullptr);
    filters["to"] = filter.to ? nlohmann::ordered_json(*filter.to) : nlohmann::ordered_json(nullptr);
    filters["group_by"] = filter.group_by == GroupBy::none ? nlohmann::ordered_json(nullptr)
                                                           : nlohmann::ordered_json(group_by_name(filter.group_by));
    nlohmann::ordered_json out;
    out["filters"] = filters;
    out["concordance_rule"] = concordance_rule_name(rule);
    out["groups"] = nlohmann::ordered_json::array();
    const std::vector<GroupStandings> variation =
        compares_providers(filter.group_by) ? unwarranted_variation(groups, filter.aid.has_value()) : std::vector<GroupStandings>();
    for (std::size_t i = 0; i < groups.size(); ++i) {
        const GroupFigures& g = groups[i];
        nlohmann::ordered_json j;
        j["key"] = g.key;
        j["sessions"] = g.sessions;
        j["completed"] = g.completed;
        j["concordance"] = {{"assessable", g.concordance.assessable}, {"concordant", g.concordance.yes}, {"rate", rate_json(g.concordance.rate())},
                            {"no_clear_fit", g.no_clear_fit}};
        j["knowledge"] = {{"assessable", g.knowledge.assessable}, {"adequate", g.knowledge.yes}, {"rate", rate_json(g.knowledge.rate())}};
        j["informed_choice"] = {{"assessable", g.informed_choice.assessable}, {"informed", g.informed_choice.yes},
                                {"rate", rate_json(g.informed_choice.rate())}};
        j["sure"] = {{"assessable", g.sure.assessable}, {"pass", g.sure.yes}, {"rate", rate_json(g.sure.rate())},
                     {"mean_score", rate_json(g.sure_mean())}};
        nlohmann::ordered_json choices = nlohmann::ordered_json::object();
        for (const auto& [choice, count] : g.choices) choices[choice] = count;
        j["choices"] = choices;
        const HomeToClinicFigures& h = g.home_to_clinic;
        nlohmann::ordered_json moves = nlohmann::ordered_json::object();
        for (const auto& [move, count] : h.moves) moves[move] = count;
        j["home_to_clinic"] = {{"sessions", h.sessions},
                               {"choice_changed", {{"assessable", h.choice_changed.assessable}, {"changed", h.choice_changed.yes},
                                                   {"rate", rate_json(h.choice_changed.rate())}}},
                               {"ratings_changed", h.ratings_changed},
                               {"moves", moves}};
        if (i < variation.size()) {
            nlohmann::ordered_json v = nlohmann::ordered_json::object();
            for (const auto& [indicator, standing] : variation[i]) v[indicator] = standing_json(standing);
            j["variation"] = v;
        }
        out["groups"].push_back(j);
    }
    return out;
}

std::string audit_csv(const std::vector<GroupFigures>& groups) {
    std::set<std::string> choice_names;
    for (const GroupFigures& g : groups) {
        for (const auto& entry : g.choices) choice_names.insert(entry.first);
    }
    std::ostringstream out;
    out << "group,sessions,completed,concordance_assessable,concordant,concordance_rate,no_clear_fit,knowledge_assessable,"
           "knowledge_adequate,knowledge_rate,informed_assessable,informed,informed_rate,sure_assessable,sure_pass,"
           "sure_rate,sure_mean_score,home_to_clinic_sessions,home_choice_assessable,home_choice_changed,"
           "home_ratings_changed";
    for (const std::string& c : choice_names) out << ',' << csv_text_cell("choice_" + c);
    out << "\r\n";  // RFC 4180 line ends, which spreadsheets expect
    for (const GroupFigures& g : groups) {
        out << csv_text_cell(g.key) << ',' << g.sessions << ',' << g.completed << ',' << g.concordance.assessable << ','
            << g.concordance.yes << ',' << number(g.concordance.rate()) << ',' << g.no_clear_fit << ','
            << g.knowledge.assessable << ','
            << g.knowledge.yes << ',' << number(g.knowledge.rate()) << ',' << g.informed_choice.assessable << ','
            << g.informed_choice.yes << ',' << number(g.informed_choice.rate()) << ',' << g.sure.assessable << ','
            << g.sure.yes << ',' << number(g.sure.rate()) << ',' << number(g.sure_mean()) << ','
            << g.home_to_clinic.sessions << ',' << g.home_to_clinic.choice_changed.assessable << ','
            << g.home_to_clinic.choice_changed.yes << ',' << g.home_to_clinic.ratings_changed;
        for (const std::string& c : choice_names) {
            auto it = g.choices.find(c);
            out << ',' << (it == g.choices.end() ? 0 : it->second);
        }
        out << "\r\n";
    }
    return out.str();
}

std::string sessions_to_review_csv(const std::vector<SessionToReview>& sessions) {
    std::ostringstream out;
    out << "started_at,session,pseudonym,clinician,site,aid,choice,discordant,sure_score\r\n";
    for (const SessionToReview& r : sessions) {
        out << csv_text_cell(r.started_at) << ',' << csv_text_cell(r.id) << ',' << csv_text_cell(r.pseudonym) << ','
            << csv_text_cell(r.clinician) << ',' << csv_text_cell(r.site) << ',' << csv_text_cell(r.aid_id) << ','
            << csv_text_cell(r.choice) << ',' << (r.discordant ? 1 : 0) << ',' << (r.sure_score ? std::to_string(*r.sure_score) : "")
            << "\r\n";
    }
    return out.str();
}

std::string audit_table(const AuditFilter& filter, const std::vector<GroupFigures>& groups) {
    std::ostringstream out;
    out << "Personal-value audit";
    if (filter.aid) out << "  aid " << terminal_safe(*filter.aid);
    if (filter.from || filter.to) out << "  from " << filter.from.value_or("the start") << " to " << filter.to.value_or("today");
    if (filter.group_by != GroupBy::none) out << "  by " << group_by_name(filter.group_by);
    out << "\n(rates count completed sessions where the figure can be assessed)\n\n";
    char line[512];
    std::snprintf(line, sizeof line, "%-22s %9s %9s  %-22s %-22s %-22s %-22s %s\n", "group", "sessions", "completed",
                  "value-concordant", "knowledge adequate", "informed choice", "SURE 4/4", "SURE mean");
    out << line;
    const std::vector<GroupStandings> variation =
        compares_providers(filter.group_by) ? unwarranted_variation(groups, filter.aid.has_value()) : std::vector<GroupStandings>();
    for (std::size_t i = 0; i < groups.size(); ++i) {
        const GroupFigures& g = groups[i];
        std::snprintf(line, sizeof line, "%-22s %9lld %9lld  %-22s %-22s %-22s %-22s %s\n", terminal_safe(g.key).c_str(), g.sessions,
                      g.completed, fraction(g.concordance).c_str(), fraction(g.knowledge).c_str(),
                      fraction(g.informed_choice).c_str(), fraction(g.sure).c_str(),
                      g.sure_mean() ? number(g.sure_mean()).substr(0, 4).c_str() : "n/a");
        out << line;
        if (g.no_clear_fit > 0) out << "    no clear fit (not assessable for concordance): " << g.no_clear_fit << '\n';
        if (i < variation.size()) {
            // Only what stands out: a rate outside its control limits (a funnel plot's outlier).
            for (const auto& [indicator, s] : variation[i]) {
                if (s.outside == Standing::Outside::no) continue;
                out << "    " << terminal_safe(indicator) << ": " << percent(s.rate) << " of " << s.n << ", "
                    << direction_name(s.direction) << " the " << outside_name(s.outside) << "% limits around " << percent(s.target)
                    << (s.n < few_sessions ? " (few sessions)" : "") << '\n';
            }
        }
        if (!g.choices.empty()) {
            out << "    choices:";
            for (const auto& [choice, count] : g.choices) out << "  " << terminal_safe(choice) << " " << count;
            out << '\n';
        }
        const HomeToClinicFigures& h = g.home_to_clinic;
        if (h.sessions > 0) {
            out << "    home to clinic: " << h.sessions << " sessions begun at home; choice changed " << fraction(h.choice_changed)
                << "; ratings changed in " << h.ratings_changed << '\n';
            for (const auto& [move, count] : h.moves) out << "      " << terminal_safe(move) << "  " << count << '\n';
        }
    }
    return out.str();
}

}  // namespace bran
