#include "engine/shell/current_view.hpp"

#include "engine/speech/screen_text.hpp"
#include "engine/view/home_view.hpp"
#include "engine/view/staff_views.hpp"
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
        case Screen::pin: view = pin_view(words, model.pin_purpose() == PinPurpose::leave_kiosk); break;
        case Screen::clinician: view = staff_menu_view(words, model.home_files(), model.hand_off_message()); break;
        case Screen::audit:
            view = audit_view(model.library(), words,
                              {model.audit_filter(), model.audit_groups(), model.sessions_to_review(), model.last_export(),
                               model.audit_variation(), model.sessions_to_review_total(), model.sessions_to_review_skipped(),
                               &model.last_export_review()});
            break;
    }
    if (!model.notice().empty()) {
        // On the staff screens the notice (a wrong PIN, a file refused) follows the screen's
        // heading, above what it is about.
        const bool staff = model.screen() == Screen::pin || model.screen() == Screen::clinician || model.screen() == Screen::audit;
        const auto at = staff && !view.blocks.empty() ? view.blocks.begin() + 1 : view.blocks.begin();
        view.blocks.insert(at, WordsBlock{Emphasis::notice, words.text(model.notice())});
    }
    return view;
}

std::string screen_text(const AppModel& model, const Catalog& words, std::optional<double> now) {
    return spoken_text(current_view(model, words, now));
}

}  // namespace bran
