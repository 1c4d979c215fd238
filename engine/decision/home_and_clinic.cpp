#include "engine/decision/home_and_clinic.hpp"

namespace bran {

void HomeAndClinic::add(std::string_view setting, const std::string& item, const nlohmann::json& value) {
    const bool at_home = setting == "home";
    // Anything done in the clinic counts, completing the session as much as changing an answer;
    // events imported without a setting say nothing about where they were given.
    if ((setting == "clinic" || setting == "kiosk") && m_answered_at_home) m_continued = true;
    if (!is_answer_item(item)) return;
    // A record edited outside bran may hold a value of the wrong kind: skipped here (verify
    // reports the event), never allowed to stop the summary or the audit.
    try {
        m_now.set(item, value);
        if (at_home) m_at_home.set(item, value);
    } catch (const nlohmann::json::exception&) {
        return;
    }
    if (at_home) m_answered_at_home = true;
}

bool HomeAndClinic::choice_moved() const {
    const auto then = choice_at_home();
    const auto now = choice_now();
    return then && now && *then != *now;
}

std::vector<std::string> HomeAndClinic::ratings_moved() const {
    std::vector<std::string> moved;
    for (const auto& [criterion, importance] : m_at_home.values) {
        const auto now = m_now.values.find(criterion);
        if (now != m_now.values.end() && now->second != importance) moved.push_back(criterion);
    }
    return moved;
}

}  // namespace bran
