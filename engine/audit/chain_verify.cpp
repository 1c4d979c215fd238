#include "engine/audit/chain_verify.hpp"

#include "engine/audit/session_check.hpp"

#include "engine/decision/assessment.hpp"
#include "engine/store/reassess.hpp"
#include "engine/core/files.hpp"
#include "engine/store/event_replay.hpp"
#include "engine/store/session_store.hpp"
#include "engine/store/transaction.hpp"

#include <sodium.h>

#include <algorithm>
#include <future>
#include <map>
#include <mutex>

namespace bran {

std::string TamperFinding::to_line() const {
    std::string where = "session " + session_id;
    if (seq > 0) where += " event " + std::to_string(seq);
    if (n > 0) where += " (record #" + std::to_string(n) + ")";
    return where + ": " + kind + ": " + message;
}

namespace {

// Verify's two passes share one connection, whose own locking is off (SQLITE_OPEN_NOMUTEX): each
// pass holds this lock while it steps a statement and reads the row, and does its work outside it.
using ConnectionLock = std::unique_lock<std::mutex>;

// Gives the connection up for work that needs no database, and takes it back on the way out,
// an exception included (the statements must be finalized under the lock).
class Unlocked {
public:
    explicit Unlocked(ConnectionLock& lock) : m_lock(lock) { m_lock.unlock(); }
    ~Unlocked() { m_lock.lock(); }
    Unlocked(const Unlocked&) = delete;
    Unlocked& operator=(const Unlocked&) = delete;

private:
    ConnectionLock& m_lock;
};

struct ChainPass {
    long long events = 0;
    std::int64_t head_n = 0;
    std::vector<unsigned char> head_mac;
    std::optional<TamperFinding> problem;
};

// The chain, event by event in recording order; only the last link and a batch of rows are kept,
// so that the check needs the same memory for any number of events.
ChainPass check_chain(const Database& db, const ChainKey& key, std::mutex& connection) {
    constexpr std::size_t batch_size = 2048;
    ChainPass pass;
    std::vector<unsigned char> previous(crypto_auth_hmacsha256_BYTES, 0);
    std::int64_t expected_n = 1;
    std::vector<CopiedEventRow> batch(batch_size);
    std::string canonical;
    ConnectionLock lock(connection);
    Statement events = db.prepare(std::string("SELECT ") + event_columns + " FROM event ORDER BY n");
    for (bool more = true; more;) {
        std::size_t rows = 0;
        while (rows < batch_size && (more = events.step())) batch[rows++].copy(events);
        const Unlocked hashing(lock);
        for (std::size_t i = 0; i < rows; ++i) {
            const CopiedEventRow& row = batch[i];
            const std::int64_t n = row.integer(0);
            std::vector<unsigned char> mac = row.blob(9);
            ++pass.events;
            if (!pass.problem) {
                if (n != expected_n) {
                    pass.problem = TamperFinding{row.text(1), static_cast<int>(row.integer(2)), n, "deleted",
                                                 "the record jumps from #" + std::to_string(expected_n - 1) + " to #" +
                                                     std::to_string(n) + ": the events between were removed"};
                } else {
                    canonical_event_as_stored(row, canonical);
                    // Not as bran writes it: perhaps a value in another JSON form; read it as JSON.
                    if (key.link(previous, canonical) != mac && key.link(previous, canonical_event(read_event_columns(row))) != mac) {
                        pass.problem = TamperFinding{row.text(1), static_cast<int>(row.integer(2)), n, "changed",
                                                     "this answer is not what bran recorded (changed, or inserted from outside bran)"};
                    }
                }
            }
            previous = std::move(mac);
            expected_n = n + 1;
            pass.head_n = n;
        }
    }
    if (pass.events > 0) pass.head_mac = previous;
    return pass;
}

// Sessions, one at a time with their own events: numbering, existence, their facts, and the
// audit figures their answers give.
std::optional<TamperFinding> check_sessions(const Database& db, std::mutex& connection, long long& sessions,
                                            Progress* progress) {
    std::optional<TamperFinding> problem;
    ConnectionLock lock(connection);
    Statement pending = db.prepare("SELECT EXISTS (SELECT 1 FROM setting WHERE key = 'sessions_to_seal')");
    const bool sealing_pending = pending.step() && pending.integer(0) != 0;
    const bool older_value_rule = facts_from_older_value_rule(db);
    Statement count = db.prepare("SELECT count(*) FROM session");
    const auto total = static_cast<std::uint64_t>(count.step() ? count.integer(0) : 0);
    Statement rows = db.prepare(std::string("SELECT ") + stored_session_columns +
                                " FROM session s JOIN aid_version a ON a.id = s.aid_version_id ORDER BY s.id");
    Statement session_events =
        db.prepare(std::string("SELECT ") + event_columns + " FROM event WHERE session_id = ?1 ORDER BY n");
    Statement aid_content = db.prepare("SELECT content FROM aid_version WHERE id = ?1");
    // Called from check() below, outside the lock: it takes it again.
    SessionCheck check(
        [&](std::int64_t aid_key) {
            const std::lock_guard<std::mutex> reading(connection);
            aid_content.reset();
            aid_content.bind(1, aid_key);
            return aid_content.step() ? aid_content.text(0) : std::string();
        },
        sealing_pending, older_value_rule);
    std::vector<CopiedEventRow> copied;
    std::vector<EventRow> evs;
    while (rows.step()) {
        ++sessions;
        const StoredSession row = read_stored_session(rows);
        session_events.reset();
        session_events.bind(1, row.id);
        std::size_t count = 0;
        for (; session_events.step(); ++count) {
            if (count == copied.size()) copied.emplace_back();
            copied[count].copy(session_events);
        }
        const Unlocked checking(lock);
        evs.clear();
        for (std::size_t i = 0; i < count; ++i) evs.push_back(read_event_columns(copied[i]));
        if (progress && sessions % 1024 == 0) progress->update("checking sessions", static_cast<std::uint64_t>(sessions), total);
        if (!problem) problem = check.check(row, evs);
    }
    return problem;
}

}  // namespace

VerifyReport verify_record(const Database& db, const ChainKey& key, const std::string& receipts, Progress* progress) {
    VerifyReport report;
    auto found = [&](std::optional<TamperFinding> f) {
        if (!report.problem) report.problem = std::move(f);
    };
    // Both passes read one snapshot, on one connection, side by side: the keyed hashing of one and
    // the replay of the other take about as long each (one after the other, verify took 2.3 times
    // as long as the keyed hash alone).
    const ReadSnapshot snapshot(db.handle());
    std::mutex connection;
    std::future<ChainPass> chain_pass = std::async(std::launch::async, check_chain, std::cref(db), std::cref(key), std::ref(connection));
    std::optional<TamperFinding> session_problem;
    try {
        session_problem = check_sessions(db, connection, report.sessions, progress);
    } catch (...) {
        chain_pass.wait();
        throw;
    }
    ChainPass chain = chain_pass.get();
    if (progress) progress->update("checking sessions", static_cast<std::uint64_t>(report.sessions), static_cast<std::uint64_t>(report.sessions));
    report.events = chain.events;
    report.head_n = chain.head_n;
    report.head_mac = chain.head_mac;
    found(std::move(chain.problem));
    const std::int64_t last_n = chain.head_n;

    // The receipts: the newest chain head bran wrote must still be there, unchanged.
    const Receipt newest = newest_receipt(receipts);
    report.receipts_missing = last_n > 0 && !newest.readable;
    const std::int64_t receipt_n = newest.n;
    const std::string& receipt_mac = newest.mac_hex;
    if (receipt_n > last_n) {
        found(TamperFinding{"(newest)", 0, receipt_n, "truncated",
                            "bran had recorded " + std::to_string(receipt_n) + " events, but only " + std::to_string(last_n) +
                                " are left: the newest were removed"});
    } else if (receipt_n > 0) {
        report.anchored = receipt_n;
        Statement head = db.prepare("SELECT session_id, seq, mac FROM event WHERE n = ?1");
        head.bind(1, receipt_n);
        if (head.step()) {
            if (receipt_mac != hex_text(head.blob(2))) {
                found(TamperFinding{head.text(0), static_cast<int>(head.integer(1)), receipt_n, "changed",
                                    "this event is not the one bran recorded at this place in the record"});
            }
        }
    }
    found(std::move(session_problem));
    // Events of a session that is gone (each session id once, from the (session_id, seq) index).
    Statement orphans = db.prepare(
        "SELECT e.session_id, e.seq, e.n FROM event e WHERE e.session_id = ("
        "  SELECT d.session_id FROM (SELECT DISTINCT session_id FROM event) d"
        "  WHERE NOT EXISTS (SELECT 1 FROM session s WHERE s.id = d.session_id) ORDER BY d.session_id LIMIT 1) "
        "ORDER BY e.n LIMIT 1");
    if (orphans.step()) {
        found(TamperFinding{orphans.text(0), static_cast<int>(orphans.integer(1)), orphans.integer(2), "session-deleted",
                            "the session itself was removed"});
    }
    return report;
}

std::string chain_head_text(const VerifyReport& report) {
    return "record #" + std::to_string(report.head_n) + " " + hex_text(report.head_mac);
}

}  // namespace bran
