#include "engine/shell/current_view.hpp"

#include "engine/speech/screen_text.hpp"
#include "engine/view/home_view.hpp"
#include "engine/view/step_view.hpp"

#include <cmath>

namespace bran {

ScreenView idle_view(const Catalog& words, std::optional<int> seconds_left) {
    ScreenView view;
    view.words(Emphasis::heading, words.text("idle.heading"));
    if (seconds_left) view.words(Emphasis::body, words.text("idle.body", {{"seconds", static_cast<long long>(*seconds_left)}}));
    view.blocks.push_back(ButtonBlock{Action::still_here, words.text("idle.stay"), "", 0});
    return view;
}

ScreenView current_view(const AppModel& model, const Catalog& words, std::optional<double> now) {
    if (model.asking_if_still_there()) {
        std::optional<int> seconds;
        if (now) seconds = static_cast<int>(std::ceil(model.seconds_until_wipe(*now)));
        return idle_view(words, seconds);
    }
    ScreenView view;
    switch (model.screen()) {
        case Screen::home: view = home_view(model.library(), words); break;
        case Screen::walkthrough:
            if (const Walkthrough* w = model.walkthrough()) {
                view = step_view(*w, words, {model.last_record_file(), model.last_summary_pdf()});
            }
            break;
        case Screen::pin:
            view.words(Emphasis::heading, words.text(model.pin_purpose() == PinPurpose::leave_kiosk ? "pin.leave" : "pin.views"));
            break;
        case Screen::clinician:
            view.words(Emphasis::heading, words.text("clinician.heading"));
            view.words(Emphasis::body, words.text("clinician.audit"));
            view.words(Emphasis::body, words.text("clinician.back"));
            view.words(Emphasis::body, words.text("clinician.close"));
            break;
        case Screen::audit:
            // Staff figures in a table: only the heading and what the figures mean are read.
            view.words(Emphasis::heading, words.text("audit.heading"));
            view.words(Emphasis::body, words.text("audit.intro"));
            break;
    }
    if (!model.notice().empty()) {
        // On the PIN screen the notice (a wrong PIN) follows its question.
        const auto at = model.screen() == Screen::pin ? view.blocks.end() : view.blocks.begin();
        view.blocks.insert(at, WordsBlock{Emphasis::notice, words.text(model.notice())});
    }
    return view;
}

std::string screen_text(const AppModel& model, const Catalog& words, std::optional<double> now) {
    return spoken_text(current_view(model, words, now));
}

}  // namespace bran
