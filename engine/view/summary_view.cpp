#include "engine/view/summary_view.hpp"

#include "engine/decision/assessment.hpp"
#include "engine/decision/risk_scores.hpp"
#include "engine/view/outcome_figure.hpp"
#include "engine/view/summary_words.hpp"

#include <algorithm>

namespace bran {

namespace {

// fit_sentences marks each point of a list with a bullet; a view says it is a point instead.
void add_sentence(ScreenView& view, const std::string& sentence) {
    const std::string bullet = "•  ";
    if (sentence.rfind(bullet, 0) == 0) view.words(Emphasis::point, sentence.substr(bullet.size()));
    else view.words(Emphasis::body, sentence);
}

void your_numbers(const SummaryInput& in, ScreenView& view) {
    const std::vector<const Outcome*> weighed = outcomes_weighed(in.aid);
    if (weighed.empty()) return;
    view.words(Emphasis::section, in.words.text("summary.your-numbers"));
    const auto scores = compute_scores(in.aid, in.answers);
    const std::string from = scores_sentence(in.aid, scores, in.words);
    bool any_personal = false;
    for (const Outcome* outcome : weighed) any_personal = any_personal || numbers_for(in.aid, *outcome, scores).personalised;
    if (any_personal && !from.empty()) view.words(Emphasis::muted, from);
    else view.words(Emphasis::muted, outcome_numbers_note(in.aid, numbers_for(in.aid, *weighed.front(), scores), in.words));
    for (const Outcome* outcome : weighed) {
        const OutcomeNumbers shown = numbers_for(in.aid, *outcome, scores);
        if (!shown.numbers) continue;
        view.words(Emphasis::strong, in.words.text("outcomes.heading", {{"outcome", localized(outcome->name, in.words.locale())}}));
        view.blocks.push_back(outcome_figure(in.aid, shown, in.words, true));
    }
    view.words(Emphasis::muted, in.words.text("summary.pictures-key"));
}

}  // namespace

std::vector<const Outcome*> outcomes_weighed(const Aid& aid) {
    std::vector<const Outcome*> out;
    for (const Outcome& outcome : aid.outcomes) {
        const bool tied = std::any_of(aid.criteria.begin(), aid.criteria.end(),
                                      [&](const Criterion& c) { return c.outcome == outcome.id; });
        if (tied) out.push_back(&outcome);
    }
    if (out.empty()) {
        for (const Outcome& outcome : aid.outcomes) out.push_back(&outcome);
    }
    return out;
}

ScreenView summary_view(const SummaryInput& in, SummaryFor use) {
    const Aid& aid = in.aid;
    const Answers& answers = in.answers;
    const Catalog& words = in.words;
    const bool paper = use == SummaryFor::paper;
    const Assessment a = assess(aid, answers);
    ScreenView view;
    if (!paper) view.words(Emphasis::heading, words.text("summary.heading"));
    view.words(Emphasis::strong, localized(aid.decision, words.locale()));
    // What was agreed, or where the patient is leaning: the first thing a clinician looks for.
    if (answers.decision) {
        view.words(Emphasis::strong, words.text("take-home.decision-made", {{"choice", choice_name(aid, *answers.decision, words)}}));
    }
    if (answers.leaning) {
        view.words(Emphasis::strong, words.text("summary.leaning", {{"option", choice_name(aid, *answers.leaning, words)}}));
    } else {
        view.words(Emphasis::body, words.text("summary.leaning-none"));
    }
    // The patient's own words, then what their answers point to.
    if (answers.what_matters && !answers.what_matters->empty()) {
        view.words(Emphasis::section, words.text("summary.what-matters"));
        view.words(Emphasis::quote, *answers.what_matters);
    } else if (paper) {
        view.words(Emphasis::section, words.text("summary.what-matters"));
        view.words(Emphasis::body, words.text("take-home.nothing-written"));
    }
    // What their answers point to and why, then the numbers it weighed, as pictures.
    view.words(Emphasis::section, words.text("take-home.fit"));
    const PointNumbers numbers = paper ? PointNumbers::in_table : PointNumbers::in_each_point;
    for (const std::string& sentence : fit_sentences(aid, answers, words, numbers)) add_sentence(view, sentence);
    your_numbers(in, view);

    view.words(Emphasis::section, words.text("summary.ratings"));
    bool any = false;
    for (const Criterion& criterion : aid.criteria) {
        auto it = answers.values.find(criterion.id);
        if (it == answers.values.end()) continue;
        any = true;
        view.words(Emphasis::point, words.text("summary.rating", {{"label", localized(criterion.label, words.locale())},
                                                                  {"rating", words.text("values.scale." + std::to_string(it->second))}}));
    }
    if (!any) view.words(Emphasis::body, words.text("summary.not-rated"));
    if (a.knowledge_answered > 0) {
        view.words(Emphasis::body, words.text("summary.knowledge", {{"correct", static_cast<long long>(a.knowledge_correct)},
                                                                    {"answered", static_cast<long long>(a.knowledge_answered)}}));
    }
    if (a.sure_score) {
        if (*a.sure_score == 4) view.words(Emphasis::body, words.text("summary.sure-pass"));
        else view.words(Emphasis::strong, words.text("summary.sure-conflict", {{"count", static_cast<long long>(4 - *a.sure_score)}}));
    }
    if (answers.questions && !answers.questions->empty()) {
        view.words(Emphasis::section, words.text("summary.questions"));
        view.words(Emphasis::body, *answers.questions);
    }
    if (in.moves_since_home) {
        view.words(Emphasis::section, words.text("summary.moved-heading"));
        for (std::string& sentence : home_to_clinic_sentences(aid, *in.moves_since_home, words)) {
            view.words(Emphasis::body, std::move(sentence));
        }
    }
    return view;
}

}  // namespace bran
