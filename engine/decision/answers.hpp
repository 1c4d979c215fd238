// What the patient said, keyed by the linkIds of shared/spec/session-record.md, and the one
// check of whether an answer fits the aid (used by the walk-through and by import alike).
#pragma once
#include "engine/content/aid.hpp"

#include <nlohmann/json.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace bran {

// The four SURE items (Légaré et al. 2010), in the order they are asked.
const std::vector<std::string>& sure_items();

// Choice codes that are not option ids.
constexpr const char* choice_unsure = "unsure";
constexpr const char* choice_defer = "defer";

struct Answers {
    std::optional<std::string> what_matters;
    std::map<std::string, int> values;                // criterion id -> importance 0..4
    std::map<std::string, std::string> knowledge;     // question id -> answer id
    std::map<std::string, bool> sure;                 // SURE item -> yes
    std::optional<std::string> leaning;               // option id or "unsure"
    std::optional<std::string> decision;              // option id, "unsure" or "defer"
    std::map<std::string, std::string> risk_inputs;   // personalisation input id -> choice id
    std::optional<std::string> questions;             // the patient's own questions for the clinician

    // The value of an item as JSON (null when unanswered).
    nlohmann::json get(const std::string& item) const;
    // Sets (or with null, clears) an item that validate_answer accepted.
    void set(const std::string& item, const nlohmann::json& value);
    // Every answered item, in a stable order.
    std::vector<std::pair<std::string, nlohmann::json>> items() const;
    bool operator==(const Answers& other) const { return items() == other.items(); }
};

// The patient's choice as audit.md defines it: the decision if recorded, else the leaning.
inline std::optional<std::string> choice_of(const Answers& answers) {
    return answers.decision ? answers.decision : answers.leaning;
}

// Empty when `value` is a valid answer to `item` for this aid (null clears and is always valid
// for a known item); otherwise what is wrong, in words for an error line.
std::string validate_answer(const Aid& aid, const std::string& item, const nlohmann::json& value);

// The items of events that are not answers: the session's facts when it was created, the
// clinic's credit for a session begun at home, and a change of status.
constexpr const char* facts_item = "session";
constexpr const char* credit_item = "credited";
constexpr const char* status_item = "status";
bool is_answer_item(const std::string& item);
// Work done in a session: an answer or a change of status (not its facts, nor a credit for it).
bool is_session_work(const std::string& item);

}  // namespace bran
