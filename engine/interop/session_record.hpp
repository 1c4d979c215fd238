// The portable session record: a FHIR R4 QuestionnaireResponse (shared/spec/session-record.md).
// What `bran export fhir` writes, what `bran import` reads, what a patient brings from home.
#pragma once
#include "engine/content/library.hpp"
#include "engine/core/located_json.hpp"
#include "engine/session/answers.hpp"
#include "engine/store/session_store.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace bran {

// One session as a QuestionnaireResponse. Each item carries, as extensions, when and where
// (home, clinic, kiosk) its current answer was given, so a hand-off keeps the history.
nlohmann::json to_questionnaire_response(const SessionRow& session, const Aid& aid, const std::vector<EventRow>& events);

// A Bundle (type collection) of QuestionnaireResponses.
nlohmann::json to_bundle(const std::vector<nlohmann::json>& responses);

// A session read from a record file, ready to store.
struct RecordedSession {
    const Aid* aid = nullptr;
    SessionRow row;  // id, meta, started/updated, status
    Answers answers;
    std::vector<EventRow> events;  // one per answer, then the status
    std::string pointer;           // where in the file, for messages
};

// Reads every QuestionnaireResponse in a file (one, or a Bundle of them). Any problem becomes a
// located diagnostic; the caller imports nothing from a file with errors.
std::vector<RecordedSession> read_session_records(const LocatedJson& json, const Library& aids, Diagnostics& out);

}  // namespace bran
