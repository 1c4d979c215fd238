// Unwarranted variation: where each clinician's or site's rate stands against the rate of all of
// them together, with the funnel plot's control limits (shared/spec/audit.md, "Unwarranted
// variation"; Spiegelhalter 2005, Statistics in Medicine 24:1185).
#pragma once
#include "engine/audit/report.hpp"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace bran {

struct ControlLimits {
    double lower95 = 0, upper95 = 1, lower998 = 0, upper998 = 1;
};

// The binomial control limits for a rate out of n when the true rate is p: for each probability q
// (0.001, 0.025, 0.975, 0.999), r is the smallest count with F(r) >= q (F the Binomial(n, p)
// distribution function), interpolated by α = (F(r) - q) / (F(r) - F(r - 1)) to (r - α) / n and
// kept within 0 and 1. Exact for any n (the sum runs only where the distribution has mass); none
// for n = 0.
std::optional<ControlLimits> funnel_limits(long long n, double p);

// One group on one indicator.
struct Standing {
    long long n = 0;               // assessable sessions (for a choice: completed sessions with one)
    std::optional<double> rate;    // the group's rate; none when n = 0
    std::optional<double> target;  // the rate of all groups together, weighted by n
    std::optional<ControlLimits> limits;
    // Outside the 95% limits: a count at least as far from the target as this one has a chance
    // under 2.5% on its side (binomial, at the target rate); the 99.8% limits: under 0.1%.
    enum class Outside { no, limit95, limit998 } outside = Outside::no;
    enum class Direction { none, above, below } direction = Direction::none;
};

// Each indicator, by the name the JSON gives it: concordance, informed_choice, sure, knowledge,
// then with `with_choices` "choice:<option-id>" for each option chosen in any group (unsure and
// defer are not options).
using GroupStandings = std::vector<std::pair<std::string, Standing>>;
std::vector<GroupStandings> unwarranted_variation(const std::vector<GroupFigures>& groups, bool with_choices);

// How the JSON and the screen name them: "95" or "99.8", "above" or "below"; null when not outside.
const char* outside_name(Standing::Outside outside);
const char* direction_name(Standing::Direction direction);

// The limits of one indicator's funnel at numbers of sessions from 1 to `largest`, evenly on a
// square-root scale (where the funnel's curve is even): what a plot draws.
using FunnelCurve = std::vector<std::pair<long long, ControlLimits>>;
FunnelCurve funnel_curve(long long largest, double target, int steps = 48);

// What the audit screen's plots need, worked out once when the figures change rather than on
// every frame: each group's standings, and per indicator (in the standings' order) its curve,
// empty where no group has a rate.
struct VariationFigures {
    std::vector<GroupStandings> standings;
    std::vector<FunnelCurve> curves;
};
VariationFigures variation_figures(const std::vector<GroupFigures>& groups, bool with_choices);

// Groups by clinician or site are compared; months, options and knowledge are not people or places.
bool compares_providers(GroupBy group_by);

// Fewer sessions than this on an indicator: the limits are wide and a flag means little.
constexpr long long few_sessions = 20;

}  // namespace bran
