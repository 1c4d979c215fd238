// The options side by side (an Option Grid-like table) and each option's B, R, A and N.
#include "app/gui/screens/step_screens.hpp"

#include <imgui.h>

namespace bran::gui {

StepResult draw_options(StepContext& c) {
    const Aid& aid = c.aid();
    heading(c.dc, c.text(aid.decision));
    paragraph(c.words.text("options.intro"));
    const int columns = static_cast<int>(aid.options.size()) + 1;
    const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp;
    if (ImGui::BeginTable("##grid", columns, flags)) {
        ImGui::TableSetupColumn("##question", ImGuiTableColumnFlags_WidthStretch, 0.7f);
        for (const Option& o : aid.options) ImGui::TableSetupColumn(o.id.c_str(), ImGuiTableColumnFlags_WidthStretch, 1.0f);
        ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
        ImGui::TableSetColumnIndex(0);
        for (std::size_t i = 0; i < aid.options.size(); ++i) {
            ImGui::TableSetColumnIndex(static_cast<int>(i) + 1);
            bold_paragraph(c.dc, c.text(aid.options[i].name));
        }
        auto row = [&](const std::string& question, auto&& answer_for) {
            ImGui::TableNextRow();
            ImGui::TableSetColumnIndex(0);
            bold_paragraph(c.dc, question);
            for (std::size_t i = 0; i < aid.options.size(); ++i) {
                ImGui::TableSetColumnIndex(static_cast<int>(i) + 1);
                paragraph(answer_for(aid.options[i]));
            }
        };
        row(c.words.text("options.row.involves"), [&](const Option& o) { return c.text(o.involves); });
        row(c.words.text("options.row.benefits"), [&](const Option& o) { return c.text(o.benefits); });
        row(c.words.text("options.row.risks"), [&](const Option& o) { return c.text(o.risks); });
        for (const GridRow& g : aid.grid) {
            row(c.text(g.question), [&](const Option& o) {
                auto it = g.answers.find(o.id);
                return it == g.answers.end() ? std::string() : c.text(it->second);
            });
        }
        ImGui::EndTable();
    }
    return {};
}

StepResult draw_bran(StepContext& c) {
    const Aid& aid = c.aid();
    const int index = c.walk.page();
    const Option& option = aid.options[static_cast<std::size_t>(index)];
    heading(c.dc, c.words.text("bran.heading", {{"number", static_cast<long long>(index + 1)},
                                                 {"count", static_cast<long long>(aid.options.size())},
                                                 {"name", c.text(option.name)}}));
    if (!option.summary.empty()) paragraph(c.text(option.summary));
    section_heading(c.dc, c.words.text("bran.involves"));
    paragraph(c.text(option.involves));
    section_heading(c.dc, c.words.text("bran.benefits"));
    paragraph(c.text(option.benefits));
    section_heading(c.dc, c.words.text("bran.risks"));
    paragraph(c.text(option.risks));
    section_heading(c.dc, c.words.text("bran.alternatives"));
    std::vector<std::string> others;
    for (const Option& o : aid.options) {
        if (o.id != option.id) others.push_back("“" + c.text(o.name) + "”");
    }
    paragraph(c.words.text("bran.alternatives-list", {{"count", static_cast<long long>(others.size())},
                                                      {"names", format_list(c.locale(), others)}}));
    section_heading(c.dc, c.words.text("bran.nothing"));
    paragraph(c.text(aid.doing_nothing.text));
    if (const Option* nothing = aid.find_option(aid.doing_nothing.option)) {
        muted_paragraph(c.dc, c.words.text("bran.nothing-is-option", {{"name", c.text(nothing->name)}}));
    } else if (!aid.doing_nothing.no_option_reason.empty()) {
        muted_paragraph(c.dc, c.text(aid.doing_nothing.no_option_reason));
    }
    return {};
}

}  // namespace bran::gui
