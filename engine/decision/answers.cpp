#include "engine/decision/answers.hpp"

#include <algorithm>

namespace bran {

const std::vector<std::string>& sure_items() {
    static const std::vector<std::string> items{"sure", "understand", "risk-benefit", "encouragement"};
    return items;
}

namespace {

bool starts_with(const std::string& s, const char* prefix, std::string& rest) {
    const std::size_t n = std::char_traits<char>::length(prefix);
    if (s.compare(0, n, prefix) != 0) return false;
    rest = s.substr(n);
    return true;
}

template <typename Map>
nlohmann::json lookup(const Map& map, const std::string& key) {
    auto it = map.find(key);
    return it == map.end() ? nlohmann::json() : nlohmann::json(it->second);
}

template <typename Map, typename T>
void assign(Map& map, const std::string& key, const nlohmann::json& value) {
    if (value.is_null()) map.erase(key);
    else map[key] = value.get<T>();
}

template <typename T>
void assign(std::optional<T>& field, const nlohmann::json& value) {
    if (value.is_null()) field.reset();
    else field = value.get<T>();
}

// The limit is what a person sees, characters (code points): Welsh or accented text takes more
// bytes per character than English and must not get a shorter limit.
constexpr std::size_t max_free_text = 4000;

std::size_t code_points(const std::string& text) {
    std::size_t count = 0;
    for (const char c : text) {
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;  // a continuation byte is no new character
    }
    return count;
}

}  // namespace

nlohmann::json Answers::get(const std::string& item) const {
    std::string id;
    if (item == "what-matters") return what_matters ? nlohmann::json(*what_matters) : nlohmann::json();
    if (item == "leaning") return leaning ? nlohmann::json(*leaning) : nlohmann::json();
    if (item == "decision") return decision ? nlohmann::json(*decision) : nlohmann::json();
    if (item == "questions") return questions ? nlohmann::json(*questions) : nlohmann::json();
    if (starts_with(item, "value.", id)) return lookup(values, id);
    if (starts_with(item, "knowledge.", id)) return lookup(knowledge, id);
    if (starts_with(item, "sure.", id)) return lookup(sure, id);
    if (starts_with(item, "risk.", id)) return lookup(risk_inputs, id);
    return nullptr;
}

void Answers::set(const std::string& item, const nlohmann::json& value) {
    std::string id;
    if (item == "what-matters") assign(what_matters, value);
    else if (item == "leaning") assign(leaning, value);
    else if (item == "decision") assign(decision, value);
    else if (item == "questions") assign(questions, value);
    else if (starts_with(item, "value.", id)) assign<decltype(values), int>(values, id, value);
    else if (starts_with(item, "knowledge.", id)) assign<decltype(knowledge), std::string>(knowledge, id, value);
    else if (starts_with(item, "sure.", id)) assign<decltype(sure), bool>(sure, id, value);
    else if (starts_with(item, "risk.", id)) assign<decltype(risk_inputs), std::string>(risk_inputs, id, value);
}

std::vector<std::pair<std::string, nlohmann::json>> Answers::items() const {
    std::vector<std::pair<std::string, nlohmann::json>> out;
    if (what_matters) out.emplace_back("what-matters", *what_matters);
    for (const auto& [id, v] : risk_inputs) out.emplace_back("risk." + id, v);
    for (const auto& [id, v] : values) out.emplace_back("value." + id, v);
    for (const auto& [id, v] : knowledge) out.emplace_back("knowledge." + id, v);
    for (const std::string& id : sure_items()) {
        if (auto it = sure.find(id); it != sure.end()) out.emplace_back("sure." + id, it->second);
    }
    if (leaning) out.emplace_back("leaning", *leaning);
    if (questions) out.emplace_back("questions", *questions);
    if (decision) out.emplace_back("decision", *decision);
    return out;
}

std::string validate_answer(const Aid& aid, const std::string& item, const nlohmann::json& value) {
    std::string id;
    const bool clearing = value.is_null();
    auto text_answer = [&]() -> std::string {
        if (clearing) return "";
        if (!value.is_string()) return "must be text";
        if (code_points(value.get_ref<const std::string&>()) > max_free_text) return "is longer than 4000 characters";
        return "";
    };
    auto choice_answer = [&](bool allow_defer) -> std::string {
        if (clearing) return "";
        if (!value.is_string()) return "must be an option id";
        const std::string& code = value.get_ref<const std::string&>();
        if (code == choice_unsure || (allow_defer && code == choice_defer) || aid.find_option(code)) return "";
        return "\"" + code + "\" is not an option of aid " + aid.id + (allow_defer ? ", \"unsure\" or \"defer\"" : " or \"unsure\"");
    };
    if (item == "what-matters" || item == "questions") return text_answer();
    if (item == "leaning") return choice_answer(false);
    if (item == "decision") return choice_answer(true);
    if (starts_with(item, "value.", id)) {
        if (!aid.find_criterion(id)) return "\"" + id + "\" is not a criterion of aid " + aid.id;
        if (clearing) return "";
        if (!value.is_number_integer() || value.get<long long>() < 0 || value.get<long long>() > 4) {
            return "importance must be a whole number from 0 to 4";
        }
        return "";
    }
    if (starts_with(item, "knowledge.", id)) {
        const Question* q = aid.find_question(id);
        if (!q) return "\"" + id + "\" is not a knowledge question of aid " + aid.id;
        if (clearing) return "";
        if (!value.is_string()) return "must be an answer id";
        const std::string& answer = value.get_ref<const std::string&>();
        const bool known = std::any_of(q->answers.begin(), q->answers.end(), [&](const Answer& a) { return a.id == answer; });
        return known ? "" : "\"" + answer + "\" is not an answer to question \"" + id + "\"";
    }
    if (starts_with(item, "sure.", id)) {
        if (std::find(sure_items().begin(), sure_items().end(), id) == sure_items().end()) {
            return "\"" + id + "\" is not a SURE item (sure, understand, risk-benefit, encouragement)";
        }
        return clearing || value.is_boolean() ? "" : "must be true or false";
    }
    if (starts_with(item, "risk.", id)) {
        const RiskInput* input = nullptr;
        if (aid.personalisation) {
            for (const RiskInput& candidate : aid.personalisation->inputs) {
                if (candidate.id == id) input = &candidate;
            }
        }
        if (!input) return "\"" + id + "\" is not a risk question of aid " + aid.id;
        if (clearing) return "";
        if (!value.is_string()) return "must be a choice id";
        const std::string& choice = value.get_ref<const std::string&>();
        const bool known = std::any_of(input->choices.begin(), input->choices.end(),
                                       [&](const InputChoice& c) { return c.id == choice; });
        return known ? "" : "\"" + choice + "\" is not a choice of risk question \"" + id + "\"";
    }
    return "\"" + item + "\" is not an item bran records";
}

bool is_answer_item(const std::string& item) { return is_session_work(item) && item != status_item; }
bool is_session_work(const std::string& item) { return item != facts_item && item != credit_item; }

}  // namespace bran
