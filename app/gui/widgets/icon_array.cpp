#include "app/gui/widgets/icon_array.hpp"

#include <imgui.h>

#include <algorithm>

namespace bran::gui {

void icon_array(const DrawContext& dc, int count, int denominator, bool good, float width) {
    const int columns = denominator == 1000 ? 40 : 10;
    const int rows = (denominator + columns - 1) / columns;
    const float cell = std::max(4.0f, std::min(width / static_cast<float>(columns), denominator == 1000 ? 14.0f : 34.0f * dc.unit));
    const float radius = cell * 0.4f;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const Palette& p = *dc.palette;
    const ImU32 fill = ImGui::GetColorU32(good ? ImVec4(p.good[0], p.good[1], p.good[2], 1) : ImVec4(p.bad[0], p.bad[1], p.bad[2], 1));
    const ImU32 empty = ImGui::GetColorU32(ImVec4(p.empty[0], p.empty[1], p.empty[2], 1));
    const ImU32 mark = ImGui::GetColorU32(ImVec4(p.background[0], p.background[1], p.background[2], 1));
    const float line = std::max(1.0f, cell * 0.09f);
    for (int i = 0; i < denominator; ++i) {
        // Fill row by row from the top left, so the affected people read as one block.
        const int row = i / columns, column = i % columns;
        const ImVec2 c(origin.x + (static_cast<float>(column) + 0.5f) * cell, origin.y + (static_cast<float>(row) + 0.5f) * cell);
        if (i >= count) {
            draw->AddCircle(c, radius, empty, 0, line);
            continue;
        }
        if (good) {
            draw->AddCircleFilled(c, radius, fill);
            if (cell >= 10) {
                draw->AddLine(ImVec2(c.x - radius * 0.5f, c.y), ImVec2(c.x - radius * 0.1f, c.y + radius * 0.4f), mark, line * 1.5f);
                draw->AddLine(ImVec2(c.x - radius * 0.1f, c.y + radius * 0.4f), ImVec2(c.x + radius * 0.55f, c.y - radius * 0.45f), mark, line * 1.5f);
            }
        } else {
            draw->AddRectFilled(ImVec2(c.x - radius, c.y - radius), ImVec2(c.x + radius, c.y + radius), fill);
            if (cell >= 10) {
                const float r = radius * 0.55f;
                draw->AddLine(ImVec2(c.x - r, c.y - r), ImVec2(c.x + r, c.y + r), mark, line * 1.5f);
                draw->AddLine(ImVec2(c.x - r, c.y + r), ImVec2(c.x + r, c.y - r), mark, line * 1.5f);
            }
        }
    }
    ImGui::Dummy(ImVec2(cell * static_cast<float>(columns), cell * static_cast<float>(rows)));
}

}  // namespace bran::gui
