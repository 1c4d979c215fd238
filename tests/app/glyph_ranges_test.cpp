// The window's font atlas has a glyph for every letter a Welsh or English speaker may type, in
// either case, whatever the screens' own text holds (upper-case Ŵ and Ŷ once showed as "?").
#include "app/gui/fonts.hpp"
#include "app/gui/glyph_ranges.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace {
const std::vector<ImWchar> welsh_letters = {
    0x00C2, 0x00E2, 0x00CA, 0x00EA, 0x00CE, 0x00EE, 0x00D4, 0x00F4, 0x00DB, 0x00FB,  // Â â Ê ê Î î Ô ô Û û
    0x0174, 0x0175, 0x0176, 0x0177,                                                  // Ŵ ŵ Ŷ ŷ
    0x00C1, 0x00E1, 0x00C9, 0x00E9, 0x00CF, 0x00EF, 0x00D6, 0x00F6, 0x00DC, 0x00FC,  // Á á É é Ï ï Ö ö Ü ü
    0x1E80, 0x1E81, 0x1E82, 0x1E83, 0x1E84, 0x1E85, 0x1EF2, 0x1EF3,                  // Ẁ ẁ Ẃ ẃ Ẅ ẅ Ỳ ỳ
    0x00FF, 0x0178,                                                                  // ÿ Ÿ
};

bool in_ranges(const ImVector<ImWchar>& ranges, ImWchar c) {
    for (int i = 0; i + 1 < ranges.Size && ranges[i] != 0; i += 2) {
        if (c >= ranges[i] && c <= ranges[i + 1]) return true;
    }
    return false;
}
}  // namespace

TEST_CASE("the atlas's ranges hold every Welsh letter, with no Welsh on the screens", "[fonts]") {
    ImVector<ImWchar> ranges;
    bran::gui::build_glyph_ranges("", ranges);
    for (ImWchar c : welsh_letters) {
        INFO("U+" << std::hex << static_cast<int>(c));
        CHECK(in_ranges(ranges, c));
    }
    // And the screens' own characters beyond them.
    bran::gui::build_glyph_ranges("≈ ✓", ranges);
    CHECK(in_ranges(ranges, 0x2248));
}

TEST_CASE("the Noto Sans atlas draws Ŵ and Ŷ, not a question mark", "[fonts]") {
    const auto files = bran::gui::find_fonts();
    REQUIRE(files);  // fonts-noto-core, which the app needs too
    ImVector<ImWchar> ranges;
    bran::gui::build_glyph_ranges("", ranges);
    ImFontAtlas atlas;
    ImFont* font = atlas.AddFontFromFileTTF(files->regular.c_str(), 20.0f, nullptr, ranges.Data);
    REQUIRE(font);
    REQUIRE(atlas.Build());
    for (ImWchar c : welsh_letters) {
        INFO("U+" << std::hex << static_cast<int>(c));
        CHECK(font->FindGlyphNoFallback(c) != nullptr);
    }
}
