#include "engine/view/summary_words.hpp"

#include <algorithm>

namespace bran {

namespace {
// "in the next 13 years" / "yn ystod y 13 blynedd nesaf": an outcome's time frame in words.
std::string outcome_time_text(const Outcome& outcome, const Catalog& words) {
    const char* unit = outcome.time_frame.unit == TimeUnit::weeks ? "weeks" : outcome.time_frame.unit == TimeUnit::months ? "months" : "years";
    return words.text("outcomes.time", {{"unit", std::string(unit)}, {"amount", static_cast<long long>(outcome.time_frame.amount)}});
}
}  // namespace

std::string outcome_sentence(const OutcomeNumbers& shown, int count, const std::string& outcome_name,
                             const Catalog& words, int denominator) {
    return words.text(shown.personalised ? "outcomes.sentence" : "outcomes.sentence-general",
                      {{"count", static_cast<long long>(count)},
                       {"denominator", static_cast<long long>(denominator > 0 ? denominator : shown.outcome->denominator)},
                       {"outcome", outcome_name},
                       {"time", outcome_time_text(*shown.outcome, words)}});
}

std::string outcome_numbers_note(const Aid& aid, const OutcomeNumbers& shown, const Catalog& words) {
    if (!aid.personalisation) return words.text("outcomes.general-no-questions");
    if (shown.personalised) return words.text("outcomes.personalised");
    const auto& tables = aid.personalisation->tables;
    const bool can_be_personal = std::any_of(tables.begin(), tables.end(),
                                             [&](const RiskTable& t) { return t.outcome == shown.outcome->id; });
    return words.text(can_be_personal ? "outcomes.general" : "outcomes.general-only");
}

std::string choice_name(const Aid& aid, const std::string& code, const Catalog& words) {
    if (const Option* o = aid.find_option(code)) return localized(o->name, words.locale());
    if (code == choice_unsure) return words.text("leaning.unsure");
    if (code == choice_defer) return words.text("decision.defer");
    return code;
}

namespace {

// Whether an outcome's numbers are for "people like you" (see outcome_sentence).
bool like_you(const OutcomeNumbers& shown) { return shown.personalised; }

// The points a criterion gives `subject` over `other`: > 0 it points to `subject`.
ValuePoints pull(const CriterionWeighing& c, const std::string& subject, const std::string& other) {
    return c.points.at(subject) - c.points.at(other);
}

// "“Lowering my chance of a stroke”: you said “Very much”. With “Take a blood thinner”, 31
// fewer out of 1,000 people like you will have a stroke in the next year." The patient's own
// labels are quoted: they are often in the first person, which would clash in a sentence to "you".
std::string point_sentence(const Aid& aid, const CriterionWeighing& c, const std::string& subject, const std::string& other,
                           const Catalog& words, PointNumbers numbers) {
    std::string sentence = words.text("summary.point", {{"label", localized(c.criterion->label, words.locale())},
                                                        {"rating", words.text("values.scale." + std::to_string(c.rating))}});
    if (c.numbers && numbers == PointNumbers::in_each_point) {
        const std::string difference = difference_sentence(aid, *c.numbers, subject, other, words);
        if (!difference.empty()) sentence += " " + difference;
    }
    return sentence;
}

// What points to `subject` rather than `other` (or, with `towards` false, the other way),
// strongest first; the aid's order among equals.
std::vector<std::string> points_between(const Aid& aid, const ValueVerdict& verdict, const std::string& subject,
                                        const std::string& other, bool towards, const Catalog& words, PointNumbers numbers) {
    std::vector<const CriterionWeighing*> pulling;
    for (const CriterionWeighing& c : verdict.criteria) {
        const ValuePoints p = pull(c, subject, other);
        if (towards ? p > 0 : p < 0) pulling.push_back(&c);
    }
    std::stable_sort(pulling.begin(), pulling.end(), [&](const CriterionWeighing* x, const CriterionWeighing* y) {
        return std::llabs(pull(*x, subject, other)) > std::llabs(pull(*y, subject, other));
    });
    std::vector<std::string> out;
    // Bulleted on screen and paper; read aloud, the bullet is silent.
    for (const CriterionWeighing* c : pulling) out.push_back("•  " + point_sentence(aid, *c, subject, other, words, numbers));
    return out;
}

// The option that comes closest to the best: what the best is weighed against.
std::string runner_up(const Aid& aid, const ValueVerdict& verdict, const std::string& best) {
    std::string runner;
    for (const Option& option : aid.options) {
        if (option.id == best) continue;
        if (runner.empty() || verdict.totals.at(option.id) > verdict.totals.at(runner)) runner = option.id;
    }
    return runner;
}

void append(std::vector<std::string>& out, const std::string& heading, const std::vector<std::string>& points) {
    if (points.empty()) return;
    out.push_back(heading);
    out.insert(out.end(), points.begin(), points.end());
}

}  // namespace

std::string difference_sentence(const Aid& aid, const OutcomeNumbers& shown, const std::string& subject,
                                const std::string& other, const Catalog& words) {
    const auto count = [&](const std::string& option) {
        auto it = shown.numbers->find(option);
        return it == shown.numbers->end() ? 0 : it->second.count;
    };
    const int difference = count(subject) - count(other);
    if (difference == 0) {
        return words.text("summary.difference-none", {{"option", choice_name(aid, subject, words)},
                                                      {"other", choice_name(aid, other, words)},
                                                      {"outcome", localized(shown.outcome->name, words.locale())},
                                                      {"time", outcome_time_text(*shown.outcome, words)}});
    }
    return words.text("summary.difference",
                      {{"direction", std::string(difference < 0 ? "fewer" : "more")},
                       {"like", std::string(like_you(shown) ? "yes" : "no")},
                       {"option", choice_name(aid, subject, words)},
                       {"count", static_cast<long long>(difference < 0 ? -difference : difference)},
                       {"denominator", static_cast<long long>(shown.outcome->denominator)},
                       {"outcome", localized(shown.outcome->name, words.locale())},
                       {"time", outcome_time_text(*shown.outcome, words)}});
}

std::vector<std::string> criterion_number_sentences(const Aid& aid, const OutcomeNumbers& shown, const Catalog& words) {
    std::vector<std::string> out;
    const std::string name = localized(shown.outcome->name, words.locale());
    for (const Option& option : aid.options) {
        auto it = shown.numbers->find(option.id);
        if (it == shown.numbers->end()) continue;
        out.push_back(words.text("values.option-number", {{"option", choice_name(aid, option.id, words)},
                                                          {"sentence", outcome_sentence(shown, it->second.count, name, words)}}));
    }
    // Two options: the difference the first makes against the second ("31 fewer", "5 more"), as
    // the aid lists them (the treatment first, as a rule).
    if (aid.options.size() == 2) out.push_back(difference_sentence(aid, shown, aid.options[0].id, aid.options[1].id, words));
    return out;
}

std::vector<std::string> fit_sentences(const Aid& aid, const Answers& answers, const Catalog& words, PointNumbers numbers) {
    const Assessment a = assess(aid, answers);
    const ValueVerdict& verdict = a.values;
    std::vector<std::string> out;
    if (verdict.favoured.empty()) {
        out.push_back(words.text("summary.fit-none"));
        return out;
    }
    const std::string& best = verdict.favoured.front();
    const std::string other = verdict.clear() ? runner_up(aid, verdict, best) : verdict.favoured[1];
    if (verdict.clear()) {
        out.push_back(words.text("summary.fit-one", {{"option", choice_name(aid, best, words)}}));
    } else {
        std::vector<std::string> names;
        for (const std::string& id : verdict.favoured) names.push_back("“" + choice_name(aid, id, words) + "”");
        out.push_back(words.text("summary.fit-about-equal", {{"options", format_list(words.locale(), names)}}));
    }
    if (!other.empty()) {
        append(out, words.text("summary.points-to", {{"option", choice_name(aid, best, words)}}),
               points_between(aid, verdict, best, other, true, words, numbers));
        append(out,
               words.text(verdict.clear() ? "summary.points-away" : "summary.points-to",
                          {{"option", choice_name(aid, verdict.clear() ? best : other, words)}}),
               points_between(aid, verdict, best, other, false, words, numbers));
    }
    out.push_back(words.text("summary.fit-not-advice"));
    if (a.concordant == false && a.choice) {
        out.push_back(words.text("summary.fit-choice-differs", {{"choice", choice_name(aid, *a.choice, words)}}));
    }
    return out;
}

std::vector<std::string> verdict_basis(const Aid& aid, const Answers& answers, const Catalog& words) {
    const ValueVerdict verdict = weigh_values(aid, answers);
    std::vector<std::string> out;
    if (verdict.clear()) out.push_back(words.text("audit.basis.fit", {{"option", choice_name(aid, verdict.favoured.front(), words)}}));
    for (const CriterionWeighing& c : verdict.criteria) {
        const std::string label = localized(c.criterion->label, words.locale());
        const std::string rating = words.text("values.scale." + std::to_string(c.rating));
        if (!c.numbers) {
            out.push_back(words.text("audit.basis.rating", {{"label", label}, {"rating", rating}}));
            continue;
        }
        std::vector<std::string> numbers;
        for (const Option& option : aid.options) {
            auto it = c.numbers->numbers->find(option.id);
            if (it != c.numbers->numbers->end()) numbers.push_back("“" + choice_name(aid, option.id, words) + "” " + std::to_string(it->second.count));
        }
        out.push_back(words.text("audit.basis.numbers", {{"label", label},
                                                         {"rating", rating},
                                                         {"numbers", format_list(words.locale(), numbers)},
                                                         {"denominator", static_cast<long long>(c.numbers->outcome->denominator)},
                                                         {"personal", std::string(c.numbers->personalised ? "yes" : "no")}}));
    }
    return out;
}

std::vector<std::string> home_to_clinic_sentences(const Aid& aid, const HomeAndClinic& moves, const Catalog& words) {
    std::vector<std::string> sentences;
    if (moves.choice_moved()) {
        sentences.push_back(words.text("summary.moved-leaning", {{"home", choice_name(aid, *moves.choice_at_home(), words)},
                                                                 {"now", choice_name(aid, *moves.choice_now(), words)}}));
    }
    const std::vector<std::string> moved = moves.ratings_moved();
    for (const Criterion& criterion : aid.criteria) {  // in the order the patient rated them
        if (std::find(moved.begin(), moved.end(), criterion.id) == moved.end()) continue;
        const int then = moves.at_home().values.at(criterion.id);
        const int now = moves.now().values.at(criterion.id);
        sentences.push_back(words.text("summary.moved-rating", {{"label", localized(criterion.label, words.locale())},
                                                                {"home", words.text("values.scale." + std::to_string(then))},
                                                                {"now", words.text("values.scale." + std::to_string(now))}}));
    }
    if (sentences.empty()) sentences.push_back(words.text("summary.moved-none"));
    return sentences;
}

}  // namespace bran
