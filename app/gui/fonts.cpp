#include "app/gui/fonts.hpp"

#include "app/gui/glyph_ranges.hpp"

#include <imgui.h>

#include <cstdlib>
#include <filesystem>
#include <vector>

namespace bran::gui {

std::optional<FontFiles> find_fonts() {
    std::vector<std::filesystem::path> folders;
    if (const char* dir = std::getenv("BRAN_FONT_DIR")) folders.emplace_back(dir);
    folders.emplace_back("/usr/share/fonts/truetype/noto");
    folders.emplace_back("/usr/local/share/fonts/truetype/noto");
    folders.emplace_back("/usr/share/fonts/noto");
    std::error_code ec;
    for (const auto& folder : folders) {
        const auto regular = folder / "NotoSans-Regular.ttf";
        const auto bold = folder / "NotoSans-Bold.ttf";
        if (std::filesystem::exists(regular, ec) && std::filesystem::exists(bold, ec)) {
            FontFiles files{regular.string(), bold.string(), "", ""};
            if (std::filesystem::exists(folder / "NotoSansSymbols2-Regular.ttf", ec)) files.symbols = (folder / "NotoSansSymbols2-Regular.ttf").string();
            if (std::filesystem::exists(folder / "NotoSansMath-Regular.ttf", ec)) files.math = (folder / "NotoSansMath-Regular.ttf").string();
            return files;
        }
    }
    return std::nullopt;
}

bool load_font_sets(ImFontAtlas& atlas, const FontFiles& files, const std::string& glyph_text,
                    FontSet (&sets)[text_size_count]) {
    static ImVector<ImWchar> ranges;  // the atlas reads them until it is built
    build_glyph_ranges(glyph_text, ranges);
    ImFontConfig config;
    config.OversampleH = 2;
    config.OversampleV = 1;
    for (int i = 0; i < text_size_count; ++i) {
        const auto size = static_cast<TextSize>(i);
        auto add = [&](const std::string& file, float pixels) {
            ImFont* font = atlas.AddFontFromFileTTF(file.c_str(), pixels, &config, ranges.Data);
            ImFontConfig merge = config;
            merge.MergeMode = true;
            static const ImWchar symbol_ranges[] = {0x2713, 0x2713, 0x26A0, 0x26A0, 0};
            static const ImWchar math_ranges[] = {0x2190, 0x2193, 0x2212, 0x2212, 0};
            if (font && !files.symbols.empty()) atlas.AddFontFromFileTTF(files.symbols.c_str(), pixels, &merge, symbol_ranges);
            if (font && !files.math.empty()) atlas.AddFontFromFileTTF(files.math.c_str(), pixels, &merge, math_ranges);
            return font;
        };
        FontSet& set = sets[i];
        set.body = add(files.regular, body_pixels(size));
        set.bold = add(files.bold, body_pixels(size));
        set.heading = add(files.bold, heading_pixels(size));
        if (!set.body || !set.bold || !set.heading) return false;
    }
    return atlas.Build();
}

}  // namespace bran::gui
