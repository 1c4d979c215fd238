#include "engine/decision/steps.hpp"

#include <algorithm>

namespace bran {

const std::vector<Step>& all_steps() {
    static const std::vector<Step> steps{Step::what_matters, Step::options, Step::bran,      Step::outcomes,
                                         Step::values,       Step::knowledge, Step::sure,    Step::leaning,
                                         Step::questions,    Step::summary,   Step::decision};
    return steps;
}

const char* step_name(Step step) {
    switch (step) {
        case Step::what_matters: return "what-matters";
        case Step::options: return "options";
        case Step::bran: return "bran";
        case Step::outcomes: return "outcomes";
        case Step::values: return "values";
        case Step::knowledge: return "knowledge";
        case Step::sure: return "sure";
        case Step::leaning: return "leaning";
        case Step::questions: return "questions";
        case Step::summary: return "summary";
        case Step::decision: return "decision";
    }
    return "unknown";
}

std::optional<Step> step_from_name(const std::string& name) {
    for (Step step : all_steps()) {
        if (name == step_name(step)) return step;
    }
    return std::nullopt;
}

int step_index(Step step) {
    const auto& steps = all_steps();
    return static_cast<int>(std::find(steps.begin(), steps.end(), step) - steps.begin());
}

}  // namespace bran
