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

// Groups by clinician or site are compared; months, options and knowledge are not people or places.
bool compares_providers(GroupBy group_by);

// Fewer sessions than this on an indicator: the limits are wide and a flag means little.
constexpr long long few_sessions = 20;

}  // namespace bran
