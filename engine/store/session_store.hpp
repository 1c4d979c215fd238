// The only place with SQL about patient sessions and their answer events. Every answer is one
// committed transaction: the event (with its link in the keyed hash chain) and the session's
// refreshed audit facts, together or not at all.
#pragma once
#include "engine/decision/assessment.hpp"
#include "engine/core/progress.hpp"
#include "engine/content/aid.hpp"
#include "engine/store/chain_key.hpp"
#include "engine/store/database.hpp"
#include "engine/store/transaction.hpp"

#include <nlohmann/json.hpp>

#include <array>
#include <functional>
#include <map>
#include <optional>
#include <string_view>
#include <string>
#include <vector>

namespace bran {

struct SessionMeta {
    std::optional<std::string> pseudonym;
    std::optional<std::string> clinician;
    std::optional<std::string> site;
    std::string locale = "en-GB";
};

struct SessionRow {
    std::string id;
    std::string aid_id;
    std::string aid_version;
    std::string content_hash;
    SessionMeta meta;
    std::string started_at;
    std::string updated_at;
    std::string status;  // in-progress, completed, abandoned
    std::string step;
    int event_count = 0;
};

struct EventRow {
    std::int64_t n = 0;
    std::string session_id;
    int seq = 0;
    std::string at;
    std::string setting;  // home, clinic, kiosk, import
    std::string step;
    std::string item;     // a linkId, or "status"
    nlohmann::json old_value;  // null when there was none
    nlohmann::json new_value;  // null when cleared
    std::vector<unsigned char> mac;
};

// What an answer changes besides its event.
struct SessionUpdate {
    std::string status;
    std::string step;
    Assessment assessment;
};

class SessionStore {
    struct ChainHead {
        std::int64_t n = 0;
        std::vector<unsigned char> mac;
    };

public:
    SessionStore(Database& db, ChainKey key);

    // Stores the aid version (once) and a new in-progress session, with its facts (aid, who,
    // where, when) as the session's first event in the chain; returns its id.
    std::string create_session(const Aid& aid, const SessionMeta& meta, const std::string& at, const std::string& step,
                               const std::string& setting, const std::string& id = "");
    // Appends one event (seq, n and mac are filled in) and applies the update; durable on return.
    EventRow append(EventRow event, const SessionUpdate& update);
    // Where the patient is, for resuming; not an answer, so not an event.
    void save_step(const std::string& session_id, const std::string& step);
    // A session begun at home and continued in the clinic: the clinic's clinician and site, where
    // the session has none yet (a clinician or site already recorded is never replaced). The
    // credit is an event in the chain, as the audit counts it.
    void credit_if_unattributed(const std::string& session_id, const SessionMeta& meta, const std::string& at,
                                const std::string& setting);
    // Called once when a database is opened for recording: chains the facts of sessions recorded
    // by a bran from before they were chained (schema 4 and older), as they stand; and returns
    // what staff must be told about answers already lost (the receipts are ahead of the record:
    // a deleted or damaged -wal file, or an older copy put back), or empty.
    // Sessions assessed by an older concordance rule are assessed again (engine/store/reassess),
    // telling `progress`.
    std::string prepare_for_recording(const std::string& at, Progress* progress = nullptr);

    // Whole sessions from another database, each created with all its events.
    struct ImportedSession {
        const Aid* aid = nullptr;
        SessionRow row;
        std::vector<EventRow> events;
        SessionUpdate final_state;
    };
    // Stores imported sessions one at a time inside one BEGIN IMMEDIATE transaction: all of them
    // at commit(), none if the Import ends without it (a file is imported entirely or not at all,
    // in the memory of one session). While it is open, no other process records anything, so a
    // session that find() does not see cannot be recorded by someone else before the commit (two
    // imports of one file: one stores it, the other waits and then finds it recorded).
    class Import {
    public:
        explicit Import(SessionStore& store);
        void add(ImportedSession session);
        void commit();

    private:
        SessionStore& m_store;
        Transaction m_transaction;
        ChainHead m_head;
        std::map<std::string, std::int64_t> m_aid_version_ids;
        std::optional<EventRow> m_last;
        std::string m_now;
    };
    void import_sessions(std::vector<ImportedSession> sessions);
    // The content of every aid version any session was shown.
    std::vector<std::string> stored_aid_contents() const;

    std::optional<SessionRow> find(const std::string& session_id) const;
    std::vector<SessionRow> sessions() const;
    // The same, one at a time, for work over every session in the memory of one.
    void for_each_session(const std::function<void(const SessionRow&)>& use) const;
    std::uint64_t session_count() const;
    std::vector<EventRow> events(const std::string& session_id) const;
    // The aid file the session was shown.
    std::string aid_content(const std::string& session_id) const;

    Database& database() { return m_db; }
    // Why the newest receipt could not be written, or empty. The answer itself is recorded; but
    // without its receipt, verify cannot tell if it is later cut off, so staff must be told.
    const std::string& receipts_problem() const { return m_receipts_problem; }

private:
    std::int64_t store_aid(const Aid& aid);
    void insert_session(const SessionRow& row, std::int64_t aid_version_id);
    // The session's first event: its facts, linked into the chain.
    EventRow facts_event(const SessionRow& row, const std::string& at, const std::string& setting);
    ChainHead chain_head();
    // The seq the session's next event takes.
    int next_seq(const std::string& session_id);
    // Links and inserts one event after `head` (which it advances); seq must be set.
    void insert_event(EventRow& event, ChainHead& head);
    void update_facts(const std::string& session_id, const std::string& at, const SessionUpdate& update, int new_events);
    EventRow append_in_transaction(EventRow event, const SessionUpdate& update);
    void write_receipt(const EventRow& head);
    // One more event in the session's count, for the events that are not answers.
    void count_new_event(const std::string& session_id);
    void seal_sessions_from_before_chained_facts(const std::string& at);
    std::string answers_lost_since_receipts();
    // Prepared once per store: an answer is written with no SQL compiled on the way.
    Statement& cached(std::optional<Statement>& slot, std::string_view sql);

    Database& m_db;
    ChainKey m_key;
    std::string m_receipts;
    std::string m_receipts_problem;
    std::optional<Statement> m_last_event, m_next_seq, m_insert_event, m_update_facts, m_insert_session,
        m_count_event;
};

// A session's facts as the chain vouches for them: its "session" event, with later credits.
struct ChainedFacts {
    std::string aid_id, aid_version, content_hash, locale, started_at;
    std::optional<std::string> pseudonym, clinician, site;
};
nlohmann::json facts_value(const SessionRow& row);
// Folds one facts or credit event into `facts`; false when its value is not of bran's form.
bool fold_facts(const EventRow& event, ChainedFacts& facts);

// The columns of an event, in the order read_event expects them.
constexpr const char* event_columns = "n, session_id, seq, at, setting, step, item, old_value, new_value, mac";
EventRow read_event(const Statement& s);
// A value column as stored (JSON text, NULL for none); text that is not JSON (edited outside
// bran) becomes a discarded value, which replay skips and verify reports.
nlohmann::json parse_event_value(const std::optional<std::string>& text);
// read_event for any row type with the same readers (the central database's PgQuery too).
template <typename Row>
EventRow read_event_columns(const Row& s) {
    EventRow e;
    e.n = s.integer(0);
    e.session_id = s.text(1);
    e.seq = static_cast<int>(s.integer(2));
    e.at = s.text(3);
    e.setting = s.text(4);
    e.step = s.text(5);
    e.item = s.text(6);
    e.old_value = parse_event_value(s.optional_text(7));
    e.new_value = parse_event_value(s.optional_text(8));
    e.mac = s.blob(9);
    return e;
}

// The bytes an event's link covers: everything about it but the link itself.
std::string canonical_event(const EventRow& event);
// A string as nlohmann's dump() writes it: quoted, escaped, UTF-8 kept as it is.
void append_json_string(std::string& out, std::string_view text);
// canonical_event's bytes built straight from an event row's stored columns (event_columns'
// order), with no JSON parse: the same bytes whenever the stored values are as bran wrote them.
// A link that matches these is proof enough; one that does not is checked again against
// canonical_event, which reads a value's JSON in any form. (Parsing every value made verify
// three times slower than the keyed hash itself.) Clears `out` first.
template <typename Row>
void canonical_event_as_stored(const Row& row, std::string& out) {
    out.clear();
    out += '[';
    out += std::to_string(row.integer(0));
    out += ',';
    append_json_string(out, row.text_view(1));
    out += ',';
    out += std::to_string(static_cast<int>(row.integer(2)));
    for (int column = 3; column <= 6; ++column) {
        out += ',';
        append_json_string(out, row.text_view(column));
    }
    for (int column = 7; column <= 8; ++column) {
        out += ',';
        if (row.is_null(column)) out += "null";
        else out += row.text_view(column);
    }
    out += ']';
}

// An event row's columns copied out of its statement, to be read once the statement has moved
// on (verify reads rows under a lock and works on them outside it), with the readers
// read_event_columns and canonical_event_as_stored use.
class CopiedEventRow {
public:
    void copy(const Statement& row);
    std::int64_t integer(int column) const { return column == 0 ? m_n : m_seq; }
    std::string_view text_view(int column) const { return m_text[static_cast<std::size_t>(column)]; }
    std::string text(int column) const { return std::string(text_view(column)); }
    bool is_null(int column) const { return m_null[static_cast<std::size_t>(column)]; }
    std::optional<std::string> optional_text(int column) const {
        return is_null(column) ? std::nullopt : std::optional<std::string>(text(column));
    }
    std::vector<unsigned char> blob(int) const { return m_mac; }

private:
    std::int64_t m_n = 0, m_seq = 0;
    std::array<std::string, 9> m_text;
    std::array<bool, 9> m_null{};
    std::vector<unsigned char> m_mac;
};

}  // namespace bran
