#include "app/gui/screens/view_drawer.hpp"

#include "app/gui/widgets/icon_array.hpp"

#include <GLFW/glfw3.h>
#include <imgui.h>

#include <algorithm>
#include <variant>

namespace bran::gui {

namespace {

void draw_words(const DrawContext& dc, const WordsBlock& w) {
    switch (w.emphasis) {
        case Emphasis::heading: heading(dc, w.text); break;
        case Emphasis::section: section_heading(dc, w.text); break;
        case Emphasis::body: paragraph(w.text); break;
        case Emphasis::strong: bold_paragraph(dc, w.text); break;
        case Emphasis::muted: muted_paragraph(dc, w.text); break;
        case Emphasis::quote: paragraph("“" + w.text + "”"); break;
        case Emphasis::point: paragraph("•  " + w.text); break;
        case Emphasis::notice: notice_box(dc, w.text); break;
    }
}

ViewPress draw_entry(const DrawContext& dc, const TextEntryBlock& entry, PageState& state) {
    ViewPress press;
    auto [it, inserted] = state.drafts.try_emplace(entry.item, entry.saved);
    switch (entry.kind) {
        case TextEntryBlock::Kind::words: {
            // Six lines, but never more than half the page at the larger sizes: the question must stay in view.
            const float line = ImGui::GetTextLineHeightWithSpacing();
            const float height = std::max(line * 3.0f, std::min(line * 6.0f, ImGui::GetWindowHeight() * 0.45f));
            text_field(dc, "##text", it->second, 0, -1.0f, height, state.first_frame);
            if (ImGui::IsItemDeactivatedAfterEdit()) {
                const auto first = it->second.find_first_not_of(" \t\r\n");
                press.answer = intent::Answer{entry.item, first == std::string::npos ? nlohmann::json() : nlohmann::json(it->second)};
            }
            break;
        }
        case TextEntryBlock::Kind::pin: {
            // The PIN field keeps the keyboard (after a wrong PIN too) unless Tab has moved on.
            const auto focused = focus_ring().focused();
            const bool take_keys = !ImGui::IsAnyItemActive() && (!focused || *focused == ImGui::GetID("##pin"));
            const int flags = ImGuiInputTextFlags_Password | ImGuiInputTextFlags_CharsDecimal | ImGuiInputTextFlags_EnterReturnsTrue;
            press.entered = text_field(dc, "##pin", it->second, flags, 320.0f * dc.unit, 0.0f, take_keys);
            break;
        }
        case TextEntryBlock::Kind::path:
            press.entered = text_field(dc, "##path", it->second, ImGuiInputTextFlags_EnterReturnsTrue,
                                       ImGui::GetContentRegionAvail().x * 0.7f, 0.0f, false);
            break;
    }
    return press;
}

// The options' pictures side by side where each fits at the size the text asks for, else one
// below another, so that at the largest text the icons grow rather than shrink.
void draw_figure(const DrawContext& dc, const FigureBlock& figure) {
    const float available = ImGui::GetContentRegionAvail().x;
    const float gap = ImGui::GetStyle().ItemSpacing.x * 2.0f;
    const int count = static_cast<int>(figure.columns.size());
    const float wanted = icon_array_width(dc, figure.denominator);
    int per_row = std::max(1, std::min(count, static_cast<int>((available + gap) / (wanted + gap))));
    // Rows of equal length: three options as one row of three or three rows, never two and one.
    while (per_row > 1 && count % per_row != 0) --per_row;
    for (int first = 0; first < count; first += per_row) {
        const std::string id = "##figure" + std::to_string(first);
        if (!ImGui::BeginTable(id.c_str(), per_row, ImGuiTableFlags_SizingStretchSame | ImGuiTableFlags_BordersInnerV)) continue;
        ImGui::TableNextRow();
        for (int i = first; i < std::min(count, first + per_row); ++i) {
            ImGui::TableSetColumnIndex(i - first);
            const FigureBlock::Column& column = figure.columns[static_cast<std::size_t>(i)];
            bold_paragraph(dc, column.option);
            paragraph(column.sentence);
            icon_array(dc, column.count, figure.denominator, figure.good, ImGui::GetContentRegionAvail().x - 8.0f);
        }
        ImGui::EndTable();
    }
    if (!figure.key.empty()) muted_paragraph(dc, figure.key);
}

// The options side by side. The header row stays in view while the rows scroll under it.
void draw_grid(const DrawContext& dc, const GridBlock& grid) {
    const int columns = static_cast<int>(grid.options.size()) + 1;
    const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp |
                                  ImGuiTableFlags_ScrollY;
    // The grid fills the rest of the page, so its own scrolling keeps its headings in view.
    const float height = std::max(ImGui::GetContentRegionAvail().y, ImGui::GetTextLineHeightWithSpacing() * 8.0f);
    if (!ImGui::BeginTable("##grid", columns, flags, ImVec2(0.0f, height))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("##question", ImGuiTableColumnFlags_WidthStretch, 0.7f);
    for (std::size_t i = 0; i < grid.options.size(); ++i) {
        ImGui::TableSetupColumn(("##option" + std::to_string(i)).c_str(), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    }
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, ImGui::GetColorU32(ImGuiCol_TableHeaderBg));
    for (std::size_t i = 0; i < grid.options.size(); ++i) {
        ImGui::TableSetColumnIndex(static_cast<int>(i) + 1);
        bold_paragraph(dc, grid.options[i]);
    }
    for (const GridBlock::Row& row : grid.rows) {
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        bold_paragraph(dc, row.question);
        for (std::size_t i = 0; i < row.answers.size(); ++i) {
            ImGui::TableSetColumnIndex(static_cast<int>(i) + 1);
            paragraph(row.answers[i]);
        }
    }
    scroll_with_arrow_keys();
    ImGui::EndTable();
}

// Staff figures: the headings wrap, and a rate's bar sits above its numbers in words.
void draw_table(const DrawContext& dc, const TableBlock& table) {
    const int columns = static_cast<int>(table.columns.size());
    if (columns == 0 || !ImGui::BeginTable("##table", columns, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
        return;
    }
    // Shares of the width fixed, not from the first rows' contents: an empty column would
    // otherwise shrink until its heading breaks letter by letter.
    for (const TableBlock::Column& column : table.columns) {
        ImGui::TableSetupColumn(column.heading.c_str(), ImGuiTableColumnFlags_WidthStretch, column.share);
    }
    wrapped_headers_row(dc);
    for (const auto& row : table.rows) {
        ImGui::TableNextRow();
        for (std::size_t i = 0; i < row.size() && i < table.columns.size(); ++i) {
            ImGui::TableSetColumnIndex(static_cast<int>(i));
            if (row[i].bar) rate_bar(dc, *row[i].bar);
            for (const WordsBlock& line : row[i].lines) draw_words(dc, line);
        }
    }
    ImGui::EndTable();
}

// A funnel plot: sessions across (from none to the largest group), the rate up (0 to 100%). The
// 95% limits thin, the 99.8% limits thick; a group outside the limits is a square, labelled,
// where the others are dots, so it is told apart by shape as well as colour.
void draw_funnel(const DrawContext& dc, const FunnelBlock& f) {
    bold_paragraph(dc, f.title);
    const float u = dc.unit;
    const float width = std::min(ImGui::GetContentRegionAvail().x, 760.0f * u);
    const float height = 230.0f * u;
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float line = ImGui::GetTextLineHeight();
    const float left = at.x + 56.0f * u, right = at.x + width - 12.0f * u, top = at.y + 8.0f * u, bottom = at.y + height - line - 8.0f * u;
    long long largest = 1;
    for (const auto& d : f.dots) largest = std::max(largest, d.n);
    for (const auto& l : f.curve) largest = std::max(largest, l.n);
    const auto x_of = [&](double n) { return left + (right - left) * static_cast<float>(n / static_cast<double>(largest)); };
    const auto y_of = [&](double rate) { return bottom - (bottom - top) * static_cast<float>(rate); };
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const Palette& p = *dc.palette;
    const auto colour = [](const float c[3]) { return ImGui::GetColorU32(ImVec4(c[0], c[1], c[2], 1.0f)); };
    draw->AddRect(ImVec2(left, top), ImVec2(right, bottom), colour(p.muted_text));
    for (const double tick : {0.0, 0.5, 1.0}) {
        const std::string text = std::to_string(static_cast<int>(tick * 100)) + "%";  // the scale: decoration, not read
        draw->AddText(ImVec2(at.x, y_of(tick) - line * 0.5f), colour(p.muted_text), text.c_str());
    }
    // Sessions across: none at the left, the largest group's number at the right.
    const std::string most = std::to_string(largest);
    draw->AddText(ImVec2(left, bottom + 2.0f * u), colour(p.muted_text), "0");
    draw->AddText(ImVec2(right - ImGui::CalcTextSize(most.c_str()).x, bottom + 2.0f * u), colour(p.muted_text), most.c_str());
    draw->AddLine(ImVec2(left, y_of(f.target)), ImVec2(right, y_of(f.target)), colour(p.text), 2.0f * u);
    const auto curve = [&](double FunnelBlock::Limits::*which, float thickness) {
        std::vector<ImVec2> points;
        for (const auto& l : f.curve) points.emplace_back(x_of(static_cast<double>(l.n)), y_of(l.*which));
        if (points.size() > 1) draw->AddPolyline(points.data(), static_cast<int>(points.size()), colour(p.muted_text), 0, thickness);
    };
    curve(&FunnelBlock::Limits::lower95, 1.0f * u);
    curve(&FunnelBlock::Limits::upper95, 1.0f * u);
    curve(&FunnelBlock::Limits::lower998, 3.0f * u);
    curve(&FunnelBlock::Limits::upper998, 3.0f * u);
    const float r = 6.0f * u;
    for (const auto& d : f.dots) {
        const ImVec2 c(x_of(static_cast<double>(d.n)), y_of(d.rate));
        if (!d.outside) {
            draw->AddCircleFilled(c, r, colour(p.button));
            continue;
        }
        draw->AddRectFilled(ImVec2(c.x - r, c.y - r), ImVec2(c.x + r, c.y + r), colour(p.bad));
        const float label_width = ImGui::CalcTextSize(d.label.c_str()).x;
        const float x = c.x + r * 2.0f + label_width < right ? c.x + r * 2.0f : c.x - r * 2.0f - label_width;
        label_at(x, c.y - line * 0.5f, d.label, p.text);
    }
    ImGui::Dummy(ImVec2(width, height));
    for (const std::string& finding : f.findings) paragraph(finding);
    if (!f.key.empty()) muted_paragraph(dc, f.key);
}

bool draw_button(const DrawContext& dc, const ButtonBlock& b) {
    const std::string label = b.key > 0 && b.key <= 9 ? std::to_string(b.key) + "   " + b.label : b.label;
    const bool key = b.key > 0 && b.key <= 9 && shortcut_pressed(GLFW_KEY_0 + b.key);
    if (b.look == ButtonBlock::Look::toggle) return row_button(dc, b.chosen, label, "button", !b.beside_previous) || key;
    if (b.beside_previous) same_line_if_fits(dc, label);
    const bool pressed = b.look == ButtonBlock::Look::primary ? big_button(dc, label, "button") : secondary_button(dc, label, "button");
    return pressed || key;
}

}  // namespace

ViewPress draw_block(const DrawContext& dc, const Block& block, int index, PageState& state, float width) {
    ViewPress press;
    ImGui::PushID(index);
    if (const auto* w = std::get_if<WordsBlock>(&block)) {
        draw_words(dc, *w);
    } else if (const auto* c = std::get_if<ChoiceBlock>(&block)) {
        if (choice_button(dc, index, c->key, c->label, c->selected, width)) press.answer = c->press();
    } else if (const auto* e = std::get_if<TextEntryBlock>(&block)) {
        press = draw_entry(dc, *e, state);
    } else if (const auto* f = std::get_if<FigureBlock>(&block)) {
        draw_figure(dc, *f);
    } else if (const auto* g = std::get_if<GridBlock>(&block)) {
        draw_grid(dc, *g);
    } else if (const auto* t = std::get_if<TableBlock>(&block)) {
        draw_table(dc, *t);
    } else if (const auto* funnel = std::get_if<FunnelBlock>(&block)) {
        draw_funnel(dc, *funnel);
    } else if (const auto* b = std::get_if<ButtonBlock>(&block)) {
        if (draw_button(dc, *b)) press.button = *b;
    }
    ImGui::PopID();
    return press;
}

namespace {

// The answers of one question, from `first`: how many follow in a row.
std::size_t answers_from(const ScreenView& view, std::size_t first) {
    const auto* c = std::get_if<ChoiceBlock>(&view.blocks[first]);
    std::size_t end = first;
    while (end < view.blocks.size()) {
        const auto* next = std::get_if<ChoiceBlock>(&view.blocks[end]);
        if (!next || next->item != c->item) break;
        ++end;
    }
    return end - first;
}

// The width each of `count` answers gets side by side, or 0 when one of them would not fit:
// short answers (a rating, yes or no) sit in one row, so a whole scale is seen at once.
float side_by_side_width(const DrawContext& dc, const ScreenView& view, std::size_t first, std::size_t count) {
    if (count < 2) return 0.0f;
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float each = (ImGui::GetContentRegionAvail().x - spacing * static_cast<float>(count - 1)) / static_cast<float>(count);
    ImGui::PushFont(dc.fonts->bold);
    float widest = 0.0f;
    for (std::size_t i = first; i < first + count; ++i) {
        const auto& c = std::get<ChoiceBlock>(view.blocks[i]);
        widest = std::max(widest, ImGui::CalcTextSize(("✓ " + std::to_string(c.key) + "   " + c.label).c_str()).x);
    }
    ImGui::PopFont();
    return widest + ImGui::GetStyle().FramePadding.x * 2.0f <= each ? each : 0.0f;
}

}  // namespace

ViewPress draw_view(const DrawContext& dc, const ScreenView& view, PageState& state) {
    ViewPress press;
    for (std::size_t i = 0; i < view.blocks.size(); ++i) {
        // A card of its own for each aid on the list, and a rule between questions on one page.
        const auto* w = std::get_if<WordsBlock>(&view.blocks[i]);
        if (w && w->emphasis == Emphasis::section && i > 0 &&
            (std::holds_alternative<ButtonBlock>(view.blocks[i - 1]) || std::holds_alternative<ChoiceBlock>(view.blocks[i - 1]))) {
            ImGui::Spacing();
            ImGui::Separator();
        }
        std::size_t count = 1;
        float width = 0.0f;
        if (std::holds_alternative<ChoiceBlock>(view.blocks[i])) {
            count = answers_from(view, i);
            width = side_by_side_width(dc, view, i, count);  // 0: one below another
        }
        if (state.to_anchor && view.anchor == i) ImGui::SetScrollHereY(0.0f);
        for (std::size_t k = i; k < i + count; ++k) {
            if (k > i && width > 0.0f) ImGui::SameLine();
            ViewPress p = draw_block(dc, view.blocks[k], static_cast<int>(k), state, width);
            if (p.answer) press.answer = std::move(p.answer);
            if (p.button) press.button = std::move(p.button);
            // Enter in a one-line field presses the button that follows it.
            if (p.entered) {
                for (std::size_t b = k + 1; b < view.blocks.size() && !press.button; ++b) {
                    if (const auto* button = std::get_if<ButtonBlock>(&view.blocks[b])) press.button = *button;
                }
            }
        }
        i += count - 1;
    }
    // The save button sits at the foot of a long page: bring what it did into view.
    if (state.just_saved) ImGui::SetScrollHereY(1.0f);
    return press;
}

void draw_place(const DrawContext& dc, const ScreenView& view, std::size_t first) {
    for (std::size_t i = first; i < view.place.size(); ++i) {
        if (i + 1 == view.place.size()) bold_paragraph(dc, view.place[i]);
        else muted_paragraph(dc, view.place[i]);
    }
}

}  // namespace bran::gui
