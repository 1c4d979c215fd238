#include "engine/session/summary.hpp"

#include <algorithm>

namespace bran {

std::vector<const Criterion*> fit_reasons(const Aid& aid, const Answers& answers, const Assessment& assessment) {
    std::vector<std::pair<int, const Criterion*>> weighted;
    if (assessment.value_favoured.empty()) return {};
    const std::string& best = assessment.value_favoured.front();
    for (const Criterion& c : aid.criteria) {
        auto w = answers.values.find(c.id);
        auto s = c.supports.find(best);
        if (w == answers.values.end() || s == c.supports.end() || w->second < 3 || s->second <= 0) continue;
        weighted.emplace_back(w->second * s->second, &c);
    }
    std::stable_sort(weighted.begin(), weighted.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    std::vector<const Criterion*> out;
    for (std::size_t i = 0; i < weighted.size() && i < 3; ++i) out.push_back(weighted[i].second);
    return out;
}

namespace {
// "in the next 13 years" / "yn ystod y 13 blynedd nesaf": an outcome's time frame in words.
std::string outcome_time_text(const Outcome& outcome, const Catalog& words) {
    const char* unit = outcome.time_frame.unit == TimeUnit::weeks ? "weeks" : outcome.time_frame.unit == TimeUnit::months ? "months" : "years";
    return words.text("outcomes.time", {{"unit", std::string(unit)}, {"amount", static_cast<long long>(outcome.time_frame.amount)}});
}
}  // namespace

std::string outcome_sentence(const Aid& aid, const OutcomeNumbers& shown, int count, const std::string& outcome_name,
                             const Catalog& words) {
    const bool general = aid.personalisation && !shown.personalised;
    return words.text(general ? "outcomes.sentence-general" : "outcomes.sentence",
                      {{"count", static_cast<long long>(count)},
                       {"denominator", static_cast<long long>(shown.outcome->denominator)},
                       {"outcome", outcome_name},
                       {"time", outcome_time_text(*shown.outcome, words)}});
}

std::string outcome_numbers_note(const Aid& aid, const OutcomeNumbers& shown, const Catalog& words) {
    if (!aid.personalisation) return "";
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

std::vector<std::string> fit_sentences(const Aid& aid, const Answers& answers, const Catalog& words) {
    const Assessment a = assess(aid, answers);
    const std::string& locale = words.locale();
    std::vector<std::string> out;
    if (a.value_favoured.empty()) {
        out.push_back(words.text("summary.fit-none"));
        return out;
    }
    if (a.value_favoured.size() == 1) {
        out.push_back(words.text("summary.fit-one", {{"option", choice_name(aid, a.value_favoured[0], words)}}));
        std::vector<std::string> reasons;
        for (const Criterion* c : fit_reasons(aid, answers, a)) {
            // The patient's own labels, quoted: they are often in the first person ("Lowering my
            // chance of ..."), which would clash inside a sentence addressed to "you".
            const std::string label = "“" + localized(c->label, locale) + "”";
            reasons.push_back(label);
        }
        if (!reasons.empty()) {
            out.push_back(words.text("summary.fit-because", {{"count", static_cast<long long>(reasons.size())},
                                                             {"reasons", format_list(locale, reasons)}}));
        }
    } else {
        std::vector<std::string> names;
        for (const std::string& id : a.value_favoured) names.push_back("“" + choice_name(aid, id, words) + "”");
        out.push_back(words.text("summary.fit-tie", {{"options", format_list(locale, names)}}));
    }
    if (a.concordant == false && a.choice) {
        out.push_back(words.text("summary.fit-choice-differs", {{"choice", choice_name(aid, *a.choice, words)}}));
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
