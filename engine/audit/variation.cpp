#include "engine/audit/variation.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace bran {

namespace {

// Walks the Binomial(n, p) distribution up from where it has mass, for 0 < p < 1: visit(r,
// probability of r, probability of r or fewer) until it returns false or r passes n. Below
// mean - 12 sd lies less than 1e-32 of the mass: the walk starts there, with that count's
// probability from log-gamma, and goes up by the ratio of successive probabilities, so a site
// of 10^5 sessions costs a few thousand steps.
template <typename Visit>
void walk_binomial(long long n, double p, Visit visit) {
    const double N = static_cast<double>(n);
    const double sd = std::sqrt(N * p * (1.0 - p));
    const long long first = std::max(0LL, static_cast<long long>(std::floor(N * p - 12.0 * sd - 10.0)));
    const double k0 = static_cast<double>(first);
    double pmf = std::exp(std::lgamma(N + 1.0) - std::lgamma(k0 + 1.0) - std::lgamma(N - k0 + 1.0) + k0 * std::log(p) +
                          (N - k0) * std::log1p(-p));
    const double odds = p / (1.0 - p);
    double cumulative = 0.0;
    for (long long r = first; r <= n; ++r) {
        cumulative += pmf;
        if (!visit(r, pmf, cumulative)) return;
        pmf *= static_cast<double>(n - r) / static_cast<double>(r + 1) * odds;
    }
}

// P(X <= y) and P(X >= y) for X ~ Binomial(n, p).
std::pair<double, double> tails(long long n, double p, long long y) {
    if (p <= 0.0) return {1.0, y <= 0 ? 1.0 : 0.0};
    if (p >= 1.0) return {y >= n ? 1.0 : 0.0, 1.0};
    double at_most = 0.0, below = 0.0;  // P(X <= y), P(X <= y - 1)
    walk_binomial(n, p, [&](long long r, double pmf, double cumulative) {
        if (r == y) at_most = cumulative, below = cumulative - pmf;
        return r < y;
    });
    return {std::min(1.0, at_most), std::max(0.0, 1.0 - below)};
}

}  // namespace

std::optional<ControlLimits> funnel_limits(long long n, double p) {
    if (n <= 0) return std::nullopt;
    ControlLimits limits;
    if (p <= 0.0 || p >= 1.0) {
        // All or none: every count but one has no mass, and the limits close on the rate.
        const double at = p <= 0.0 ? 0.0 : 1.0;
        limits = {at, at, at, at};
        return limits;
    }
    const double qs[] = {0.001, 0.025, 0.975, 0.999};
    double* const out[] = {&limits.lower998, &limits.lower95, &limits.upper95, &limits.upper998};
    std::size_t next = 0;
    walk_binomial(n, p, [&](long long r, double pmf, double cumulative) {
        while (next < 4 && cumulative >= qs[next]) {
            const double alpha = pmf > 0.0 ? (cumulative - qs[next]) / pmf : 0.0;
            *out[next] = std::clamp((static_cast<double>(r) - alpha) / static_cast<double>(n), 0.0, 1.0);
            ++next;
        }
        return next < 4;
    });
    // Rounding can leave the sum a hair under 0.999 at the very end: the top count is the limit.
    for (; next < 4; ++next) *out[next] = 1.0;
    return limits;
}

bool compares_providers(GroupBy group_by) { return group_by == GroupBy::clinician || group_by == GroupBy::site; }

namespace {

Standing stand(long long n, long long yes, std::optional<double> target) {
    Standing s;
    s.n = n;
    s.target = target;
    if (n == 0 || !target) return s;
    s.rate = Proportion{n, yes}.rate();
    s.limits = funnel_limits(n, *target);
    // Flagged only when the count is as unlikely as the limit says. The limits are interpolated
    // between whole counts (so that they draw as smooth funnels), and a count on the step just
    // inside them would otherwise be flagged: 4 of 4 against a target of 84% (a chance of one
    // in two) lies above an upper limit of 99.95%.
    const auto [at_most, at_least] = tails(n, *target, yes);
    const bool high = *s.rate > *target;
    const double tail = high ? at_least : at_most;
    if (tail < 0.001) s.outside = Standing::Outside::limit998;
    else if (tail < 0.025) s.outside = Standing::Outside::limit95;
    if (s.outside != Standing::Outside::no) s.direction = high ? Standing::Direction::above : Standing::Direction::below;
    return s;
}

long long with_a_choice(const GroupFigures& g) {
    long long n = 0;
    for (const auto& entry : g.choices) n += entry.second;
    return n;
}

}  // namespace

std::vector<GroupStandings> unwarranted_variation(const std::vector<GroupFigures>& groups, bool with_choices) {
    using Indicator = Proportion GroupFigures::*;
    const std::pair<const char*, Indicator> indicators[] = {{"concordance", &GroupFigures::concordance},
                                                            {"informed_choice", &GroupFigures::informed_choice},
                                                            {"sure", &GroupFigures::sure},
                                                            {"knowledge", &GroupFigures::knowledge}};
    std::map<std::string, std::optional<double>> targets;
    for (const auto& [name, member] : indicators) {
        long long n = 0, yes = 0;
        for (const GroupFigures& g : groups) n += (g.*member).assessable, yes += (g.*member).yes;
        targets[name] = Proportion{n, yes}.rate();
    }
    std::set<std::string> options;
    long long chose_any = 0;
    std::map<std::string, long long> chose;
    if (with_choices) {
        for (const GroupFigures& g : groups) {
            chose_any += with_a_choice(g);
            for (const auto& [choice, count] : g.choices) {
                chose[choice] += count;
                if (choice != "unsure" && choice != "defer") options.insert(choice);
            }
        }
    }
    std::vector<GroupStandings> out;
    out.reserve(groups.size());
    for (const GroupFigures& g : groups) {
        GroupStandings standings;
        for (const auto& [name, member] : indicators) {
            standings.emplace_back(name, stand((g.*member).assessable, (g.*member).yes, targets[name]));
        }
        const long long n = with_a_choice(g);
        for (const std::string& option : options) {
            const auto it = g.choices.find(option);
            standings.emplace_back("choice:" + option, stand(n, it == g.choices.end() ? 0 : it->second, Proportion{chose_any, chose[option]}.rate()));
        }
        out.push_back(std::move(standings));
    }
    return out;
}

const char* outside_name(Standing::Outside outside) {
    switch (outside) {
        case Standing::Outside::no: return nullptr;
        case Standing::Outside::limit95: return "95";
        case Standing::Outside::limit998: return "99.8";
    }
    return nullptr;
}

const char* direction_name(Standing::Direction direction) {
    switch (direction) {
        case Standing::Direction::none: return nullptr;
        case Standing::Direction::above: return "above";
        case Standing::Direction::below: return "below";
    }
    return nullptr;
}

FunnelCurve funnel_curve(long long largest, double target, int steps) {
    FunnelCurve curve;
    long long last = 0;
    for (int k = 1; k <= steps; ++k) {
        const double root = std::sqrt(static_cast<double>(largest)) * k / steps;
        const long long n = std::max(1LL, static_cast<long long>(std::llround(root * root)));
        if (n == last) continue;
        last = n;
        if (const auto limits = funnel_limits(n, target)) curve.emplace_back(n, *limits);
    }
    return curve;
}

VariationFigures variation_figures(const std::vector<GroupFigures>& groups, bool with_choices) {
    VariationFigures out;
    out.standings = unwarranted_variation(groups, with_choices);
    const std::size_t indicators = out.standings.empty() ? 0 : out.standings.front().size();
    for (std::size_t k = 0; k < indicators; ++k) {
        long long largest = 0;
        std::optional<double> target;
        for (const GroupStandings& g : out.standings) {
            const Standing& s = g[k].second;
            if (!s.rate || !s.target) continue;
            largest = std::max(largest, s.n);
            target = s.target;
        }
        out.curves.push_back(target ? funnel_curve(largest, *target) : FunnelCurve());
    }
    return out;
}

}  // namespace bran
