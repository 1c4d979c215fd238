// The steps of a session, in order, with the names stored in the record.
#pragma once
#include <optional>
#include <string>
#include <vector>

namespace bran {

enum class Step {
    what_matters,  // in the patient's words, what bothers them most
    options,       // the options side by side
    bran,          // benefits, risks, alternatives and doing nothing, one option per page
    outcomes,      // N out of 100 people like you, personalised where the aid can
    values,        // how much each criterion matters, 0-4
    knowledge,     // a short knowledge check
    sure,          // the SURE test for decisional conflict
    leaning,       // the option the patient leans towards, or unsure
    questions,     // questions the patient wants to ask the clinician
    summary,       // what they said, and which options fit it
    decision,      // with the clinician: an option, unsure, or defer
};

const std::vector<Step>& all_steps();
const char* step_name(Step step);
std::optional<Step> step_from_name(const std::string& name);
int step_index(Step step);

}  // namespace bran
