// The walk-through's summary page: the summary, then how to keep it.
#include "engine/view/step_pages.hpp"
#include "engine/view/summary_view.hpp"

#include <filesystem>

namespace bran::pages {

void summary(const PageInput& in, ScreenView& view) {
    const Walkthrough& walk = in.walk;
    view = summary_view({walk.aid(), walk.answers(), in.words, walk.shows_home_changes() ? &walk.home_and_clinic() : nullptr},
                        SummaryFor::screen);
    view.words(Emphasis::muted, in.words.text("summary.show-clinician"));
    // At home the files go to the appointment; in the clinic the summary is printed; a kiosk is
    // shared, so it keeps no patient's files.
    const bool home = walk.setting() == Setting::home;
    if (walk.setting() != Setting::kiosk) {
        view.words(Emphasis::body, in.words.text(home ? "summary.take-home-hint" : "summary.save-pdf-hint"));
        view.blocks.push_back(ButtonBlock{Action::take_home, in.words.text(home ? "summary.take-home" : "summary.save-pdf"), "", 0});
    }
    if (!in.saved.record.empty()) {
        const std::filesystem::path record(in.saved.record), pdf(in.saved.pdf);
        const char* key = in.saved.pdf.empty() ? "summary.saved-record" : home ? "summary.saved" : "summary.saved-pdf";
        view.words(Emphasis::strong, in.words.text(key, {{"folder", record.parent_path().string()},
                                                         {"record", record.filename().string()},
                                                         {"pdf", pdf.filename().string()}}));
    }
}

}  // namespace bran::pages
