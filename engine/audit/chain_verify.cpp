#include "engine/audit/chain_verify.hpp"

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

namespace {

std::string tri_text(const std::optional<std::int64_t>& v) { return v ? std::to_string(*v) : "none"; }

std::string shown(const std::optional<std::string>& v) { return v ? "\"" + *v + "\"" : "none"; }

// The session row's facts against those its chained facts events vouch for: the kind of finding
// and what differs, or nothing when they agree. Columns as in verify_record's session query.
std::optional<std::pair<std::string, std::string>> check_facts(const std::vector<EventRow>& events, const Statement& row,
                                                               bool sealing_pending) {
    ChainedFacts facts;
    bool any = false;
    for (const EventRow& e : events) {
        if (e.item != facts_item && e.item != credit_item) continue;
        if (e.item == credit_item && !any) continue;
        if (!fold_facts(e, facts)) return std::make_pair(std::string("changed"), std::string("its facts event is not of bran's form"));
        any = any || e.item == facts_item;
    }
    if (!any) {
        if (sealing_pending) {
            return std::make_pair(std::string("session-unsealed"),
                                  std::string("recorded by an earlier bran, its clinician, site and start are not in the "
                                              "chain yet: open this database once with bran (or import into it) to seal them"));
        }
        return std::make_pair(std::string("session-inserted"),
                              std::string("bran did not record this session: its aid, clinician, site and start are not in "
                                          "the chain"));
    }
    const std::vector<std::tuple<const char*, std::optional<std::string>, std::optional<std::string>>> checks = {
        {"aid", row.text(10), facts.aid_id},
        {"aid version", row.text(11), facts.aid_version},
        {"aid content hash", row.text(12), facts.content_hash},
        {"locale", row.text(13), facts.locale},
        {"start", row.text(14), facts.started_at},
        {"patient pseudonym", row.optional_text(15), facts.pseudonym},
        {"clinician", row.optional_text(16), facts.clinician},
        {"site", row.optional_text(17), facts.site},
    };
    for (const auto& [what, stored, chained] : checks) {
        if (stored != chained) {
            return std::make_pair(std::string("session-changed"), std::string(what) + " is recorded as " + shown(stored) +
                                                                      " but bran recorded " + shown(chained));
        }
    }
    return std::nullopt;
}

}  // namespace

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
            const auto mac = head.blob(2);
            char hex[crypto_auth_hmacsha256_BYTES * 2 + 1] = {};
            if (mac.size() == crypto_auth_hmacsha256_BYTES) sodium_bin2hex(hex, sizeof hex, mac.data(), mac.size());
            if (receipt_mac != hex) {
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
    Statement sessions = db.prepare(
        "SELECT s.id, s.status, s.choice, s.concordance, s.knowledge_adequate, s.informed_choice, s.sure_score, "
        "s.event_count, a.content, a.id, a.aid_id, a.version, a.content_hash, s.locale, s.started_at, s.pseudonym, "
        "s.clinician, s.site FROM session s JOIN aid_version a ON a.id = s.aid_version_id ORDER BY s.id");
    Statement session_events =
        db.prepare(std::string("SELECT ") + event_columns + " FROM event WHERE session_id = ?1 ORDER BY n");
    std::map<std::int64_t, LoadedAid> aids;  // per aid version: a handful
    std::map<std::int64_t, bool> aid_content_intact;
    std::vector<EventRow> evs;
    while (sessions.step()) {
        ++report.sessions;
        const std::string id = sessions.text(0);
        evs.clear();
        session_events.reset();
        session_events.bind(1, id);
        while (session_events.step()) evs.push_back(read_event(session_events));
        for (std::size_t i = 0; i < evs.size(); ++i) {
            if (evs[i].seq != static_cast<int>(i) + 1) {
                found({id, evs[i].seq, evs[i].n, "deleted", "event " + std::to_string(i + 1) + " of this session is missing"});
                break;
            }
        }
        if (sessions.integer(7) != static_cast<std::int64_t>(evs.size())) {
            found({id, 0, 0, "session-changed",
                   "the session says it has " + std::to_string(sessions.integer(7)) + " events, the record has " +
                       std::to_string(evs.size())});
        }
        const std::int64_t aid_key = sessions.integer(9);
        if (!aid_content_intact.count(aid_key)) aid_content_intact[aid_key] = sha256_hex(sessions.text(8)) == sessions.text(12);
        if (!aid_content_intact[aid_key]) {
            found({id, 0, 0, "session-changed",
                   "the stored aid " + sessions.text(10) + " " + sessions.text(11) +
                       " is not the text the patient was shown (its content does not match its hash)"});
        }
        if (const auto facts = check_facts(evs, sessions, sealing_pending)) found({id, 0, 0, facts->first, facts->second});
        auto aid = aids.find(aid_key);
        if (aid == aids.end()) aid = aids.emplace(aid_key, load_aid_text(sessions.text(8), "stored aid", RuleContext{})).first;
        if (std::none_of(evs.begin(), evs.end(), [](const EventRow& e) { return is_session_work(e.item); })) {
            // A session with no answer events was opened and left: bran records no status change
            // and no audit figure for it, so any there were put in behind bran's back.
            const bool has_figures = sessions.optional_text(2) || sessions.optional_integer(3) ||
                                     sessions.optional_integer(4) || sessions.optional_integer(5) ||
                                     sessions.optional_integer(6);
            if (sessions.text(1) != "in-progress" || has_figures) {
                found({id, 0, 0, "session-changed",
                       "the session is recorded as " + sessions.text(1) +
                           (has_figures ? " with audit figures" : "") + ", but it has no answers"});
            }
            continue;
        }
        if (!aid->second.aid) continue;
        Answers answers;
        std::string status = "in-progress";
        replay_events(evs, answers, status);
        const Assessment a = assess(*aid->second.aid, answers);
        std::optional<std::int64_t> concordance = concordance_code(a), informed = fact_code(a.informed_choice);
        if (older_value_rule) {
            const std::vector<std::string> favoured = favoured_by_weighted_sum(*aid->second.aid, answers);
            const bool real_option = a.choice && aid->second.aid->find_option(*a.choice);
            concordance = std::nullopt;
            if (real_option && !favoured.empty()) {
                concordance = std::find(favoured.begin(), favoured.end(), *a.choice) != favoured.end() ? 1 : 0;
            }
            informed = a.knowledge_adequate && concordance ? std::optional<std::int64_t>(*a.knowledge_adequate && *concordance == 1)
                                                           : std::nullopt;
        }
        const std::optional<std::int64_t> sure = a.sure_score ? std::optional<std::int64_t>(*a.sure_score) : std::nullopt;
        const std::vector<std::tuple<const char*, std::string, std::string>> checks = {
            {"status", sessions.text(1), status},
            {"choice", sessions.optional_text(2).value_or("none"), a.choice.value_or("none")},
            {"concordance", tri_text(sessions.optional_integer(3)), tri_text(concordance)},
            {"knowledge", tri_text(sessions.optional_integer(4)), tri_text(fact_code(a.knowledge_adequate))},
            {"informed choice", tri_text(sessions.optional_integer(5)), tri_text(informed)},
            {"SURE score", tri_text(sessions.optional_integer(6)), tri_text(sure)},
        };
        for (const auto& [what, stored, derived] : checks) {
            if (stored != derived) {
                found({id, 0, 0, "session-changed",
                       std::string(what) + " is recorded as " + stored + " but the answers give " + derived});
                break;
            }
        }
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
    char hex[crypto_auth_hmacsha256_BYTES * 2 + 1] = {};
    if (report.head_mac.size() == crypto_auth_hmacsha256_BYTES) {
        sodium_bin2hex(hex, sizeof hex, report.head_mac.data(), report.head_mac.size());
    }
    return "record #" + std::to_string(report.head_n) + " " + hex;
}

}  // namespace bran
