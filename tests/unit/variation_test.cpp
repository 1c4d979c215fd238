#include "engine/audit/variation.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <cmath>

using namespace bran;

TEST_CASE("funnel limits are Spiegelhalter's, exact: checked against the binomial in exact rationals", "[audit][variation]") {
    // Reference values worked out with Python's fractions and math.comb (every probability exact),
    // by the definition in shared/spec/audit.md.
    struct Case {
        long long n;
        double p, lower998, lower95, upper95, upper998;
    };
    const Case cases[] = {
        {10, 0.5, 0.00024, 0.13244444444444445, 0.7675555555555555, 0.89976},
        {100, 0.5, 0.3412158837225012, 0.396824041726007, 0.593175958273993, 0.6487841162774988},
        {57, 0.3, 0.11460415074524251, 0.17605410494503615, 0.41409176944908865, 0.4876052967511274},
        {400, 0.9, 0.8496839711059506, 0.8683703549009903, 0.9271888440179101, 0.9421188027393324},
        {1000, 0.02, 0.007235451463027895, 0.011265613818237057, 0.02864682310579352, 0.03452530338245552},
    };
    for (const Case& c : cases) {
        INFO("n " << c.n << ", p " << c.p);
        const auto limits = funnel_limits(c.n, c.p);
        REQUIRE(limits);
        CHECK(limits->lower998 == Approx(c.lower998).margin(1e-9));
        CHECK(limits->lower95 == Approx(c.lower95).margin(1e-9));
        CHECK(limits->upper95 == Approx(c.upper95).margin(1e-9));
        CHECK(limits->upper998 == Approx(c.upper998).margin(1e-9));
    }
}

TEST_CASE("funnel limits: none for no sessions, closed on an all-or-none rate, near the normal ones for a big site", "[audit][variation]") {
    CHECK_FALSE(funnel_limits(0, 0.5));
    const auto none = funnel_limits(50, 0.0);
    REQUIRE(none);
    CHECK(none->upper998 == 0.0);
    const auto all = funnel_limits(50, 1.0);
    REQUIRE(all);
    CHECK(all->lower998 == 1.0);
    // 200,000 sessions (a site of a big health board): the binomial is near normal, and the sum
    // runs only where the distribution has mass, so it is quick.
    const auto started = std::chrono::steady_clock::now();
    const auto big = funnel_limits(200000, 0.6);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    REQUIRE(big);
    const double se = std::sqrt(0.6 * 0.4 / 200000.0);
    CHECK(big->lower95 == Approx(0.6 - 1.959964 * se).margin(2e-5));
    CHECK(big->upper998 == Approx(0.6 + 3.090232 * se).margin(2e-5));
    CHECK(seconds < 0.05);
}

TEST_CASE("a clinician far below the others is flagged outside 99.8%, one at the overall rate is not flagged", "[audit][variation]") {
    std::vector<GroupFigures> groups(3);
    groups[0].key = "C01", groups[0].concordance = {200, 160};  // 80%
    groups[1].key = "C02", groups[1].concordance = {200, 150};  // 75%
    groups[2].key = "C03", groups[2].concordance = {100, 40};   // 40%
    groups[0].choices = {{"statin", 120}, {"no-statin", 80}};
    groups[1].choices = {{"statin", 100}, {"no-statin", 95}, {"unsure", 5}};
    groups[2].choices = {{"statin", 20}, {"no-statin", 80}};
    const auto standings = unwarranted_variation(groups, true);
    REQUIRE(standings.size() == 3);
    // Target: 350 of 500 = 70%.
    const Standing& low = standings[2][0].second;
    CHECK(standings[2][0].first == "concordance");
    CHECK(low.target == Approx(0.7));
    CHECK(low.outside == Standing::Outside::limit998);
    CHECK(low.direction == Standing::Direction::below);
    const Standing& middle = standings[1][0].second;
    CHECK(middle.outside == Standing::Outside::no);
    CHECK(middle.direction == Standing::Direction::none);
    // No knowledge answers anywhere: no rate, no limits, no flag.
    const auto& knowledge = standings[0][3];
    CHECK(knowledge.first == "knowledge");
    CHECK_FALSE(knowledge.second.rate);
    CHECK_FALSE(knowledge.second.limits);
    // Each option's share of choices: C03 chose a statin far less (20 of 100 against 240 of 500).
    std::vector<std::string> names;
    for (const auto& [name, standing] : standings[2]) names.push_back(name);
    CHECK(names == std::vector<std::string>{"concordance", "informed_choice", "sure", "knowledge", "choice:no-statin", "choice:statin"});
    const Standing& statin = standings[2][5].second;
    CHECK(statin.n == 100);
    CHECK(statin.target == Approx(240.0 / 500.0));
    CHECK(statin.direction == Standing::Direction::below);
    CHECK(statin.outside != Standing::Outside::no);
}

TEST_CASE("a count on the step just inside the limits is not flagged: 4 of 4 against 84% is a one-in-two chance", "[audit][variation]") {
    std::vector<GroupFigures> groups(2);
    groups[0].key = "C04", groups[0].knowledge = {4, 4};
    groups[1].key = "C05", groups[1].knowledge = {100, 80};  // target 84 of 104
    const auto standings = unwarranted_variation(groups, false);
    const Standing& small = standings[0][3].second;
    REQUIRE(small.limits);
    CHECK(*small.rate > small.limits->upper998);  // drawn above the interpolated line...
    CHECK(small.outside == Standing::Outside::no);  // ...but not an outlier
    // 0 of 20 against 80% is (0.2^20 = 1e-14).
    groups[0].knowledge = {20, 0};
    CHECK(unwarranted_variation(groups, false)[0][3].second.outside == Standing::Outside::limit998);
}
