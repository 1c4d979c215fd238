// A session's answers and status rebuilt from its recorded events: how resume, verify, the
// reassessment, export and import all read a session back.
#pragma once
#include "engine/decision/answers.hpp"
#include "engine/decision/home_and_clinic.hpp"
#include "engine/store/session_store.hpp"

#include <string>
#include <vector>

namespace bran {

// The answers and status the events leave, in order. An event whose value is of the wrong kind
// (a record edited outside bran) is skipped, never allowed to stop the replay: verify reports it.
void replay_events(const std::vector<EventRow>& events, Answers& answers, std::string& status);

// How the answers moved between home and elsewhere, from the same events.
HomeAndClinic moves_since_home(const std::vector<EventRow>& events);

}  // namespace bran
