#include "engine/store/event_replay.hpp"

namespace bran {

void replay_events(const std::vector<EventRow>& events, Answers& answers, std::string& status) {
    for (const EventRow& e : events) {
        if (e.item == status_item) {
            if (e.new_value.is_string()) status = e.new_value.get<std::string>();
            continue;
        }
        if (!is_answer_item(e.item)) continue;
        try {
            answers.set(e.item, e.new_value);
        } catch (const nlohmann::json::exception&) {
        }
    }
}

HomeAndClinic moves_since_home(const std::vector<EventRow>& events) {
    HomeAndClinic moves;
    for (const EventRow& e : events) moves.add(e.setting, e.item, e.new_value);
    return moves;
}

}  // namespace bran
