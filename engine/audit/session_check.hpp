// One stored session against its own events: numbering, existence, its chained facts (aid,
// clinician, site, start) and the audit figures its answers give. `bran audit verify` runs it on
// every session of a site database and of the central database alike.
#pragma once
#include "engine/audit/chain_verify.hpp"
#include "engine/content/library.hpp"
#include "engine/store/session_store.hpp"

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace bran {

// A session row as stored, with the aid version it names.
struct StoredSession {
    std::string id, status;
    std::optional<std::string> choice;
    std::optional<std::int64_t> concordance, knowledge_adequate, informed_choice, sure_score;
    std::int64_t event_count = 0;
    std::int64_t aid_key = 0;  // the aid version's row
    std::string aid_id, aid_version, content_hash, locale, started_at;
    std::optional<std::string> pseudonym, clinician, site;
};

// The columns read_stored_session expects, from session s joined to aid_version a.
constexpr const char* stored_session_columns =
    "s.id, s.status, s.choice, s.concordance, s.knowledge_adequate, s.informed_choice, s.sure_score, s.event_count, "
    "a.id, a.aid_id, a.version, a.content_hash, s.locale, s.started_at, s.pseudonym, s.clinician, s.site";

// From a SQLite Statement or a PostgreSQL PgQuery alike.
template <typename Row>
StoredSession read_stored_session(const Row& r) {
    StoredSession s;
    s.id = r.text(0);
    s.status = r.text(1);
    s.choice = r.optional_text(2);
    s.concordance = r.optional_integer(3);
    s.knowledge_adequate = r.optional_integer(4);
    s.informed_choice = r.optional_integer(5);
    s.sure_score = r.optional_integer(6);
    s.event_count = r.integer(7);
    s.aid_key = r.integer(8);
    s.aid_id = r.text(9);
    s.aid_version = r.text(10);
    s.content_hash = r.text(11);
    s.locale = r.text(12);
    s.started_at = r.text(13);
    s.pseudonym = r.optional_text(14);
    s.clinician = r.optional_text(15);
    s.site = r.optional_text(16);
    return s;
}

class SessionCheck {
public:
    // aid_content: the stored text of an aid version, by its row (asked once per version).
    // sealing_pending: sessions from before chained facts may lack them yet (schema 5).
    // older_value_rule: the stored figures follow the older concordance rule (schema 6).
    SessionCheck(std::function<std::string(std::int64_t)> aid_content, bool sealing_pending, bool older_value_rule);
    // The first problem with this session, or nothing.
    std::optional<TamperFinding> check(const StoredSession& session, const std::vector<EventRow>& events);

private:
    std::function<std::string(std::int64_t)> m_aid_content;
    bool m_sealing_pending, m_older_value_rule;
    struct StoredAid {
        LoadedAid loaded;
        bool intact = false;  // its content matches its hash
    };
    std::map<std::int64_t, StoredAid> m_aids;  // per aid version: a handful
};

}  // namespace bran
