// The value-concordance verdict (docs/value-concordance.md) on every bundled aid: the case tables of
// that page, read from it, and the properties it promises.
#include "engine/decision/value_model.hpp"
#include "engine/content/library.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <sstream>

using namespace bran;
namespace fs = std::filesystem;

namespace {

std::vector<Aid> bundled_aids() {
    std::vector<Aid> aids;
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(BRAN_SOURCE_CONTENT_DIR)) {
        if (entry.path().extension() == ".json") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    for (const fs::path& file : files) {
        LoadedAid loaded = load_aid_file(file.string(), RuleContext{});
        INFO(file.string());
        REQUIRE(loaded.aid);
        aids.push_back(*loaded.aid);
    }
    return aids;
}

std::string trim(const std::string& s) {
    const auto first = s.find_first_not_of(' ');
    if (first == std::string::npos) return "";
    return s.substr(first, s.find_last_not_of(' ') - first + 1);
}

// "a 4, b-c 2" -> {a: 4, b-c: 2}; "general" -> {}.
std::map<std::string, int> pairs(const std::string& cell) {
    std::map<std::string, int> out;
    if (cell == "general") return out;
    std::stringstream items(cell);
    std::string item;
    while (std::getline(items, item, ',')) {
        item = trim(item);
        const auto space = item.rfind(' ');
        REQUIRE(space != std::string::npos);
        out[item.substr(0, space)] = std::stoi(item.substr(space + 1));
    }
    return out;
}

struct Case {
    std::string aid, name, verdict;
    std::map<std::string, int> scores, ratings;
};

// The rows of the tables under "### <aid id>" in docs/value-concordance.md.
std::vector<Case> documented_cases() {
    std::ifstream in(BRAN_TEST_DATA "/../../docs/value-concordance.md");
    REQUIRE(in);
    std::vector<Case> cases;
    std::string line, aid;
    while (std::getline(in, line)) {
        if (line.rfind("### ", 0) == 0) aid = trim(line.substr(4));
        if (aid.empty() || line.rfind("| ", 0) != 0 || line.rfind("| case", 0) == 0) continue;
        std::vector<std::string> cells;
        std::stringstream row(line.substr(1));
        std::string cell;
        while (std::getline(row, cell, '|')) cells.push_back(trim(cell));
        INFO(line);
        REQUIRE(cells.size() >= 5);
        cases.push_back({aid, cells[0], cells[3], pairs(cells[1]), pairs(cells[2])});
    }
    return cases;
}

std::map<std::string, ScoreResult> score_results(const std::map<std::string, int>& scores) {
    std::map<std::string, ScoreResult> out;
    for (const auto& [id, value] : scores) out[id] = {id, value};
    return out;
}

std::string verdict_text(const ValueVerdict& v) {
    if (v.favoured.empty()) return "none";
    if (v.clear()) return v.favoured.front();
    std::string text = "about equal: ";
    for (std::size_t i = 0; i < v.favoured.size(); ++i) text += (i ? ", " : "") + v.favoured[i];
    return text;
}

// Random rating profiles and scores for an aid: the same every run.
struct Profiles {
    explicit Profiles(const Aid& aid, unsigned seed = 13) : m_aid(aid), m_random(seed) {}
    std::map<std::string, int> ratings() {
        std::map<std::string, int> r;
        for (const Criterion& c : m_aid.criteria) r[c.id] = static_cast<int>(m_random() % 5);
        return r;
    }
    std::map<std::string, ScoreResult> scores() {
        std::map<std::string, int> s;
        if (m_aid.personalisation) {
            for (const RiskTable& t : m_aid.personalisation->tables) {
                const Band& band = t.bands[m_random() % t.bands.size()];
                if (!s.count(t.score)) s[t.score] = band.min;
            }
        }
        return score_results(s);
    }

private:
    const Aid& m_aid;
    std::mt19937 m_random;
};

ValuePoints lead(const ValueVerdict& v, const std::string& a, const std::string& b) { return v.totals.at(a) - v.totals.at(b); }

// Every option id and criterion id renamed, and both lists reversed.
Aid renamed_and_reordered(const Aid& aid) {
    const auto rename = [](const std::string& id) { return "renamed-" + id; };
    const auto rename_keys = [&](auto& map) {
        std::remove_reference_t<decltype(map)> out;
        for (auto& [key, value] : map) out[rename(key)] = value;
        map = out;
    };
    Aid copy = aid;
    for (Option& o : copy.options) o.id = rename(o.id);
    std::reverse(copy.options.begin(), copy.options.end());
    for (Criterion& c : copy.criteria) {
        c.id = rename(c.id);
        rename_keys(c.supports);
    }
    std::reverse(copy.criteria.begin(), copy.criteria.end());
    for (Outcome& o : copy.outcomes) rename_keys(o.numbers);
    if (copy.personalisation) {
        for (RiskTable& t : copy.personalisation->tables) {
            for (Band& b : t.bands) rename_keys(b.numbers);
        }
    }
    return copy;
}

}  // namespace

TEST_CASE("every bundled aid has at least eight documented cases, and each gives its documented verdict", "[values]") {
    const std::vector<Aid> aids = bundled_aids();
    const std::vector<Case> cases = documented_cases();
    for (const Aid& aid : aids) {
        INFO(aid.id);
        CHECK(std::count_if(cases.begin(), cases.end(), [&](const Case& c) { return c.aid == aid.id; }) >= 8);
    }
    for (const Case& c : cases) {
        INFO(c.name);
        const auto aid = std::find_if(aids.begin(), aids.end(), [&](const Aid& a) { return a.id == c.aid; });
        REQUIRE(aid != aids.end());
        for (const auto& [criterion, rating] : c.ratings) REQUIRE(aid->find_criterion(criterion));
        CHECK(verdict_text(weigh_values(*aid, c.ratings, score_results(c.scores))) == c.verdict);
    }
}

TEST_CASE("the atrial fibrillation case of issue 13: a blood thinner fits, and the reasons say why with her numbers",
          "[values]") {
    const std::vector<Aid> aids = bundled_aids();
    const Aid& af = *std::find_if(aids.begin(), aids.end(), [](const Aid& a) { return a.id == "af-anticoagulation"; });
    const ValueVerdict v = weigh_values(
        af, {{"avoid-stroke", 4}, {"avoid-bleeding", 3}, {"no-daily-tablet", 2}, {"fewer-checks", 1}, {"everyday-life", 1}},
        score_results({{"cha2ds2-vasc", 4}, {"has-bled", 1}}));
    REQUIRE(v.favoured == std::vector<std::string>{"anticoagulant"});
    const CriterionWeighing& stroke = v.criteria.front();
    REQUIRE(stroke.numbers);
    CHECK(stroke.numbers->personalised);
    CHECK(stroke.numbers->numbers->at("anticoagulant").count == 17);
    CHECK(stroke.numbers->numbers->at("no-anticoagulant").count == 48);
    // weight 8 x supports spread 3 x (31 / 14), the general difference being 22 - 8
    CHECK(lead(v, "anticoagulant", "no-anticoagulant") > 30 * value_point);
}

TEST_CASE("raising a rating never lowers an option against one that serves that criterion less well", "[values]") {
    for (const Aid& aid : bundled_aids()) {
        INFO(aid.id);
        Profiles profiles(aid);
        for (int trial = 0; trial < 300; ++trial) {
            const auto ratings = profiles.ratings();
            const auto scores = profiles.scores();
            const ValueVerdict before = weigh_values(aid, ratings, scores);
            for (const Criterion& c : aid.criteria) {
                if (ratings.at(c.id) == 4) continue;
                auto raised = ratings;
                ++raised[c.id];
                const ValueVerdict after = weigh_values(aid, raised, scores);
                const Outcome* outcome = aid.find_outcome(c.outcome);
                const auto serves = criterion_points(aid, c, outcome ? std::optional(numbers_for(aid, *outcome, scores))
                                                                     : std::nullopt);
                for (const Option& o : aid.options) {
                    bool serves_best = true;
                    for (const Option& p : aid.options) {
                        if (serves.at(o.id) < serves.at(p.id)) serves_best = false;
                        if (serves.at(o.id) > serves.at(p.id)) CHECK(lead(after, o.id, p.id) > lead(before, o.id, p.id));
                    }
                    // An option that fitted best, and serves this criterion at least as well as any,
                    // still fits best.
                    if (serves_best && before.clear() && before.favoured.front() == o.id) CHECK(after.favoured == before.favoured);
                }
            }
        }
    }
}

TEST_CASE("a larger personal benefit never lowers the option it favours, at the same ratings", "[values]") {
    for (const Aid& aid : bundled_aids()) {
        if (!aid.personalisation) continue;
        INFO(aid.id);
        Profiles profiles(aid);
        for (const RiskTable& table : aid.personalisation->tables) {
            const Criterion* criterion = nullptr;
            for (const Criterion& c : aid.criteria) {
                if (c.outcome == table.outcome) criterion = &c;
            }
            if (!criterion) continue;  // an outcome no criterion weighs (e.g. "no stroke", the other side of "stroke")
            const Outcome& outcome = *aid.find_outcome(table.outcome);
            const auto better = [&](const std::map<std::string, Number>& numbers, const std::string& o) {
                return outcome.valence == Valence::bad ? -numbers.at(o).count : numbers.at(o).count;
            };
            // The option the general numbers favour, and the benefit of it in a band.
            std::string favoured = aid.options.front().id;
            for (const Option& o : aid.options) {
                if (better(outcome.numbers, o.id) > better(outcome.numbers, favoured)) favoured = o.id;
            }
            const auto benefit = [&](const Band& band) {
                int least = better(band.numbers, favoured);
                for (const Option& o : aid.options) least = std::min(least, better(band.numbers, o.id));
                return better(band.numbers, favoured) - least;
            };
            for (int trial = 0; trial < 100; ++trial) {
                auto ratings = profiles.ratings();
                ratings[criterion->id] = 1 + trial % 4;
                // Up the bands: the lead of the favoured option moves with the benefit, never against it.
                for (std::size_t i = 0; i + 1 < table.bands.size(); ++i) {
                    const Band& low = table.bands[i];
                    const Band& high = table.bands[i + 1];
                    auto scores = profiles.scores();
                    scores[table.score] = {table.score, low.min};
                    const ValueVerdict at_low = weigh_values(aid, ratings, scores);
                    scores[table.score] = {table.score, high.min};
                    const ValueVerdict at_high = weigh_values(aid, ratings, scores);
                    for (const Option& o : aid.options) {
                        if (o.id == favoured) continue;
                        const ValuePoints before = lead(at_low, favoured, o.id), after = lead(at_high, favoured, o.id);
                        INFO("band " << low.min << " to " << high.min);
                        if (benefit(high) >= benefit(low)) CHECK(after >= before);
                        else CHECK(after < before);
                    }
                }
            }
            // The synthetic check: the same band with one fewer bad outcome (or one more good one)
            // for the favoured option.
            Aid wider = aid;
            for (RiskTable& t : wider.personalisation->tables) {
                if (t.outcome != table.outcome) continue;
                for (Band& b : t.bands) {
                    int& count = b.numbers.at(favoured).count;
                    count += outcome.valence == Valence::bad ? -1 : 1;
                    count = std::max(0, std::min(count, outcome.denominator));
                }
            }
            for (int trial = 0; trial < 100; ++trial) {
                const auto ratings = profiles.ratings();
                const auto scores = profiles.scores();
                const ValueVerdict base = weigh_values(aid, ratings, scores), more = weigh_values(wider, ratings, scores);
                for (const Option& o : aid.options) {
                    if (o.id != favoured) CHECK(lead(more, favoured, o.id) >= lead(base, favoured, o.id));
                }
                if (base.clear() && base.favoured.front() == favoured) CHECK(more.favoured == base.favoured);
            }
        }
    }
}

TEST_CASE("the one band in the bundled content where a higher score gives a smaller benefit is known", "[values]") {
    // Stroke rates by CHA2DS2-VASc: 72 fewer in 1,000 at 7, 69 at 8 in the cited source. Flagged for
    // clinical review in docs/value-concordance.md; if the content changes, this test says so.
    const std::vector<Aid> aids = bundled_aids();
    std::vector<std::string> smaller;
    for (const Aid& aid : aids) {
        if (!aid.personalisation) continue;
        for (const RiskTable& t : aid.personalisation->tables) {
            const Outcome& outcome = *aid.find_outcome(t.outcome);
            if (std::none_of(aid.criteria.begin(), aid.criteria.end(), [&](const Criterion& c) { return c.outcome == t.outcome; })) continue;
            const auto spread = [&](const Band& b) {
                int low = outcome.denominator, high = 0;
                for (const auto& [option, number] : b.numbers) low = std::min(low, number.count), high = std::max(high, number.count);
                return high - low;
            };
            for (std::size_t i = 0; i + 1 < t.bands.size(); ++i) {
                if (spread(t.bands[i + 1]) < spread(t.bands[i])) {
                    smaller.push_back(aid.id + " " + t.outcome + " " + std::to_string(t.bands[i].min) + "->" +
                                      std::to_string(t.bands[i + 1].min));
                }
            }
        }
    }
    CHECK(smaller == std::vector<std::string>{"af-anticoagulation stroke 7->8"});
}

TEST_CASE("renaming or reordering options and criteria changes no verdict", "[values]") {
    for (const Aid& aid : bundled_aids()) {
        INFO(aid.id);
        const Aid other = renamed_and_reordered(aid);
        Profiles profiles(aid);
        for (int trial = 0; trial < 300; ++trial) {
            const auto ratings = profiles.ratings();
            const auto scores = profiles.scores();
            std::map<std::string, int> renamed_ratings;
            for (const auto& [id, rating] : ratings) renamed_ratings["renamed-" + id] = rating;
            const ValueVerdict v = weigh_values(aid, ratings, scores);
            const ValueVerdict w = weigh_values(other, renamed_ratings, scores);
            std::set<std::string> favoured, renamed_favoured;
            for (const std::string& id : v.favoured) favoured.insert("renamed-" + id);
            renamed_favoured.insert(w.favoured.begin(), w.favoured.end());
            CHECK(favoured == renamed_favoured);
            for (const auto& [id, total] : v.totals) CHECK(w.totals.at("renamed-" + id) == total);
        }
    }
}

TEST_CASE("a criterion rated 0, even one added to the aid, changes nothing", "[values]") {
    for (const Aid& aid : bundled_aids()) {
        INFO(aid.id);
        Aid more = aid;
        Criterion extra;
        extra.id = "added-criterion";
        for (const Option& o : aid.options) extra.supports[o.id] = &o == &aid.options.front() ? 2 : -2;
        extra.outcome = aid.outcomes.front().id;
        more.criteria.push_back(extra);
        Profiles profiles(aid);
        for (int trial = 0; trial < 200; ++trial) {
            auto ratings = profiles.ratings();
            const auto scores = profiles.scores();
            const ValueVerdict v = weigh_values(aid, ratings, scores);
            ratings["added-criterion"] = 0;
            const ValueVerdict w = weigh_values(more, ratings, scores);
            CHECK(v.favoured == w.favoured);
            CHECK(v.totals == w.totals);
            // And an existing criterion unrated is the same as rated 0.
            auto zeroed = ratings;
            const std::string first = aid.criteria.front().id;
            zeroed[first] = 0;
            auto unrated = zeroed;
            unrated.erase(first);
            CHECK(weigh_values(aid, zeroed, scores).totals == weigh_values(aid, unrated, scores).totals);
        }
    }
}

TEST_CASE("nothing rated above 0 gives no verdict", "[values]") {
    for (const Aid& aid : bundled_aids()) {
        std::map<std::string, int> zero;
        for (const Criterion& c : aid.criteria) zero[c.id] = 0;
        CHECK(weigh_values(aid, zero, {}).favoured.empty());
        CHECK(weigh_values(aid, {}, {}).favoured.empty());
    }
}
