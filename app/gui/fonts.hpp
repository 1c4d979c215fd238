// Finds the Noto fonts from Debian's fonts-noto-core at run time, with a clear error if absent.
#pragma once
#include <optional>
#include <string>

namespace bran::gui {

struct FontFiles {
    std::string regular;
    std::string bold;
    // Merged in for the few symbols the screens use (✓ ⚠ and − ← →); empty when absent.
    std::string symbols;
    std::string math;
};

// Looks in BRAN_FONT_DIR, then the usual system font folders.
std::optional<FontFiles> find_fonts();

constexpr const char* missing_fonts_message =
    "bran: cannot find the Noto Sans fonts (NotoSans-Regular.ttf, NotoSans-Bold.ttf). "
    "Install them with: sudo apt-get install fonts-noto-core";

}  // namespace bran::gui
