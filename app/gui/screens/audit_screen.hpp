// The staff audit view: concordance, informed choice, SURE and choices per group, as bars, with
// the sessions to review (pseudonyms only) and CSV export.
#pragma once
#include "app/gui/widgets/widgets.hpp"
#include "engine/content/library.hpp"
#include "engine/i18n/catalog.hpp"
#include "engine/shell/app_model.hpp"

namespace bran::gui {

void draw_audit(const DrawContext& dc, const Catalog& words, AppModel& model);

}  // namespace bran::gui
