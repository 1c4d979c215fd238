#include "engine/view/home_view.hpp"

#include <algorithm>

namespace bran {

ScreenView home_view(const Library& library, const Catalog& words) {
    const std::string& locale = words.locale();
    ScreenView view;
    view.words(Emphasis::heading, words.text("home.heading"));
    view.words(Emphasis::body, words.text("home.intro"));
    const std::vector<const Aid*> aids = library.aids();
    if (aids.empty()) {
        view.words(Emphasis::strong, words.text("home.none"));
        return view;
    }
    view.words(Emphasis::muted, words.text("home.count", {{"count", static_cast<long long>(aids.size())}}));
    for (std::size_t i = 0; i < aids.size(); ++i) {
        const Aid& aid = *aids[i];
        view.words(Emphasis::section, localized(aid.title, locale));
        view.words(Emphasis::body, localized(aid.audience, locale));
        if (std::find(aid.locales.begin(), aid.locales.end(), locale) == aid.locales.end()) {
            view.words(Emphasis::muted, words.text("home.english-only"));
        }
        if (aid.review.status != "clinically reviewed") view.words(Emphasis::muted, words.text("home.draft"));
        // Number keys open an aid too, as they choose answers on every question.
        view.blocks.push_back(ButtonBlock{Action::open_aid, words.text("home.open"), aid.id, i < 9 ? static_cast<int>(i) + 1 : 0});
    }
    // How to use the keyboard, once, where every session starts.
    view.words(Emphasis::muted, words.text("nav.keys"));
    return view;
}

}  // namespace bran
