// Fills a database with synthetic sessions across aids, clinicians, sites and months, and writes
// each session's true audit facts as its generator decided them, so that tests can compare the
// audit with an oracle that shares none of its code.
//
// usage: bran_generate_sessions --db FILE --sessions N [--seed S] [--content DIR] [--facts FILE.csv]
//                               [--without-events]
// --without-events stores sessions and their audit facts but no answer events: only for the
// audit benchmark, whose query reads the facts alone (a million sessions with events is ~3 GB).
#include "engine/content/library.hpp"
#include "engine/core/ids_and_time.hpp"
#include "engine/decision/answers.hpp"
#include "engine/decision/steps.hpp"
#include "engine/store/session_store.hpp"

#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <random>

using namespace bran;

namespace {

struct Options {
    std::string db, content = BRAN_SOURCE_CONTENT_DIR, facts;
    long long sessions = 100;
    unsigned seed = 1;
    bool events = true;
};

// The generator's own reading of docs/value-concordance.md and shared/spec/audit.md,
// deliberately written apart from engine/audit (in doubles, with a tolerance at the margin).
struct Truth {
    std::string choice;  // "" when none
    int concordant = -1, adequate = -1, informed = -1, sure_score = -1;  // concordant 2: no clear fit
    std::vector<std::string> favoured;
};

// The counts the patient was shown for an outcome: their band's, where they answered every
// question that feeds its score, else the aid's own.
std::map<std::string, int> shown_counts(const Aid& aid, const Outcome& outcome, const Answers& a) {
    std::map<std::string, int> counts;
    for (const auto& [option, number] : outcome.numbers) counts[option] = number.count;
    if (!aid.personalisation) return counts;
    for (const RiskTable& table : aid.personalisation->tables) {
        if (table.outcome != outcome.id) continue;
        int score = 0;
        bool known = true;
        for (const RiskInput& input : aid.personalisation->inputs) {
            bool feeds = false;
            for (const auto& choice : input.choices) feeds = feeds || choice.points.count(table.score);
            if (!feeds) continue;
            auto answer = a.risk_inputs.find(input.id);
            if (answer == a.risk_inputs.end()) { known = false; continue; }
            for (const auto& choice : input.choices) {
                if (choice.id == answer->second && choice.points.count(table.score)) score += choice.points.at(table.score);
            }
        }
        if (!known) continue;
        for (const Band& band : table.bands) {
            if (score < band.min || score > band.max) continue;
            for (const auto& [option, number] : band.numbers) counts[option] = number.count;
        }
    }
    return counts;
}

Truth own_truth(const Aid& aid, const Answers& a) {
    Truth t;
    std::map<std::string, double> score;
    bool rated = false;
    for (const auto& c : aid.criteria) {
        auto w = a.values.find(c.id);
        if (w == a.values.end() || w->second <= 0) continue;
        rated = true;
        const double weight = std::pow(2.0, w->second - 1);
        const Outcome* outcome = aid.find_outcome(c.outcome);
        for (const auto& o : aid.options) {
            double value = c.supports.at(o.id);
            if (outcome) {
                const double sign = outcome->valence == Valence::bad ? -1 : 1;
                const auto shown = shown_counts(aid, *outcome, a);
                double general_low = 1e9, general_high = -1e9, shown_low = 1e9, supports_low = 9, supports_high = -9;
                for (const auto& p : aid.options) {
                    general_low = std::min(general_low, sign * outcome->numbers.at(p.id).count);
                    general_high = std::max(general_high, sign * outcome->numbers.at(p.id).count);
                    shown_low = std::min(shown_low, sign * shown.at(p.id));
                    supports_low = std::min<double>(supports_low, c.supports.at(p.id));
                    supports_high = std::max<double>(supports_high, c.supports.at(p.id));
                }
                value = (supports_high - supports_low) * (sign * shown.at(o.id) - shown_low) / (general_high - general_low);
            }
            score[o.id] += weight * value;
        }
    }
    if (rated) {
        double best = -1e18;
        for (const auto& [id, s] : score) best = std::max(best, s);
        for (const auto& o : aid.options) {
            if (best - score[o.id] < 2.0 - 1e-9) t.favoured.push_back(o.id);
        }
    }
    t.choice = a.decision ? *a.decision : a.leaning ? *a.leaning : "";
    if (t.favoured.size() > 1) t.concordant = 2;
    else if (t.favoured.size() == 1 && aid.find_option(t.choice)) t.concordant = t.choice == t.favoured.front() ? 1 : 0;
    if (!a.knowledge.empty()) {
        int correct = 0;
        for (const auto& q : aid.knowledge.questions) {
            auto it = a.knowledge.find(q.id);
            if (it != a.knowledge.end() && it->second == q.correct) ++correct;
        }
        t.adequate = correct >= aid.knowledge.pass_mark ? 1 : 0;
    }
    if (t.adequate >= 0 && (t.concordant == 0 || t.concordant == 1)) t.informed = t.adequate && t.concordant ? 1 : 0;
    if (a.sure.size() == 4) {
        t.sure_score = 0;
        for (const auto& [item, yes] : a.sure) t.sure_score += yes ? 1 : 0;
    }
    return t;
}

std::string two(int v) { return (v < 10 ? "0" : "") + std::to_string(v); }

}  // namespace

int main(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; i += 2) {
        const std::string k = argv[i];
        if (k == "--without-events") {
            o.events = false;
            --i;
            continue;
        }
        if (i + 1 >= argc) { std::cerr << k << " needs a value\n"; return 2; }
        const std::string v = argv[i + 1];
        if (k == "--db") o.db = v;
        else if (k == "--sessions") o.sessions = std::stoll(v);
        else if (k == "--seed") o.seed = static_cast<unsigned>(std::stoul(v));
        else if (k == "--content") o.content = v;
        else if (k == "--facts") o.facts = v;
        else { std::cerr << "unknown option " << k << '\n'; return 2; }
    }
    if (o.db.empty()) { std::cerr << "usage: bran_generate_sessions --db FILE --sessions N [--seed S] [--content DIR] [--facts FILE]\n"; return 2; }
    const Library library = Library::load({o.content}, RuleContext{});
    const auto aids = library.aids();
    if (aids.empty()) { std::cerr << "no aids in " << o.content << '\n'; return 1; }

    Database db = Database::open(o.db);
    db.exec("PRAGMA synchronous=NORMAL");  // bulk fill: durability of each batch is not the point here
    SessionStore store(db, ChainKey::for_database(o.db));
    std::mt19937_64 random(o.seed);
    auto chance = [&](double p) { return std::uniform_real_distribution<double>(0, 1)(random) < p; };
    auto pick = [&](std::size_t n) { return static_cast<std::size_t>(std::uniform_int_distribution<std::size_t>(0, n - 1)(random)); };
    const std::vector<std::string> clinicians{"C01", "C02", "C03", "C04", "C05", "C06"};
    const std::vector<std::string> sites{"north", "south", "west"};

    std::ofstream facts;
    if (!o.facts.empty()) {
        facts.open(o.facts);
        facts << "id,aid,clinician,site,date,status,choice,concordant,adequate,informed,sure_score,"
                 "began_at_home,home_choice,ratings_changed\n";
    }
    std::vector<SessionStore::ImportedSession> batch;
    for (long long n = 0; n < o.sessions; ++n) {
        const Aid& aid = *aids[pick(aids.size())];
        SessionStore::ImportedSession s;
        s.aid = &aid;
        s.row.id = new_uuid();
        s.row.meta.clinician = clinicians[pick(clinicians.size())];
        s.row.meta.site = sites[pick(sites.size())];
        s.row.meta.locale = "en-GB";
        const int month = 1 + static_cast<int>(pick(6)), day = 1 + static_cast<int>(pick(28));
        const std::string date = "2026-" + two(month) + "-" + two(day);
        s.row.started_at = date + "T" + two(8 + static_cast<int>(pick(9))) + ":" + two(static_cast<int>(pick(60))) + ":00.000+00:00";
        s.row.updated_at = s.row.started_at;
        const double r = std::uniform_real_distribution<double>(0, 1)(random);
        const std::string status = r < 0.8 ? "completed" : r < 0.9 ? "in-progress" : "abandoned";

        Answers a;
        if (!chance(0.05)) {
            for (const auto& c : aid.criteria) if (chance(0.9)) a.values[c.id] = static_cast<int>(pick(5));
        }
        if (aid.personalisation && chance(0.7)) {
            for (const auto& input : aid.personalisation->inputs) {
                if (chance(0.95)) a.risk_inputs[input.id] = input.choices[pick(input.choices.size())].id;
            }
        }
        const double lean = std::uniform_real_distribution<double>(0, 1)(random);
        if (lean < 0.85) a.leaning = aid.options[pick(aid.options.size())].id;
        else if (lean < 0.95) a.leaning = choice_unsure;
        if (chance(0.4)) a.decision = chance(0.1) ? choice_defer : aid.options[pick(aid.options.size())].id;
        if (chance(0.9)) {
            for (const auto& q : aid.knowledge.questions) {
                if (chance(0.9)) a.knowledge[q.id] = chance(0.7) ? q.correct : q.answers[pick(q.answers.size())].id;
            }
        }
        if (chance(0.9)) for (const auto& item : sure_items()) a.sure[item] = chance(0.8);

        // A quarter of the sessions begin at home: no decision there, and sometimes another
        // leaning or other ratings; the clinic then records only what changed.
        const bool began_at_home = chance(0.25);
        Answers home = a;
        home.decision.reset();
        bool ratings_changed = false;
        if (began_at_home) {
            if (home.leaning && chance(0.3)) home.leaning = aid.options[pick(aid.options.size())].id;
            for (auto& [criterion, importance] : home.values) {
                if (!chance(0.2)) continue;
                const int before = importance;
                importance = static_cast<int>(pick(5));
                ratings_changed = ratings_changed || importance != before;
            }
        }
        int minute = 0;
        auto add_event = [&](const char* setting, const std::string& item, const nlohmann::json& value, int hour) {
            EventRow e;
            e.at = date + "T" + two(hour) + ":" + two(minute++ % 60) + ":00.000+00:00";
            e.setting = setting;
            e.step = "import";
            e.item = item;
            e.new_value = value;
            s.events.push_back(e);
        };
        if (began_at_home) {
            for (const auto& [item, value] : home.items()) add_event("home", item, value, 7);
            for (const auto& [item, value] : a.items()) {
                if (home.get(item) != value) add_event("clinic", item, value, 17);
            }
        } else {
            for (const auto& [item, value] : a.items()) add_event("clinic", item, value, 17);
        }
        if (status != "in-progress") {
            EventRow e;
            e.at = date + "T18:00:00.000+00:00";
            e.setting = "clinic";
            e.step = step_name(Step::summary);
            e.item = "status";
            e.old_value = "in-progress";
            e.new_value = status;
            s.events.push_back(e);
        }
        s.row.status = status;
        s.row.step = status == "completed" ? step_name(Step::summary) : step_name(Step::values);
        const Truth t = own_truth(aid, a);
        Assessment facts_for_store;
        if (!t.choice.empty()) facts_for_store.choice = t.choice;
        if (t.concordant == 0 || t.concordant == 1) facts_for_store.concordant = t.concordant == 1;
        facts_for_store.values.favoured = t.favoured;
        if (t.adequate >= 0) facts_for_store.knowledge_adequate = t.adequate == 1;
        if (t.informed >= 0) facts_for_store.informed_choice = t.informed == 1;
        if (t.sure_score >= 0) facts_for_store.sure_score = t.sure_score;
        s.final_state = SessionUpdate{status, s.row.step, facts_for_store};
        if (facts) {
            facts << s.row.id << ',' << aid.id << ',' << *s.row.meta.clinician << ',' << *s.row.meta.site << ',' << date << ','
                  << status << ',' << t.choice << ',' << t.concordant << ',' << t.adequate << ',' << t.informed << ','
                  << t.sure_score << ',' << (began_at_home && o.events) << ','
                  << (began_at_home ? home.decision.value_or(home.leaning.value_or("")) : "") << ',' << ratings_changed << '\n';
        }
        if (!o.events) s.events.clear();
        batch.push_back(std::move(s));
        if (batch.size() == 5000) store.import_sessions(std::move(batch)), batch.clear();
    }
    if (!batch.empty()) store.import_sessions(std::move(batch));
    std::cout << o.sessions << " sessions generated in " << o.db << '\n';
    return 0;
}
