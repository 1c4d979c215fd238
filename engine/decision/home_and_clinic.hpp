// How a patient's answers moved between home and the clinic: what they said when they left home
// (the last answer to each question given at home) against what stands now. The window's
// summary, the take-home PDF and the audit all read the moves from here.
#pragma once
#include "engine/decision/answers.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bran {

class HomeAndClinic {
public:
    // One event (an answer, or a change of status), in the order they were recorded.
    void add(std::string_view setting, const std::string& item, const nlohmann::json& value);

    // Answered at home, then carried on in the clinic (or at its kiosk).
    bool continued_after_home() const { return m_continued; }
    bool answered_at_home() const { return m_answered_at_home; }
    const Answers& at_home() const { return m_at_home; }
    const Answers& now() const { return m_now; }

    // The choice as audit.md defines it (decision if recorded, else leaning), then and now.
    std::optional<std::string> choice_at_home() const { return choice_of(m_at_home); }
    std::optional<std::string> choice_now() const { return choice_of(m_now); }
    // Both known and different.
    bool choice_moved() const;
    // Criteria rated at home whose importance is different now, by criterion id.
    std::vector<std::string> ratings_moved() const;

private:
    Answers m_at_home;
    Answers m_now;
    bool m_answered_at_home = false;
    bool m_continued = false;
};

}  // namespace bran
