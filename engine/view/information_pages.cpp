// The pages that inform: the patient's own words (what bothers them, their questions), the
// options side by side, and each option's Benefits, Risks, Alternatives and doing Nothing.
#include "engine/view/step_pages.hpp"

namespace bran::pages {

namespace {

void text_page(const PageInput& in, ScreenView& view, const std::string& item, const char* heading_key,
               const char* intro_key, const char* hint_key) {
    view.words(Emphasis::heading, in.words.text(heading_key));
    view.words(Emphasis::body, in.words.text(intro_key));
    view.words(Emphasis::muted, in.words.text(hint_key));
    const nlohmann::json saved = in.walk.answers().get(item);
    view.blocks.push_back(TextEntryBlock{item, saved.is_string() ? saved.get<std::string>() : std::string()});
}

}  // namespace

void what_matters(const PageInput& in, ScreenView& view) {
    text_page(in, view, "what-matters", "what-matters.heading", "what-matters.intro", "what-matters.hint");
}

void questions(const PageInput& in, ScreenView& view) {
    text_page(in, view, "questions", "questions.heading", "questions.intro", "questions.hint");
}

void options(const PageInput& in, ScreenView& view) {
    const Aid& aid = in.aid();
    view.words(Emphasis::heading, in.text(aid.decision));
    view.words(Emphasis::body, in.words.text("options.intro"));
    GridBlock grid;
    for (const Option& o : aid.options) grid.options.push_back(in.text(o.name));
    auto row = [&](const std::string& question, auto&& answer_for) {
        GridBlock::Row r{question, {}};
        for (const Option& o : aid.options) r.answers.push_back(answer_for(o));
        grid.rows.push_back(std::move(r));
    };
    row(in.words.text("options.row.involves"), [&](const Option& o) { return in.text(o.involves); });
    row(in.words.text("options.row.benefits"), [&](const Option& o) { return in.text(o.benefits); });
    row(in.words.text("options.row.risks"), [&](const Option& o) { return in.text(o.risks); });
    for (const GridRow& g : aid.grid) {
        row(in.text(g.question), [&](const Option& o) {
            auto it = g.answers.find(o.id);
            return it == g.answers.end() ? std::string() : in.text(it->second);
        });
    }
    view.blocks.push_back(std::move(grid));
}

void bran_option(const PageInput& in, ScreenView& view) {
    const Aid& aid = in.aid();
    const int index = in.walk.page();
    if (index < 0 || index >= static_cast<int>(aid.options.size())) return;
    const Option& option = aid.options[static_cast<std::size_t>(index)];
    view.words(Emphasis::heading, in.words.text("bran.heading", {{"number", static_cast<long long>(index + 1)},
                                                                  {"count", static_cast<long long>(aid.options.size())},
                                                                  {"name", in.text(option.name)}}));
    view.words_if(Emphasis::body, in.text(option.summary));
    view.words(Emphasis::section, in.words.text("bran.involves"));
    view.words(Emphasis::body, in.text(option.involves));
    view.words(Emphasis::section, in.words.text("bran.benefits"));
    view.words(Emphasis::body, in.text(option.benefits));
    view.words(Emphasis::section, in.words.text("bran.risks"));
    view.words(Emphasis::body, in.text(option.risks));
    view.words(Emphasis::section, in.words.text("bran.alternatives"));
    std::vector<std::string> others;
    for (const Option& o : aid.options) {
        if (o.id != option.id) others.push_back("“" + in.text(o.name) + "”");
    }
    view.words(Emphasis::body, in.words.text("bran.alternatives-list", {{"count", static_cast<long long>(others.size())},
                                                                        {"names", format_list(in.locale(), others)}}));
    view.words(Emphasis::section, in.words.text("bran.nothing"));
    view.words(Emphasis::body, in.text(aid.doing_nothing.text));
    if (const Option* nothing = aid.find_option(aid.doing_nothing.option)) {
        view.words(Emphasis::muted, in.words.text("bran.nothing-is-option", {{"name", in.text(nothing->name)}}));
    } else {
        view.words_if(Emphasis::muted, in.text(aid.doing_nothing.no_option_reason));
    }
}

}  // namespace bran::pages
