#include "engine/store/chain_verify.hpp"

#include "engine/audit/assessment.hpp"
#include "engine/session/walkthrough.hpp"
#include "engine/store/session_store.hpp"

#include <sodium.h>

#include <fstream>
#include <map>
#include <sstream>

namespace bran {

std::string TamperFinding::to_line() const {
    std::string where = "session " + session_id;
    if (seq > 0) where += " event " + std::to_string(seq);
    if (n > 0) where += " (record #" + std::to_string(n) + ")";
    return where + ": " + kind + ": " + message;
}

namespace {

std::string tri_text(const std::optional<std::int64_t>& v) { return v ? std::to_string(*v) : "none"; }

std::optional<std::int64_t> tri(const std::optional<bool>& v) {
    if (!v) return std::nullopt;
    return *v ? 1 : 0;
}

}  // namespace

VerifyReport verify_record(const Database& db, const ChainKey& key, const std::string& receipts) {
    VerifyReport report;
    auto found = [&](TamperFinding f) {
        if (!report.problem) report.problem = std::move(f);
    };

    // 1. The chain, event by event in recording order.
    std::vector<unsigned char> previous(crypto_auth_hmacsha256_BYTES, 0);
    std::int64_t expected_n = 1;
    std::map<std::string, std::vector<EventRow>> by_session;
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
        previous = e.mac;
        expected_n = e.n + 1;
        by_session[e.session_id].push_back(std::move(e));
    }
    const std::int64_t last_n = expected_n - 1;

    // 2. The receipts: the newest chain head bran wrote must still be there, unchanged.
    std::ifstream in(receipts);
    report.receipts_missing = last_n > 0 && !in.is_open();
    std::string line;
    std::int64_t receipt_n = 0;
    std::string receipt_mac;
    while (std::getline(in, line)) {
        std::istringstream fields(line);
        std::int64_t n = 0;
        std::string hex;
        if (fields >> n >> hex && n >= receipt_n) receipt_n = n, receipt_mac = hex;
    }
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

    // 3. Sessions: numbering, existence, and the audit figures their answers give.
    std::map<std::string, std::string> contents;
    Statement sessions = db.prepare(
        "SELECT s.id, s.status, s.choice, s.concordance, s.knowledge_adequate, s.informed_choice, s.sure_score, "
        "s.event_count, a.content, a.id FROM session s JOIN aid_version a ON a.id = s.aid_version_id ORDER BY s.id");
    std::map<std::int64_t, LoadedAid> aids;
    std::map<std::string, bool> seen;
    while (sessions.step()) {
        ++report.sessions;
        const std::string id = sessions.text(0);
        seen[id] = true;
        const auto& evs = by_session[id];
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
        auto aid = aids.find(aid_key);
        if (aid == aids.end()) aid = aids.emplace(aid_key, load_aid_text(sessions.text(8), "stored aid", RuleContext{})).first;
        if (evs.empty()) {
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
        Walkthrough::replay(evs, answers, status);
        const Assessment a = assess(*aid->second.aid, answers);
        const std::optional<std::int64_t> sure = a.sure_score ? std::optional<std::int64_t>(*a.sure_score) : std::nullopt;
        const std::vector<std::tuple<const char*, std::string, std::string>> checks = {
            {"status", sessions.text(1), status},
            {"choice", sessions.optional_text(2).value_or("none"), a.choice.value_or("none")},
            {"concordance", tri_text(sessions.optional_integer(3)), tri_text(tri(a.concordant))},
            {"knowledge", tri_text(sessions.optional_integer(4)), tri_text(tri(a.knowledge_adequate))},
            {"informed choice", tri_text(sessions.optional_integer(5)), tri_text(tri(a.informed_choice))},
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
    for (const auto& [id, evs] : by_session) {
        if (!seen.count(id)) found({id, evs.front().seq, evs.front().n, "session-deleted", "the session itself was removed"});
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
