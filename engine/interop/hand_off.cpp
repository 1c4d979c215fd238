#include "engine/interop/hand_off.hpp"

#include "engine/interop/import_records.hpp"
#include "engine/interop/session_record.hpp"
#include "engine/store/event_replay.hpp"

namespace bran {

HandOff receive_from_home(const std::string& path, SessionStore& store, const Library& aids) {
    HandOff result;
    auto json = LocatedJson::load(path, result.problems);
    if (!json) return result;
    Diagnostics reading;
    const auto sessions = read_session_records(*json, aids, reading);
    if (reading.has_errors()) {
        result.problems.append(reading);
        return result;
    }
    if (sessions.size() != 1) {
        result.problems.add(json->error("", "a file from home holds one session; this one holds " + std::to_string(sessions.size())));
        return result;
    }
    const RecordedSession& incoming = sessions.front();
    result.session_id = incoming.row.id;
    if (store.find(incoming.row.id)) {
        const auto events = store.events(incoming.row.id);
        Answers here;
        std::string status = "in-progress";
        replay_events(events, here, status);
        bool clinic_answers = false;
        for (const EventRow& e : events) {
            clinic_answers = clinic_answers || (is_session_work(e.item) && (e.setting == "clinic" || e.setting == "kiosk"));
        }
        if (here == incoming.answers) {
            result.outcome = HandOff::Outcome::already_here;
        } else if (clinic_answers) {
            result.problems.add(json->error(incoming.pointer, "this session already has later answers given in the clinic; "
                                                              "the file from home was not imported and nothing was changed"));
        } else {
            result.problems.add(json->error(incoming.pointer, "a different copy of this session is already recorded here; "
                                                              "nothing was changed"));
        }
        return result;
    }
    const ImportReport report = import_record_file(path, store, aids, result.problems);
    if (report.imported == 1) result.outcome = HandOff::Outcome::imported;
    return result;
}

}  // namespace bran
