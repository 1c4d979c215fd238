#include "app/gui/fonts.hpp"

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

}  // namespace bran::gui
