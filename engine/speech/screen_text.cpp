#include "engine/speech/screen_text.hpp"

#include "engine/session/risk_scores.hpp"
#include "engine/session/summary.hpp"

#include <algorithm>
#include <cmath>

namespace bran {

namespace {

// Symbols the screens draw for the eye only: a chosen answer's tick, the navigation arrows, the
// quotes around names and the patient's own words, list bullets, the notice's warning sign.
const char* const decorative[] = {"✓", "←", "→", "“", "”", "•", "⚠"};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// Collects a screen's words in order, each made speakable, skipping what is empty.
class Sentences {
public:
    void add(const std::string& text) {
        std::string s = speakable(text);
        if (!s.empty()) m_items.push_back(std::move(s));
    }
    // A choice as its number key says it: "1: Not at all."
    void choice(int index, const std::string& label, bool with_key = true) {
        add(with_key && index < 9 ? std::to_string(index + 1) + ": " + label : label);
    }
    void append(const std::vector<std::string>& items) {
        for (const std::string& item : items) add(item);
    }
    std::vector<std::string> take() { return std::move(m_items); }

private:
    std::vector<std::string> m_items;
};

struct StepWords {
    const Walkthrough& walk;
    const Catalog& words;
    const std::string& locale() const { return words.locale(); }
    const Aid& aid() const { return walk.aid(); }
    std::string text(const Text& t) const { return localized(t, words.locale()); }
    std::string counter(const char* key, int count) const {
        return words.text(key, {{"number", static_cast<long long>(walk.page() + 1)}, {"count", static_cast<long long>(count)}});
    }
};

void text_step(const StepWords& s, Sentences& out, const std::string& item, const char* heading_key,
               const char* intro_key, const char* hint_key) {
    out.add(s.words.text(heading_key));
    out.add(s.words.text(intro_key));
    out.add(s.words.text(hint_key));
    // The text field shows what was saved; a draft still being typed lives only in the window.
    const nlohmann::json saved = s.walk.answers().get(item);
    if (saved.is_string()) out.add(saved.get<std::string>());
}

void options_step(const StepWords& s, Sentences& out) {
    const Aid& aid = s.aid();
    out.add(s.text(aid.decision));
    out.add(s.words.text("options.intro"));
    // The grid is read a row at a time, each cell after its column's option name, so a listener
    // knows which option each answer belongs to.
    auto row = [&](const std::string& question, auto&& answer_for) {
        out.add(question);
        for (const Option& o : aid.options) {
            const std::string answer = answer_for(o);
            if (!speakable(answer).empty()) out.add(s.text(o.name) + ": " + answer);
        }
    };
    row(s.words.text("options.row.involves"), [&](const Option& o) { return s.text(o.involves); });
    row(s.words.text("options.row.benefits"), [&](const Option& o) { return s.text(o.benefits); });
    row(s.words.text("options.row.risks"), [&](const Option& o) { return s.text(o.risks); });
    for (const GridRow& g : aid.grid) {
        row(s.text(g.question), [&](const Option& o) {
            auto it = g.answers.find(o.id);
            return it == g.answers.end() ? std::string() : s.text(it->second);
        });
    }
}

void bran_step(const StepWords& s, Sentences& out) {
    const Aid& aid = s.aid();
    const int index = s.walk.page();
    if (index < 0 || index >= static_cast<int>(aid.options.size())) return;
    const Option& option = aid.options[static_cast<std::size_t>(index)];
    out.add(s.words.text("bran.heading", {{"number", static_cast<long long>(index + 1)},
                                          {"count", static_cast<long long>(aid.options.size())},
                                          {"name", s.text(option.name)}}));
    if (!option.summary.empty()) out.add(s.text(option.summary));
    out.add(s.words.text("bran.involves"));
    out.add(s.text(option.involves));
    out.add(s.words.text("bran.benefits"));
    out.add(s.text(option.benefits));
    out.add(s.words.text("bran.risks"));
    out.add(s.text(option.risks));
    out.add(s.words.text("bran.alternatives"));
    std::vector<std::string> others;
    for (const Option& o : aid.options) {
        if (o.id != option.id) others.push_back(s.text(o.name));
    }
    out.add(s.words.text("bran.alternatives-list", {{"count", static_cast<long long>(others.size())},
                                                    {"names", format_list(s.locale(), others)}}));
    out.add(s.words.text("bran.nothing"));
    out.add(s.text(aid.doing_nothing.text));
    if (const Option* nothing = aid.find_option(aid.doing_nothing.option)) {
        out.add(s.words.text("bran.nothing-is-option", {{"name", s.text(nothing->name)}}));
    } else if (!aid.doing_nothing.no_option_reason.empty()) {
        out.add(s.text(aid.doing_nothing.no_option_reason));
    }
}

void risk_questions(const StepWords& s, Sentences& out) {
    const Personalisation& p = *s.aid().personalisation;
    out.add(s.words.text("outcomes.about-you"));
    out.add(s.words.text("outcomes.about-you-intro"));
    for (const RiskInput& input : p.inputs) {
        out.add(s.text(input.question));
        if (!input.help.empty()) out.add(s.text(input.help));
        // Several questions share this page, so their answers have no number keys on screen.
        for (std::size_t i = 0; i < input.choices.size(); ++i) out.choice(static_cast<int>(i), s.text(input.choices[i].label), false);
    }
}

void outcomes_step(const StepWords& s, Sentences& out) {
    if (s.walk.is_risk_page()) {
        risk_questions(s, out);
        return;
    }
    const Outcome* outcome = s.walk.current_outcome();
    if (!outcome) return;
    const Aid& aid = s.aid();
    const std::string name = s.text(outcome->name);
    out.add(s.words.text("outcomes.heading", {{"outcome", name}}));
    if (!outcome->explanation.empty()) out.add(s.text(outcome->explanation));
    const OutcomeNumbers shown = numbers_for(aid, *outcome, s.walk.scores());
    if (aid.personalisation) out.add(outcome_numbers_note(aid, shown, s.words));
    if (shown.numbers) {
        for (const Option& option : aid.options) {
            out.add(s.text(option.name));
            auto it = shown.numbers->find(option.id);
            if (it == shown.numbers->end()) continue;
            out.add(outcome_sentence(aid, shown, it->second.count, name, s.words));
        }
    }
    out.add(s.words.text(outcome->valence == Valence::good ? "outcomes.legend-good" : "outcomes.legend-bad", {{"outcome", name}}));
    // Each source once, in the order the screen cites them (mirrors outcomes_step.cpp).
    if (!shown.numbers) return;
    std::vector<std::string> cited;
    for (const auto& [option, number] : *shown.numbers) {
        if (std::find(cited.begin(), cited.end(), number.source) != cited.end()) continue;
        cited.push_back(number.source);
        for (const Source& source : aid.sources) {
            if (source.id == number.source) {
                out.add(s.words.text("outcomes.source", {{"citation", source.citation}, {"year", std::to_string(source.year)}}));
            }
        }
    }
}

void values_step(const StepWords& s, Sentences& out) {
    const Aid& aid = s.aid();
    const int page = s.walk.page();
    if (page < 0 || page >= static_cast<int>(aid.criteria.size())) return;
    const Criterion& criterion = aid.criteria[static_cast<std::size_t>(page)];
    out.add(s.counter("values.counter", static_cast<int>(aid.criteria.size())));
    out.add(s.text(criterion.label));
    if (const Outcome* outcome = aid.find_outcome(criterion.outcome)) {
        for (const std::string& line : criterion_number_sentences(aid, numbers_for(aid, *outcome, s.walk.scores()), s.words)) out.add(line);
    }
    out.add(s.text(criterion.question));
    for (int level = 0; level <= 4; ++level) out.choice(level, s.words.text("values.scale." + std::to_string(level)));
}

void knowledge_step(const StepWords& s, Sentences& out) {
    const Knowledge& knowledge = s.aid().knowledge;
    const int page = s.walk.page();
    if (page < 0 || page >= static_cast<int>(knowledge.questions.size())) return;
    const Question& q = knowledge.questions[static_cast<std::size_t>(page)];
    out.add(s.counter("knowledge.counter", static_cast<int>(knowledge.questions.size())));
    out.add(s.text(q.question));
    if (page == 0) out.add(s.words.text("knowledge.intro"));
    for (std::size_t i = 0; i < q.answers.size(); ++i) out.choice(static_cast<int>(i), s.text(q.answers[i].text));
    const nlohmann::json current = s.walk.answers().get("knowledge." + q.id);
    if (!current.is_string()) return;
    if (current.get<std::string>() == q.correct) {
        out.add(s.words.text("knowledge.right"));
    } else {
        for (const Answer& a : q.answers) {
            if (a.id == q.correct) out.add(s.words.text("knowledge.not-quite", {{"answer", s.text(a.text)}}));
        }
    }
    out.add(s.text(q.explanation));
}

void sure_step(const StepWords& s, Sentences& out) {
    const auto& items = sure_items();
    const int page = s.walk.page();
    if (page < 0 || page >= static_cast<int>(items.size())) return;
    const std::string& id = items[static_cast<std::size_t>(page)];
    out.add(s.counter("sure.counter", static_cast<int>(items.size())));
    out.add(s.words.text("sure." + id));
    if (page == 0) out.add(s.words.text("sure.intro"));
    out.choice(0, s.words.text("sure.yes"));
    out.choice(1, s.words.text("sure.no"));
    const nlohmann::json current = s.walk.answers().get("sure." + id);
    if (current.is_boolean() && !current.get<bool>()) out.add(s.words.text("sure.no-means"));
}

void leaning_step(const StepWords& s, Sentences& out) {
    out.add(s.words.text("leaning.heading"));
    out.add(s.words.text("leaning.intro"));
    int index = 0;
    for (const Option& o : s.aid().options) out.choice(index++, s.text(o.name));
    out.choice(index, s.words.text("leaning.unsure"));
}

void summary_step(const StepWords& s, Sentences& out) {
    const Aid& aid = s.aid();
    const Answers& answers = s.walk.answers();
    const Assessment a = s.walk.assessment();
    out.add(s.words.text("summary.heading"));
    out.add(s.text(aid.decision));
    // The patient's own words first, then what their answers point to (as on screen).
    if (answers.what_matters) {
        out.add(s.words.text("summary.what-matters"));
        out.add(*answers.what_matters);
    }
    out.append(fit_sentences(aid, answers, s.words));
    out.add(s.words.text("summary.ratings"));
    bool any = false;
    for (const Criterion& criterion : aid.criteria) {
        auto it = answers.values.find(criterion.id);
        if (it == answers.values.end()) continue;
        any = true;
        out.add(s.words.text("summary.rating", {{"label", s.text(criterion.label)},
                                                {"rating", s.words.text("values.scale." + std::to_string(it->second))}}));
    }
    if (!any) out.add(s.words.text("summary.not-rated"));
    if (answers.leaning) {
        out.add(s.words.text("summary.leaning", {{"option", choice_name(aid, *answers.leaning, s.words)}}));
    } else {
        out.add(s.words.text("summary.leaning-none"));
    }
    if (a.knowledge_answered > 0) {
        out.add(s.words.text("summary.knowledge", {{"correct", static_cast<long long>(a.knowledge_correct)},
                                                   {"answered", static_cast<long long>(a.knowledge_answered)}}));
    }
    if (a.sure_score) {
        if (*a.sure_score == 4) out.add(s.words.text("summary.sure-pass"));
        else out.add(s.words.text("summary.sure-conflict", {{"count", static_cast<long long>(4 - *a.sure_score)}}));
    }
    if (answers.questions) {
        out.add(s.words.text("summary.questions"));
        out.add(*answers.questions);
    }
    if (s.walk.shows_home_changes()) {
        out.add(s.words.text("summary.moved-heading"));
        out.append(home_to_clinic_sentences(aid, s.walk.home_and_clinic(), s.words));
    }
    out.add(s.words.text("summary.show-clinician"));
}

void decision_step(const StepWords& s, Sentences& out) {
    out.add(s.words.text("decision.heading"));
    out.add(s.words.text("decision.intro"));
    int index = 0;
    for (const Option& o : s.aid().options) out.choice(index++, s.text(o.name));
    out.choice(index++, s.words.text("decision.unsure"));
    out.choice(index, s.words.text("decision.defer"));
    const auto& current = s.walk.answers().decision;
    if (current) out.add(s.words.text("decision.recorded", {{"choice", choice_name(s.aid(), *current, s.words)}}));
    out.add(s.words.text("decision.finish"));
}

std::string joined(const std::vector<std::string>& items) {
    std::string text;
    for (const std::string& item : items) {
        if (!text.empty()) text += '\n';
        text += item;
    }
    return text;
}

}  // namespace

std::string speakable(const std::string& text) {
    std::string s = text;
    for (const char* symbol : decorative) {
        const std::string sym(symbol);
        for (auto at = s.find(sym); at != std::string::npos; at = s.find(sym, at)) s.replace(at, sym.size(), " ");
    }
    std::string out;
    out.reserve(s.size());
    bool pending_space = false;
    for (char c : s) {
        if (is_space(c)) {
            pending_space = !out.empty();
            continue;
        }
        // A space left by a removed quote before punctuation goes too ("now” ." -> "now.").
        const bool closing = c == '.' || c == ',' || c == ';' || c == ':' || c == '?' || c == '!';
        if (pending_space && !closing) out += ' ';
        pending_space = false;
        out += c;
    }
    if (out.empty()) return out;
    // A heading or label read without closing punctuation runs into the next sentence.
    const char last = out.back();
    if (last != '.' && last != '?' && last != '!' && last != ':' && last != ';') out += '.';
    return out;
}

std::vector<std::string> step_sentences(const Walkthrough& walk, const Catalog& words) {
    const StepWords s{walk, words};
    Sentences out;
    switch (walk.step()) {
        case Step::what_matters:
            text_step(s, out, "what-matters", "what-matters.heading", "what-matters.intro", "what-matters.hint");
            break;
        case Step::options: options_step(s, out); break;
        case Step::bran: bran_step(s, out); break;
        case Step::outcomes: outcomes_step(s, out); break;
        case Step::values: values_step(s, out); break;
        case Step::knowledge: knowledge_step(s, out); break;
        case Step::sure: sure_step(s, out); break;
        case Step::leaning: leaning_step(s, out); break;
        case Step::questions:
            text_step(s, out, "questions", "questions.heading", "questions.intro", "questions.hint");
            break;
        case Step::summary: summary_step(s, out); break;
        case Step::decision: decision_step(s, out); break;
    }
    return out.take();
}

std::vector<std::string> home_sentences(const Library& library, const std::string& locale, const Catalog& words) {
    Sentences out;
    out.add(words.text("home.heading"));
    out.add(words.text("home.intro"));
    const std::vector<const Aid*> aids = library.aids();
    if (aids.empty()) {
        out.add(words.text("home.none"));
        return out.take();
    }
    out.add(words.text("home.count", {{"count", static_cast<long long>(aids.size())}}));
    // The window also marks drafts and aids not in this language; those flags are worked out in
    // app/gui/app_main.cpp (AidCard), so they are not read here until they move to the engine.
    for (std::size_t i = 0; i < aids.size(); ++i) {
        out.add(localized(aids[i]->title, locale));
        out.add(localized(aids[i]->audience, locale));
        out.choice(static_cast<int>(i), words.text("home.open"));
    }
    return out.take();
}

std::string screen_text(const AppModel& model, const Catalog& words, std::optional<double> now) {
    Sentences out;
    if (model.asking_if_still_there()) {
        // The prompt covers the whole window, so it is all there is to hear.
        out.add(words.text("idle.heading"));
        if (now) out.add(words.text("idle.body", {{"seconds", static_cast<long long>(std::ceil(model.seconds_until_wipe(*now)))}}));
        out.add(words.text("idle.stay"));
        return joined(out.take());
    }
    switch (model.screen()) {
        case Screen::home:
            if (!model.notice().empty()) out.add(words.text(model.notice()));
            out.append(home_sentences(model.library(), model.locale(), words));
            break;
        case Screen::walkthrough: {
            if (!model.notice().empty()) out.add(words.text(model.notice()));
            const Walkthrough* w = model.walkthrough();
            if (!w) break;
            out.append(step_sentences(*w, words));
            std::string progress = words.text("nav.progress", {{"step", static_cast<long long>(step_index(w->step()) + 1)},
                                                               {"steps", static_cast<long long>(all_steps().size())},
                                                               {"name", words.text(std::string("step.") + step_name(w->step()))}});
            if (w->page_count() > 1) {
                progress += " " + words.text("nav.page", {{"page", static_cast<long long>(w->page() + 1)},
                                                          {"pages", static_cast<long long>(w->page_count())}});
            }
            out.add(progress);
            break;
        }
        case Screen::pin:
            out.add(words.text(model.pin_purpose() == PinPurpose::leave_kiosk ? "pin.leave" : "pin.views"));
            if (!model.notice().empty()) out.add(words.text(model.notice()));
            break;
        case Screen::clinician:
            out.add(words.text("clinician.heading"));
            out.add(words.text("clinician.audit"));
            out.add(words.text("clinician.back"));
            out.add(words.text("clinician.close"));
            break;
        case Screen::audit:
            // Staff figures in a table: only the heading and what the figures mean are read.
            out.add(words.text("audit.heading"));
            out.add(words.text("audit.intro"));
            break;
    }
    return joined(out.take());
}

}  // namespace bran
