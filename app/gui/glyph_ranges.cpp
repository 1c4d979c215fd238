#include "app/gui/glyph_ranges.hpp"

namespace bran::gui {

void build_glyph_ranges(const std::string& screen_text, ImVector<ImWchar>& ranges) {
    static const ImWchar latin[] = {
        0x0020, 0x00FF,  // Basic Latin and Latin-1 (á â ä é ê ë ï î ô ö ú û ü)
        0x0100, 0x017F,  // Latin Extended-A (Ŵ ŵ Ŷ ŷ)
        0x1E80, 0x1E85,  // Ẁ ẁ Ẃ ẃ Ẅ ẅ
        0x1EF2, 0x1EF3,  // Ỳ ỳ
        0,
    };
    ImFontGlyphRangesBuilder builder;
    builder.AddRanges(latin);
    builder.AddText(screen_text.c_str());
    builder.AddText("’‘“”–—…•");
    ranges.clear();
    builder.BuildRanges(&ranges);
}

}  // namespace bran::gui
