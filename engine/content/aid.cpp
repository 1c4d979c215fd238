#include "engine/content/aid.hpp"

#include <algorithm>

namespace bran {

const std::string& localized(const Text& text, const std::string& locale) {
    static const std::string empty;
    auto it = text.find(locale);
    if (it != text.end() && !it->second.empty()) return it->second;
    it = text.find("en-GB");
    return it != text.end() ? it->second : empty;
}

namespace {
template <typename T>
const T* find_by_id(const std::vector<T>& items, const std::string& id) {
    auto it = std::find_if(items.begin(), items.end(), [&](const T& item) { return item.id == id; });
    return it == items.end() ? nullptr : &*it;
}
}  // namespace

const Option* Aid::find_option(const std::string& option_id) const { return find_by_id(options, option_id); }
const Criterion* Aid::find_criterion(const std::string& criterion_id) const { return find_by_id(criteria, criterion_id); }
const Question* Aid::find_question(const std::string& question_id) const {
    return find_by_id(knowledge.questions, question_id);
}
const Outcome* Aid::find_outcome(const std::string& outcome_id) const { return find_by_id(outcomes, outcome_id); }

}  // namespace bran
