// The options and the N of BRAN: doing nothing is an option, or the aid says why it is not.
#include "engine/content/rules.hpp"

namespace bran {

void check_options(const AidDocument& doc, Diagnostics& out) {
    const Aid& aid = doc.aid;
    const DoingNothing& nothing = aid.doing_nothing;
    const bool has_option = !nothing.option.empty();
    const bool has_reason = !nothing.no_option_reason.empty();
    if (has_option && has_reason) {
        out.add(doc.json.error("/doing_nothing", "give either \"option\" or \"no_option_reason\", not both"));
    } else if (!has_option && !has_reason && find_pointer(doc.json.root(), "/doing_nothing")) {
        out.add(doc.json.error("/doing_nothing/option",
                               "name the doing-nothing or watchful-waiting option, or give \"no_option_reason\""));
    }
    if (has_option) {
        const Option* option = aid.find_option(nothing.option);
        if (!option) {
            out.add(doc.json.error("/doing_nothing/option", "\"" + nothing.option + "\" is not an option of this aid"));
        } else if (!option->is_doing_nothing) {
            out.add(doc.json.error("/doing_nothing/option",
                                   "option \"" + nothing.option + "\" must have \"is_doing_nothing\": true"));
        }
    }
    for (std::size_t i = 0; i < aid.options.size(); ++i) {
        if (aid.options[i].is_doing_nothing && aid.options[i].id != nothing.option) {
            out.add(doc.json.error("/options/" + std::to_string(i) + "/is_doing_nothing",
                                   "option \"" + aid.options[i].id + "\" is a doing-nothing option but "
                                   "/doing_nothing/option does not name it"));
        }
    }
    for (std::size_t i = 0; i < aid.grid.size(); ++i) {
        check_option_keys(doc, "/grid/" + std::to_string(i) + "/answers", aid.grid[i].answers, out, "an answer");
    }
}

}  // namespace bran
