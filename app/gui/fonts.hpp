// Finds the Noto fonts from Debian's fonts-noto-core at run time, with a clear error if absent.
#pragma once
#include "app/gui/theme.hpp"

#include <optional>
#include <string>

struct ImFont;
struct ImFontAtlas;

namespace bran::gui {

struct FontFiles {
    std::string regular;
    std::string bold;
    // Merged in for the few symbols the screens use (✓ ⚠ and − ← →); empty when absent.
    std::string symbols;
    std::string math;
};

// One text size's fonts.
struct FontSet {
    ImFont* body = nullptr;
    ImFont* bold = nullptr;
    ImFont* heading = nullptr;
};

// Adds every text size's fonts to `atlas` and builds it: each holds the default Latin set, the
// Welsh letters and every character of `glyph_text`. False when a font file cannot be read.
bool load_font_sets(ImFontAtlas& atlas, const FontFiles& files, const std::string& glyph_text,
                    FontSet (&sets)[text_size_count]);

// Looks in BRAN_FONT_DIR, then the usual system font folders.
std::optional<FontFiles> find_fonts();

constexpr const char* missing_fonts_message =
    "bran: cannot find the Noto Sans fonts (NotoSans-Regular.ttf, NotoSans-Bold.ttf). "
    "Install them with: sudo apt-get install fonts-noto-core";

}  // namespace bran::gui
