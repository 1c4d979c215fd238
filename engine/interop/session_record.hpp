// The portable session record: a FHIR R4 QuestionnaireResponse (shared/spec/session-record.md).
// What `bran export fhir` writes, what `bran import` reads, what a patient brings from home.
#pragma once
#include "engine/content/library.hpp"
#include "engine/core/located_json.hpp"
#include "engine/decision/answers.hpp"
#include "engine/store/session_store.hpp"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <functional>
#include <ostream>
#include <string>
#include <vector>

namespace bran {

// One session as a QuestionnaireResponse. Each item carries, as extensions, when and where
// (home, clinic, kiosk) its current answer was given, so a hand-off keeps the history.
nlohmann::json to_questionnaire_response(const SessionRow& session, const Aid& aid, const std::vector<EventRow>& events);

// A Bundle (type collection) of QuestionnaireResponses, written one response at a time so that
// an export of any size needs the memory of one session. The bytes are those of the whole
// Bundle dumped with an indent of 2, and a Bundle with no response has no "entry" (FHIR forbids
// empty arrays).
class BundleWriter {
public:
    explicit BundleWriter(std::ostream& out) : m_out(out) {}
    void add(const nlohmann::json& response);
    void finish();  // closes the Bundle, with a final newline

private:
    std::ostream& m_out;
    bool m_any = false;
};

// A session read from a record file, ready to store.
struct RecordedSession {
    const Aid* aid = nullptr;
    SessionRow row;  // id, meta, started/updated, status
    Answers answers;
    std::vector<EventRow> events;  // one per answer, then the status
    std::string pointer;           // where in the file, for messages
    bool time_given = true;        // false: the record gave no time ("authored"), so its import's is used
};

// Reads every QuestionnaireResponse in a file (one, or a Bundle of them). Any problem becomes a
// located diagnostic; the caller imports nothing from a file with errors.
std::vector<RecordedSession> read_session_records(const LocatedJson& json, const Library& aids, Diagnostics& out);

// The same for a file of any size, in the memory of one session: each session goes to
// `on_session` as soon as it is read, with the part of the file it came from (for messages) and
// with its own problems already in `out`. Problems with the file as a whole (the Bundle's own
// fields, a syntax error) may only come after sessions were handed over.
using SessionSink = std::function<void(RecordedSession&, const LocatedJson&)>;
void stream_session_records(const std::string& path, const Library& aids, Diagnostics& out, const SessionSink& on_session);

// The largest one session's entry in a record file may be (a session's answers take a few KB).
constexpr std::size_t record_entry_max_bytes = std::size_t{64} << 20;

}  // namespace bran
