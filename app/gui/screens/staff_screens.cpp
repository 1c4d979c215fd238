#include "app/gui/screens/staff_screens.hpp"

#include "app/gui/screens/view_drawer.hpp"

#include <GLFW/glfw3.h>
#include <imgui.h>

#include <cmath>
#include <filesystem>

namespace bran::gui {

PinResult draw_pin(const DrawContext& dc, const Catalog& words, const AppModel& model, std::string& typed) {
    PinResult result;
    heading(dc, words.text(model.pin_purpose() == PinPurpose::leave_kiosk ? "pin.leave" : "pin.views"));
    if (!model.notice().empty()) notice_box(dc, words.text(model.notice()));
    // The PIN field keeps the keyboard (after a wrong PIN too) unless Tab has moved on.
    const auto focused = focus_ring().focused();
    const bool take_keys = !ImGui::IsAnyItemActive() && (!focused || *focused == ImGui::GetID("##pin"));
    const ImGuiInputTextFlags flags =
        ImGuiInputTextFlags_Password | ImGuiInputTextFlags_CharsDecimal | ImGuiInputTextFlags_EnterReturnsTrue;
    if (text_field(dc, "##pin", typed, flags, 320.0f * dc.unit, 0.0f, take_keys)) result.submit = true;
    if (big_button(dc, words.text("pin.enter"), "pin-enter")) result.submit = true;
    ImGui::SameLine();
    if (secondary_button(dc, words.text("pin.cancel"), "pin-cancel") || key_pressed(GLFW_KEY_ESCAPE)) {
        result.cancel = true;
    }
    return result;
}

StaffChoice draw_clinician(const DrawContext& dc, const Catalog& words, const AppModel& model,
                           const std::vector<std::string>& files, std::string& path) {
    StaffChoice choice = StaffChoice::none;
    heading(dc, words.text("clinician.heading"));
    if (!model.notice().empty()) notice_box(dc, words.text(model.notice()));
    if (!model.hand_off_message().empty()) muted_paragraph(dc, model.hand_off_message());
    if (big_button(dc, words.text("clinician.audit"), "staff-audit")) choice = StaffChoice::audit;

    section_heading(dc, words.text("clinician.open-file"));
    if (files.empty()) {
        muted_paragraph(dc, words.text("clinician.no-files"));
    } else {
        paragraph(words.text("clinician.found-files"));
        for (std::size_t i = 0; i < files.size() && i < 12; ++i) {
            ImGui::PushID(static_cast<int>(i));
            // The name first (it says whose aid and which day), then where it was found.
            const std::filesystem::path file(files[i]);
            if (secondary_button(dc, file.filename().string() + "   (" + file.parent_path().string() + ")", "file")) {
                path = files[i];
                choice = StaffChoice::open_file;
            }
            ImGui::PopID();
        }
    }
    paragraph(words.text("clinician.file-path"));
    if (text_field(dc, "##path", path, ImGuiInputTextFlags_EnterReturnsTrue, ImGui::GetContentRegionAvail().x * 0.7f, 0.0f, false)) {
        choice = StaffChoice::open_file;
    }
    ImGui::SameLine();
    if (big_button(dc, words.text("clinician.open"), "open-file") && !path.empty()) choice = StaffChoice::open_file;
    ImGui::Spacing();
    ImGui::Separator();
    if (secondary_button(dc, words.text("clinician.back"), "staff-back")) choice = StaffChoice::back;
    ImGui::SameLine();
    if (secondary_button(dc, words.text("clinician.close"), "staff-close")) choice = StaffChoice::close;
    return choice;
}

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
