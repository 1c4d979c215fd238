#include "app/gui/widgets/icon_array.hpp"

#include <imgui.h>

#include <algorithm>

namespace bran::gui {

namespace {

struct Layout {
    int columns = 10;
    int rows = 10;
    float block_gap = 0;  // in cells, between blocks of 10 x 10

    // The array's width in cells.
    float span() const { return static_cast<float>(columns) + block_gap * static_cast<float>(columns / 10 - 1); }
    float height_span() const { return static_cast<float>(rows) + block_gap * static_cast<float>(rows / 10 - 1); }
};

Layout layout_for(int denominator) {
    if (denominator == 1000) return {50, 20, 0.6f};  // five blocks of 100 across, two down
    const int columns = denominator < 10 ? denominator : 10;
    return {columns, (denominator + columns - 1) / columns, 0.0f};
}

// Each icon's cell at this text size, when there is room: 28 px for 100 people at normal text,
// 10 px for 1,000 (so two options still sit side by side).
float wanted_cell(const DrawContext& dc, int denominator) { return (denominator == 1000 ? 10.0f : 28.0f) * dc.unit; }

}  // namespace

float icon_array_width(const DrawContext& dc, int denominator) {
    return wanted_cell(dc, denominator) * layout_for(denominator).span();
}

void icon_array(const DrawContext& dc, int count, int denominator, bool good, float width) {
    const Layout l = layout_for(denominator);
    const float cell = std::max(4.0f, std::min(width / l.span(), wanted_cell(dc, denominator)));
    const float radius = cell * 0.4f;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const Palette& p = *dc.palette;
    const ImU32 fill = ImGui::GetColorU32(good ? ImVec4(p.good[0], p.good[1], p.good[2], 1) : ImVec4(p.bad[0], p.bad[1], p.bad[2], 1));
    const ImU32 empty = ImGui::GetColorU32(ImVec4(p.empty[0], p.empty[1], p.empty[2], 1));
    const ImU32 mark = ImGui::GetColorU32(ImVec4(p.background[0], p.background[1], p.background[2], 1));
    const float line = std::max(1.5f, cell * 0.1f);
    // Few segments for small circles: 2,000 of them share a page, and their vertices one draw list.
    const int segments = cell < 20 ? 12 : 0;
    for (int i = 0; i < denominator; ++i) {
        // Fill row by row from the top left (block by block for 1,000), so the affected people
        // read as one group.
        int row = i / l.columns, column = i % l.columns;
        if (l.block_gap > 0) {
            const int block = i / 100, within = i % 100;
            row = (block / 5) * 10 + within / 10;
            column = (block % 5) * 10 + within % 10;
        }
        const float x = (static_cast<float>(column) + l.block_gap * static_cast<float>(column / 10) + 0.5f) * cell;
        const float y = (static_cast<float>(row) + l.block_gap * static_cast<float>(row / 10) + 0.5f) * cell;
        const ImVec2 c(origin.x + x, origin.y + y);
        if (i >= count) {
            draw->AddCircle(c, radius * 0.9f, empty, segments, line);
            continue;
        }
        if (good) {
            draw->AddCircleFilled(c, radius, fill, segments);
            if (cell >= 10) {
                draw->AddLine(ImVec2(c.x - radius * 0.5f, c.y), ImVec2(c.x - radius * 0.1f, c.y + radius * 0.4f), mark, line * 1.3f);
                draw->AddLine(ImVec2(c.x - radius * 0.1f, c.y + radius * 0.4f), ImVec2(c.x + radius * 0.55f, c.y - radius * 0.45f), mark, line * 1.3f);
            }
        } else {
            draw->AddRectFilled(ImVec2(c.x - radius, c.y - radius), ImVec2(c.x + radius, c.y + radius), fill);
            if (cell >= 10) {
                const float r = radius * 0.55f;
                draw->AddLine(ImVec2(c.x - r, c.y - r), ImVec2(c.x + r, c.y + r), mark, line * 1.3f);
                draw->AddLine(ImVec2(c.x - r, c.y + r), ImVec2(c.x + r, c.y - r), mark, line * 1.3f);
            }
        }
    }
    ImGui::Dummy(ImVec2(cell * l.span(), cell * l.height_span()));
}

}  // namespace bran::gui
