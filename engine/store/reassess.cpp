#include "engine/store/reassess.hpp"

#include "engine/decision/assessment.hpp"
#include "engine/content/library.hpp"
#include "engine/store/event_replay.hpp"
#include "engine/store/schema.hpp"
#include "engine/store/session_store.hpp"
#include "engine/store/transaction.hpp"

#include <map>

namespace bran {

namespace {
constexpr const char* marker = "sessions_to_reassess";
}

bool facts_from_older_value_rule(const Database& db) {
    if (db.schema_version() < 6) return db.schema_version() > 0;
    Statement pending = db.prepare("SELECT 1 FROM setting WHERE key = ?1");
    pending.bind(1, std::string(marker));
    return pending.step();
}

std::uint64_t assess_sessions_from_older_value_rule(Database& db, Progress* progress) {
    if (db.read_only() || db.schema_version() < 6) return 0;
    Transaction transaction(db.handle());
    if (!facts_from_older_value_rule(db)) return 0;
    Statement count = db.prepare("SELECT count(*) FROM session");
    count.step();
    const auto total = static_cast<std::uint64_t>(count.integer(0));
    Statement sessions = db.prepare(
        "SELECT s.id, a.id, a.content FROM session s JOIN aid_version a ON a.id = s.aid_version_id ORDER BY s.id");
    Statement session_events = db.prepare(std::string("SELECT ") + event_columns + " FROM event WHERE session_id = ?1 ORDER BY n");
    // Only the audit's figures change; the status and step are the session's own.
    Statement update = db.prepare(
        "UPDATE session SET choice = ?2, concordance = ?3, knowledge_correct = ?4, knowledge_answered = ?5, "
        "knowledge_adequate = ?6, informed_choice = ?7, sure_score = ?8 WHERE id = ?1");
    std::map<std::int64_t, LoadedAid> aids;  // per aid version: a handful
    std::vector<EventRow> events;
    std::uint64_t done = 0;
    while (sessions.step()) {
        const std::string id = sessions.text(0);
        auto aid = aids.find(sessions.integer(1));
        if (aid == aids.end()) aid = aids.emplace(sessions.integer(1), load_aid_text(sessions.text(2), "stored aid", RuleContext{})).first;
        events.clear();
        session_events.reset();
        session_events.bind(1, id);
        while (session_events.step()) events.push_back(read_event(session_events));
        ++done;
        if (progress && (done % 1000 == 0 || done == total)) progress->update("assessing again the sessions an older bran recorded", done, total);
        // A session with no answers has no figures; an aid that no longer reads is left as it was
        // (verify reports the stored aid that does not match what the patient was shown).
        if (!aid->second.aid || std::none_of(events.begin(), events.end(), [](const EventRow& e) { return is_session_work(e.item); })) {
            continue;
        }
        Answers answers;
        std::string status;
        replay_events(events, answers, status);
        const Assessment a = assess(*aid->second.aid, answers);
        update.reset();
        update.bind(1, id).bind(2, a.choice).bind(3, concordance_code(a)).bind(4, a.knowledge_correct);
        update.bind(5, a.knowledge_answered).bind(6, fact_code(a.knowledge_adequate)).bind(7, fact_code(a.informed_choice));
        update.bind(8, a.sure_score ? std::optional<std::int64_t>(*a.sure_score) : std::nullopt);
        update.run();
    }
    Statement done_marker = db.prepare("DELETE FROM setting WHERE key = ?1");
    done_marker.bind(1, std::string(marker));
    done_marker.run();
    transaction.commit();
    return done;
}

}  // namespace bran
