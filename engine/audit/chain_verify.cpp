#include "engine/audit/chain_verify.hpp"

#include "engine/audit/session_check.hpp"

#include "engine/decision/assessment.hpp"
#include "engine/store/reassess.hpp"
#include "engine/core/files.hpp"
#include "engine/store/event_replay.hpp"
#include "engine/store/session_store.hpp"

#include <sodium.h>

#include <algorithm>
#include <map>

namespace bran {

std::string TamperFinding::to_line() const {
    std::string where = "session " + session_id;
    if (seq > 0) where += " event " + std::to_string(seq);
    if (n > 0) where += " (record #" + std::to_string(n) + ")";
    return where + ": " + kind + ": " + message;
}

VerifyReport verify_record(const Database& db, const ChainKey& key, const std::string& receipts) {
    VerifyReport report;
    auto found = [&](TamperFinding f) {
        if (!report.problem) report.problem = std::move(f);
    };

    // 1. The chain, event by event in recording order; only the last link is kept, so that the
    // check needs the same memory for any number of events.
    std::vector<unsigned char> previous(crypto_auth_hmacsha256_BYTES, 0);
    std::int64_t expected_n = 1;
    Statement events = db.prepare(std::string("SELECT ") + event_columns + " FROM event ORDER BY n");
    while (events.step()) {
        EventRow e = read_event(events);
        ++report.events;
        report.head_n = e.n;
        report.head_mac = e.mac;
        if (!report.problem) {
            if (e.n != expected_n) {
                found({e.session_id, e.seq, e.n, "deleted",
                       "the record jumps from #" + std::to_string(expected_n - 1) + " to #" + std::to_string(e.n) +
                           ": the events between were removed"});
            } else if (key.link(previous, canonical_event(e)) != e.mac) {
                found({e.session_id, e.seq, e.n, "changed",
                       "this answer is not what bran recorded (changed, or inserted from outside bran)"});
            }
        }
        previous = std::move(e.mac);
        expected_n = e.n + 1;
    }
    const std::int64_t last_n = expected_n - 1;

    // 2. The receipts: the newest chain head bran wrote must still be there, unchanged.
    const Receipt newest = newest_receipt(receipts);
    report.receipts_missing = last_n > 0 && !newest.readable;
    const std::int64_t receipt_n = newest.n;
    const std::string& receipt_mac = newest.mac_hex;
    if (receipt_n > last_n) {
        found({"(newest)", 0, receipt_n, "truncated",
               "bran had recorded " + std::to_string(receipt_n) + " events, but only " + std::to_string(last_n) +
                   " are left: the newest were removed"});
    } else if (receipt_n > 0) {
        report.anchored = receipt_n;
        Statement head = db.prepare("SELECT session_id, seq, mac FROM event WHERE n = ?1");
        head.bind(1, receipt_n);
        if (head.step()) {
            if (receipt_mac != hex_text(head.blob(2))) {
                found({head.text(0), static_cast<int>(head.integer(1)), receipt_n, "changed",
                       "this event is not the one bran recorded at this place in the record"});
            }
        }
    }

    // 3. Sessions, one at a time with their own events: numbering, existence, their facts, and
    // the audit figures their answers give.
    Statement pending = db.prepare("SELECT EXISTS (SELECT 1 FROM setting WHERE key = 'sessions_to_seal')");
    const bool sealing_pending = pending.step() && pending.integer(0) != 0;
    const bool older_value_rule = facts_from_older_value_rule(db);
    Statement sessions = db.prepare(std::string("SELECT ") + stored_session_columns +
                                    " FROM session s JOIN aid_version a ON a.id = s.aid_version_id ORDER BY s.id");
    Statement session_events =
        db.prepare(std::string("SELECT ") + event_columns + " FROM event WHERE session_id = ?1 ORDER BY n");
    Statement aid_content = db.prepare("SELECT content FROM aid_version WHERE id = ?1");
    SessionCheck check(
        [&](std::int64_t aid_key) {
            aid_content.reset();
            aid_content.bind(1, aid_key);
            return aid_content.step() ? aid_content.text(0) : std::string();
        },
        sealing_pending, older_value_rule);
    std::vector<EventRow> evs;
    while (sessions.step()) {
        ++report.sessions;
        const StoredSession row = read_stored_session(sessions);
        evs.clear();
        session_events.reset();
        session_events.bind(1, row.id);
        while (session_events.step()) evs.push_back(read_event(session_events));
        if (auto finding = check.check(row, evs)) found(std::move(*finding));
    }
    // Events of a session that is gone (each session id once, from the (session_id, seq) index).
    Statement orphans = db.prepare(
        "SELECT e.session_id, e.seq, e.n FROM event e WHERE e.session_id = ("
        "  SELECT d.session_id FROM (SELECT DISTINCT session_id FROM event) d"
        "  WHERE NOT EXISTS (SELECT 1 FROM session s WHERE s.id = d.session_id) ORDER BY d.session_id LIMIT 1) "
        "ORDER BY e.n LIMIT 1");
    if (orphans.step()) {
        found({orphans.text(0), static_cast<int>(orphans.integer(1)), orphans.integer(2), "session-deleted",
               "the session itself was removed"});
    }
    return report;
}

std::string chain_head_text(const VerifyReport& report) {
    return "record #" + std::to_string(report.head_n) + " " + hex_text(report.head_mac);
}

}  // namespace bran
