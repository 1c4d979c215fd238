#include "engine/central/central_verify.hpp"

#include "engine/audit/report.hpp"
#include "engine/audit/session_check.hpp"
#include "engine/central/central_schema.hpp"
#include "engine/central/push.hpp"
#include "engine/core/files.hpp"
#include "engine/store/session_store.hpp"

#include <sodium.h>

namespace bran {

namespace {

struct SignedHead {
    std::int64_t n = 0;
    std::vector<unsigned char> mac, digest, signature;
};

// One site's chain: unbroken numbering, and the digest at every head it signed.
void verify_site_chain(PgConnection& db, const std::string& source, const std::vector<unsigned char>& public_key,
                       CentralVerifyReport& report, Progress* progress, long long total_events) {
    auto found = [&](TamperFinding f) { report.note(std::move(f), source); };
    std::vector<SignedHead> heads;
    {
        PgQuery q = db.query("SELECT head_n, head_mac, digest, signature FROM push WHERE source = ?1 ORDER BY head_n");
        q.bind(1, source);
        while (q.step()) heads.push_back({q.integer(0), q.blob(1), q.blob(2), q.blob(3)});
    }
    for (const SignedHead& h : heads) {
        if (!signature_is_valid(public_key, push_head_message(source, h.n, h.mac, h.digest), h.signature)) {
            found({"(site " + source + ")", 0, h.n, "changed",
                   "the chain head recorded for this push is not the one the site signed"});
            return;
        }
    }
    std::vector<unsigned char> digest(crypto_hash_sha256_BYTES, 0);
    std::size_t next_head = 0;
    std::int64_t expected_n = 1, previous_head = 0;
    PgQuery events = db.query(std::string("SELECT ") + event_columns + ", digest FROM event WHERE source = ?1 ORDER BY n");
    events.bind(1, source);
    while (events.step()) {
        const EventRow e = read_event_columns(events);
        ++report.record.events;
        if (progress && report.record.events % 10000 == 0) {
            progress->update("checking the events", static_cast<std::uint64_t>(report.record.events), static_cast<std::uint64_t>(total_events));
        }
        if (report.record.problem) continue;
        if (e.n != expected_n) {
            found({e.session_id, e.seq, e.n, "deleted",
                   "site " + source + "'s record jumps from #" + std::to_string(expected_n - 1) + " to #" + std::to_string(e.n) +
                       ": the events between were removed"});
            continue;
        }
        expected_n = e.n + 1;
        if (next_head >= heads.size()) {
            found({e.session_id, e.seq, e.n, "inserted",
                   "site " + source + " never sent this event: it follows the newest head the site signed (#" +
                       std::to_string(previous_head) + ")"});
            continue;
        }
        digest = next_digest(digest, canonical_event(e), e.mac);
        // Each event keeps the digest up to it, so the first event that differs can be named;
        // the signed heads are what make those digests trustworthy.
        if (digest != events.blob(10)) {
            found({e.session_id, e.seq, e.n, "changed",
                   "this answer from site " + source + " is not what the site sent (changed, or inserted from outside bran)"});
            continue;
        }
        if (e.n == heads[next_head].n) {
            if (digest != heads[next_head].digest || e.mac != heads[next_head].mac) {
                found({e.session_id, e.seq, e.n, "changed",
                       "site " + source + "'s events #" + std::to_string(previous_head + 1) + " to #" + std::to_string(e.n) +
                           " are not the ones it sent (one was changed, inserted or removed)"});
            }
            previous_head = e.n;
            ++next_head;
        }
    }
    if (!report.record.problem && next_head < heads.size()) {
        found({"(site " + source + ")", 0, heads[next_head].n, "truncated",
               "site " + source + " sent " + std::to_string(heads.back().n) + " events, but only " +
                   std::to_string(expected_n - 1) + " are here: the newest were removed"});
    }
}

}  // namespace

CentralVerifyReport verify_central(const std::string& uri, Progress* progress) {
    PgConnection db = PgConnection::open(uri);
    require_current_central_schema(db);
    // A snapshot for every read (two connections would see two moments: one is enough here).
    PgTransaction snapshot(db);
    db.exec("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
    CentralVerifyReport report;
    long long total_events = 0;
    {
        PgQuery count = db.query("SELECT count(*) FROM event");
        if (count.step()) total_events = count.integer(0);
    }
    std::vector<std::pair<std::string, std::vector<unsigned char>>> sites;
    {
        PgQuery q = db.query("SELECT source, public_key FROM site_key ORDER BY source");
        while (q.step()) sites.emplace_back(q.text(0), q.blob(1));
    }
    for (const auto& [source, public_key] : sites) {
        ++report.sites;
        verify_site_chain(db, source, public_key, report, progress, total_events);
    }
    auto found = [&](TamperFinding f, const std::string& site) { report.note(std::move(f), site); };
    // Events whose site is not known cannot have been pushed.
    {
        PgQuery stray = db.query(
            "SELECT e.session_id, e.seq, e.n, e.source FROM event e WHERE NOT EXISTS (SELECT 1 FROM push p WHERE p.source = e.source) LIMIT 1");
        if (stray.step()) {
            found({stray.text(0), static_cast<int>(stray.integer(1)), stray.integer(2), "inserted",
                   "no site pushed this event (site \"" + stray.text(3) + "\" never signed a head)"},
                  stray.text(3));
        }
    }

    // Every session against its own events: sessions in order of id, and their events in the same
    // order, read side by side (one row of each at a time).
    std::map<std::int64_t, std::string> aid_texts;
    {
        PgQuery aids = db.query("SELECT id, content FROM aid_version");
        while (aids.step()) aid_texts[aids.integer(0)] = aids.text(1);
    }
    SessionCheck check([&](std::int64_t aid_key) { return aid_texts[aid_key]; }, false, false);
    // Two queries stream at once, so the events come through a cursor.
    db.exec(std::string("DECLARE session_events NO SCROLL CURSOR FOR SELECT ") + event_columns +
            ", source FROM event ORDER BY session_id COLLATE \"C\", seq");
    std::vector<EventRow> buffered;
    std::vector<std::string> buffered_sources;
    bool events_done = false;
    std::size_t at = 0;
    const auto next_event = [&]() -> const EventRow* {
        if (at >= buffered.size()) {
            if (events_done) return nullptr;
            buffered.clear();
            buffered_sources.clear();
            at = 0;
            PgQuery fetch = db.query("FETCH 5000 FROM session_events");
            while (fetch.step()) {
                buffered.push_back(read_event_columns(fetch));
                buffered_sources.push_back(fetch.text(10));
            }
            if (buffered.size() < 5000) events_done = true;
            if (buffered.empty()) return nullptr;
        }
        return &buffered[at];
    };
    std::vector<StoredSession> batch;
    std::vector<std::string> batch_sources;
    std::vector<std::int64_t> batch_codes;
    std::vector<EventRow> evs;
    const auto check_batch = [&] {
        for (std::size_t i = 0; i < batch.size(); ++i) {
            const StoredSession& row = batch[i];
            evs.clear();
            // Events of sessions that are not here come first in order: a removed session.
            while (const EventRow* e = next_event()) {
                if (e->session_id >= row.id) break;
                found({e->session_id, e->seq, e->n, "session-deleted", "the session itself was removed"}, buffered_sources[at]);
                ++at;
            }
            bool other_site = false;
            while (const EventRow* e = next_event()) {
                if (e->session_id != row.id) break;
                other_site = other_site || buffered_sources[at] != batch_sources[i];
                evs.push_back(*e);
                ++at;
            }
            ++report.record.sessions;
            if (other_site) {
                found({row.id, 0, 0, "session-changed", "its events came from another site than the session says"}, batch_sources[i]);
            }
            if (auto finding = check.check(row, evs)) found(std::move(*finding), batch_sources[i]);
            // The code the audit counts by must be the one the session's own figures give.
            const int packed = pack_audit_facts(row.status, row.concordance, row.knowledge_adequate, row.informed_choice, row.sure_score);
            if (batch_codes[i] != packed) {
                found({row.id, 0, 0, "session-changed",
                       "its audit code is recorded as " + std::to_string(batch_codes[i]) + " but its figures give " + std::to_string(packed)},
                      batch_sources[i]);
            }
        }
        batch.clear();
        batch_sources.clear();
        batch_codes.clear();
    };
    {
        // The sessions also through a cursor (one query may stream at a time on a connection).
        db.exec(std::string("DECLARE stored_sessions NO SCROLL CURSOR FOR SELECT ") + stored_session_columns +
                ", s.source, s.audit_facts FROM session s JOIN aid_version a ON a.id = s.aid_version_id ORDER BY s.id COLLATE \"C\"");
        for (;;) {
            PgQuery fetch = db.query("FETCH 2000 FROM stored_sessions");
            std::size_t got = 0;
            while (fetch.step()) {
                batch.push_back(read_stored_session(fetch));
                batch_sources.push_back(fetch.text(17));
                batch_codes.push_back(fetch.integer(18));
                ++got;
            }
            check_batch();
            if (progress) {
                progress->update("checking the sessions", static_cast<std::uint64_t>(report.record.sessions), 0);
            }
            if (got < 2000) break;
        }
    }
    while (const EventRow* e = next_event()) {
        found({e->session_id, e->seq, e->n, "session-deleted", "the session itself was removed"}, buffered_sources[at]);
        ++at;
    }
    return report;
}

}  // namespace bran
