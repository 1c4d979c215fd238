#include "app/gui/screens/idle_prompt.hpp"

#include "app/gui/screens/view_drawer.hpp"

#include <GLFW/glfw3.h>
#include <imgui.h>

#include <map>
#include <string>

namespace bran::gui {

bool draw_idle_prompt(const DrawContext& dc, const ScreenView& prompt) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize(viewport->WorkSize);
    ImGui::SetNextWindowFocus();
    ImGui::Begin("##idle", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
    ImGui::Dummy(ImVec2(0, viewport->WorkSize.y * 0.25f));
    std::map<std::string, std::string> no_drafts;
    PageState state{no_drafts};
    const ViewPress press = draw_view(dc, prompt, state);
    ImGui::End();
    return press.button && press.button->action == Action::still_here;
}

}  // namespace bran::gui
