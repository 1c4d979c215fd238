#include "engine/view/screen_view.hpp"

namespace bran {

std::optional<intent::Answer> ChoiceBlock::press() const {
    if (!selected) return intent::Answer{item, value};
    if (clears_when_chosen) return intent::Answer{item, nlohmann::json()};
    return std::nullopt;
}

void ScreenView::words(Emphasis emphasis, std::string text) { blocks.push_back(WordsBlock{emphasis, std::move(text)}); }

void ScreenView::words_if(Emphasis emphasis, std::string text) {
    if (!text.empty()) words(emphasis, std::move(text));
}

}  // namespace bran
