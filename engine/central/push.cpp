#include "engine/central/push.hpp"

#include "engine/audit/chain_verify.hpp"
#include "engine/audit/report.hpp"
#include "engine/central/central_schema.hpp"
#include "engine/core/files.hpp"
#include "engine/store/reassess.hpp"
#include "engine/store/session_store.hpp"

#include <sodium.h>

#include <map>
#include <set>

namespace bran {

std::vector<unsigned char> next_digest(const std::vector<unsigned char>& previous, const std::string& canonical,
                                       const std::vector<unsigned char>& mac) {
    crypto_hash_sha256_state state;
    crypto_hash_sha256_init(&state);
    crypto_hash_sha256_update(&state, previous.data(), previous.size());
    // The length first, so that no event's bytes can be read as part of its link.
    const std::string length = std::to_string(canonical.size()) + ':';
    crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char*>(length.data()), length.size());
    crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char*>(canonical.data()), canonical.size());
    crypto_hash_sha256_update(&state, mac.data(), mac.size());
    std::vector<unsigned char> digest(crypto_hash_sha256_BYTES);
    crypto_hash_sha256_final(&state, digest.data());
    return digest;
}

std::string push_head_message(const std::string& source, std::int64_t head_n, const std::vector<unsigned char>& head_mac,
                              const std::vector<unsigned char>& digest) {
    return "bran push 1\n" + source + "\n" + std::to_string(head_n) + "\n" + hex_text(head_mac) + "\n" + hex_text(digest);
}

namespace {

struct CentralHead {
    std::int64_t n = 0;
    std::vector<unsigned char> mac;
    std::vector<unsigned char> digest = std::vector<unsigned char>(crypto_hash_sha256_BYTES, 0);
    std::vector<unsigned char> signature;
};

CentralHead newest_head(PgConnection& central, const std::string& source) {
    PgQuery q = central.query("SELECT head_n, head_mac, digest, signature FROM push WHERE source = ?1 ORDER BY head_n DESC LIMIT 1");
    q.bind(1, source);
    CentralHead head;
    if (q.step()) {
        head.n = q.integer(0);
        head.mac = q.blob(1);
        head.digest = q.blob(2);
        head.signature = q.blob(3);
    }
    return head;
}

// The site's public key, registered by its first push; a later push must come from the same key.
void register_key(PgConnection& central, const std::string& source, const std::vector<unsigned char>& public_key,
                  const std::string& site_path) {
    try {
        PgTransaction transaction(central);
        PgQuery insert = central.query("INSERT INTO site_key (source, public_key) VALUES (?1, ?2) ON CONFLICT (source) DO NOTHING");
        insert.bind(1, source).bind_blob(2, public_key).run();
        PgQuery known = central.query("SELECT public_key FROM site_key WHERE source = ?1");
        known.bind(1, source);
        if (!known.step() || known.blob(0) != public_key) {
            throw PushRefused(site_path + ": the central database knows site \"" + source +
                              "\" by another database's key: this is not the database that pushed as \"" + source +
                              "\" before (another site's, or its key file was replaced); nothing was sent");
        }
        known.reset();
        transaction.commit();
    } catch (const CentralError& e) {
        if (e.sqlstate() != "42501") throw;
        central.fail("this login role may not push as site \"" + source +
                     "\" (the database administrator gives it that right: see the README, \"Central audit database\"); "
                     "nothing was sent",
                     e.sqlstate());
    }
}

struct SiteSession {
    std::string id;
    std::int64_t aid_key = 0;
    std::optional<std::string> pseudonym, clinician, site;
    std::string locale, started_at, updated_at, status, step;
    std::optional<std::string> choice;
    std::optional<std::int64_t> concordance;
    std::int64_t knowledge_correct = 0, knowledge_answered = 0;
    std::optional<std::int64_t> knowledge_adequate, informed_choice, sure_score;
    std::int64_t event_count = 0;
};

SiteSession read_site_session(Statement& q, const std::string& id) {
    q.reset();
    q.bind(1, id);
    if (!q.step()) throw PushRefused("session " + id + " has events but no session row");
    SiteSession s;
    s.id = q.text(0);
    s.aid_key = q.integer(1);
    s.pseudonym = q.optional_text(2);
    s.clinician = q.optional_text(3);
    s.site = q.optional_text(4);
    s.locale = q.text(5);
    s.started_at = q.text(6);
    s.updated_at = q.text(7);
    s.status = q.text(8);
    s.step = q.text(9);
    s.choice = q.optional_text(10);
    s.concordance = q.optional_integer(11);
    s.knowledge_correct = q.integer(12);
    s.knowledge_answered = q.integer(13);
    s.knowledge_adequate = q.optional_integer(14);
    s.informed_choice = q.optional_integer(15);
    s.sure_score = q.optional_integer(16);
    s.event_count = q.integer(17);
    return s;
}

void integer_field(PgCopyIn& copy, const std::optional<std::int64_t>& value) {
    if (value) copy.field(*value);
    else copy.field(std::nullopt);
}

}  // namespace

std::vector<std::pair<std::string, std::string>> sessions_held_elsewhere(PgConnection& central, const std::vector<std::string>& ids,
                                                                         const std::string& site) {
    // One text of the ids, split by the server: session ids are UUIDs, with no comma in them.
    std::string joined;
    for (const std::string& id : ids) joined += (joined.empty() ? "" : ",") + id;
    PgQuery q = central.query("SELECT id, source FROM sessions_held_elsewhere(string_to_array(?1, ','), ?2)");
    q.bind(1, joined).bind(2, site);
    std::vector<std::pair<std::string, std::string>> held;
    while (q.step()) held.emplace_back(q.text(0), q.text(1));
    return held;
}

PushReport push_site(Database& site, const std::string& site_path, PgConnection& central, const std::string& source,
                     Progress* progress, std::int64_t batch_events) {
    PushReport report;
    const std::optional<ChainKey> key = ChainKey::existing(site_path);
    if (!key) {
        if (has_answer_events(site)) {
            throw PushRefused(key_path(site_path) + ": the chain key is missing, so this database cannot be verified or pushed "
                                                    "(restore the key file from where it was kept); nothing was sent");
        }
        return report;  // nothing recorded, nothing to send
    }
    if (facts_from_older_value_rule(site)) {
        throw PushRefused(site_path + ": its sessions carry an older bran's figures: run `bran audit --db " + site_path +
                          "` once (it assesses them again), then push; nothing was sent");
    }
    ReadSnapshot snapshot(site.handle());  // what is verified is what is sent, however much the kiosk records meanwhile
    const VerifyReport verified = verify_record(site, *key, receipts_path(site_path), progress);
    if (verified.problem) {
        throw PushRefused(site_path + ": fails bran audit verify, so nothing was sent: " + verified.problem->to_line());
    }
    if (verified.receipts_missing) {
        throw PushRefused(receipts_path(site_path) + ": missing or unreadable, so the site database cannot be shown whole "
                                                      "(restore it from the backup); nothing was sent");
    }
    const std::int64_t site_head = verified.head_n;
    report.head_n = site_head;
    if (site_head == 0) return report;

    require_current_central_schema(central);
    const std::vector<unsigned char> public_key = key->signing_public_key();
    register_key(central, source, public_key, site_path);
    central.exec("CREATE TEMP TABLE IF NOT EXISTS incoming_event (LIKE bran.event) ON COMMIT DELETE ROWS");
    central.exec("CREATE TEMP TABLE IF NOT EXISTS incoming_session (LIKE bran.session) ON COMMIT DELETE ROWS");

    Statement events = site.prepare(std::string("SELECT ") + event_columns + " FROM event WHERE n > ?1 AND n <= ?2 ORDER BY n");
    Statement mac_at = site.prepare("SELECT mac FROM event WHERE n = ?1");
    Statement event_count = site.prepare("SELECT event_count FROM session WHERE id = ?1");
    Statement session_row = site.prepare(
        "SELECT id, aid_version_id, pseudonym, clinician, site, locale, started_at, updated_at, status, step, choice, "
        "concordance, knowledge_correct, knowledge_answered, knowledge_adequate, informed_choice, sure_score, event_count "
        "FROM session WHERE id = ?1");
    Statement aid_row = site.prepare("SELECT aid_id, version, content_hash, content FROM aid_version WHERE id = ?1");
    std::map<std::int64_t, std::int64_t> central_aid;  // the site's aid version row -> the central one

    // Another push of the same site database may run at once: each batch starts from whatever head
    // the central database holds by then, once it is shown to be this site's own.
    std::optional<std::int64_t> first_head;
    for (;;) {
        PgTransaction transaction(central);
        // One push per site at a time; other sites push alongside.
        central.query("SELECT pg_advisory_xact_lock(4252415, hashtext(?1))").bind(1, source).run();
        const CentralHead head = newest_head(central, source);
        if (head.n > 0 && !signature_is_valid(public_key, push_head_message(source, head.n, head.mac, head.digest), head.signature)) {
            central.fail("the chain head it holds for site \"" + source + "\" (record #" + std::to_string(head.n) +
                         ") is not the one this site signed: the central copy was altered (run bran audit verify --db on it); "
                         "nothing was sent");
        }
        if (!first_head) first_head = head.n;
        if (head.n > site_head) {
            throw PushRefused(site_path + ": the central database already holds " + std::to_string(head.n) +
                              " events from site \"" + source + "\", but this database has only " + std::to_string(site_head) +
                              ": it was rolled back (restored from an older copy) after it pushed; nothing was sent");
        }
        if (head.n > 0) {
            mac_at.reset();
            mac_at.bind(1, head.n);
            if (!mac_at.step() || mac_at.blob(0) != head.mac) {
                throw PushRefused(site_path + ": its record #" + std::to_string(head.n) +
                                  " is not the one it pushed to the central database: it was rolled back after that push and "
                                  "has recorded other answers since; nothing was sent");
            }
        }
        if (head.n == site_head) break;

        // The events, up to a point where every session they touch is whole.
        std::map<std::string, std::int64_t> unfinished;  // session id -> its number of events
        std::set<std::string> touched;
        std::vector<unsigned char> digest = head.digest;
        std::vector<unsigned char> last_mac = head.mac;
        std::int64_t last_n = head.n, sent = 0;
        {
            PgCopyIn copy(central,
                          "COPY incoming_event (source, n, session_id, seq, at, setting, step, item, old_value, new_value, mac, digest) "
                          "FROM STDIN");
            events.reset();
            events.bind(1, head.n).bind(2, site_head);
            while (events.step()) {
                const EventRow e = read_event(events);
                copy.field(std::string_view(source));
                copy.field(e.n);
                copy.field(std::string_view(e.session_id));
                copy.field(static_cast<std::int64_t>(e.seq));
                copy.field(std::string_view(e.at));
                copy.field(std::string_view(e.setting));
                copy.field(std::string_view(e.step));
                copy.field(std::string_view(e.item));
                // The values exactly as the site stored them: the chain covers their parsed form.
                copy.field(events.is_null(7) ? std::nullopt : std::optional<std::string_view>(events.text_view(7)));
                copy.field(events.is_null(8) ? std::nullopt : std::optional<std::string_view>(events.text_view(8)));
                copy.blob_field(e.mac);
                digest = next_digest(digest, canonical_event(e), e.mac);
                copy.blob_field(digest);
                copy.end_row();
                auto it = unfinished.find(e.session_id);
                if (it == unfinished.end()) {
                    event_count.reset();
                    event_count.bind(1, e.session_id);
                    it = unfinished.emplace(e.session_id, event_count.step() ? event_count.integer(0) : 0).first;
                }
                if (e.seq >= it->second) unfinished.erase(it);
                touched.insert(e.session_id);
                last_n = e.n;
                last_mac = e.mac;
                if (++sent >= batch_events && unfinished.empty()) break;
            }
            copy.finish();
        }

        // The rows of the sessions touched, as they stand now (each whole in this batch).
        std::vector<SiteSession> sessions;
        for (const std::string& id : touched) sessions.push_back(read_site_session(session_row, id));
        for (const SiteSession& s : sessions) {
            if (central_aid.count(s.aid_key)) continue;
            aid_row.reset();
            aid_row.bind(1, s.aid_key);
            if (!aid_row.step()) throw PushRefused(site_path + ": session " + s.id + " names an aid version that is not stored");
            PgQuery insert = central.query(
                "INSERT INTO aid_version (aid_id, version, content_hash, content) VALUES (?1, ?2, ?3, ?4) "
                "ON CONFLICT (aid_id, version, content_hash) DO NOTHING");
            insert.bind(1, aid_row.text(0)).bind(2, aid_row.text(1)).bind(3, aid_row.text(2)).bind(4, aid_row.text(3)).run();
            PgQuery find = central.query("SELECT id FROM aid_version WHERE aid_id = ?1 AND version = ?2 AND content_hash = ?3");
            find.bind(1, aid_row.text(0)).bind(2, aid_row.text(1)).bind(3, aid_row.text(2));
            if (!find.step()) central.fail("the aid version it was just given is not there");
            central_aid[s.aid_key] = find.integer(0);
        }
        {
            PgCopyIn copy(central,
                          "COPY incoming_session (id, source, aid_version_id, pseudonym, clinician, site, locale, started_at, "
                          "updated_at, status, step, choice, concordance, knowledge_correct, knowledge_answered, "
                          "knowledge_adequate, informed_choice, sure_score, event_count, audit_facts) FROM STDIN");
            for (const SiteSession& s : sessions) {
                copy.field(std::string_view(s.id));
                copy.field(std::string_view(source));
                copy.field(central_aid[s.aid_key]);
                for (const auto* text : {&s.pseudonym, &s.clinician, &s.site}) {
                    copy.field(*text ? std::optional<std::string_view>(**text) : std::nullopt);
                }
                for (const std::string* text : {&s.locale, &s.started_at, &s.updated_at, &s.status, &s.step}) copy.field(std::string_view(*text));
                copy.field(s.choice ? std::optional<std::string_view>(*s.choice) : std::nullopt);
                integer_field(copy, s.concordance);
                copy.field(s.knowledge_correct);
                copy.field(s.knowledge_answered);
                integer_field(copy, s.knowledge_adequate);
                integer_field(copy, s.informed_choice);
                integer_field(copy, s.sure_score);
                copy.field(s.event_count);
                copy.field(static_cast<std::int64_t>(
                    pack_audit_facts(s.status, s.concordance, s.knowledge_adequate, s.informed_choice, s.sure_score)));
                copy.end_row();
            }
            copy.finish();
        }
        try {
            // A session belongs to one site: its row is brought up to date only from there.
            PgQuery upsert = central.query(
                "INSERT INTO session SELECT * FROM incoming_session ON CONFLICT (id) DO UPDATE SET "
                "aid_version_id = EXCLUDED.aid_version_id, pseudonym = EXCLUDED.pseudonym, clinician = EXCLUDED.clinician, "
                "site = EXCLUDED.site, locale = EXCLUDED.locale, started_at = EXCLUDED.started_at, "
                "updated_at = EXCLUDED.updated_at, status = EXCLUDED.status, step = EXCLUDED.step, choice = EXCLUDED.choice, "
                "concordance = EXCLUDED.concordance, knowledge_correct = EXCLUDED.knowledge_correct, "
                "knowledge_answered = EXCLUDED.knowledge_answered, knowledge_adequate = EXCLUDED.knowledge_adequate, "
                "informed_choice = EXCLUDED.informed_choice, sure_score = EXCLUDED.sure_score, event_count = EXCLUDED.event_count, "
                "audit_facts = EXCLUDED.audit_facts "
                "WHERE session.source = EXCLUDED.source");
            upsert.run();
            if (upsert.changed() != static_cast<std::int64_t>(sessions.size())) {
                PgQuery other = central.query(
                    "SELECT i.id, s.source FROM incoming_session i JOIN session s ON s.id = i.id WHERE s.source <> i.source LIMIT 1");
                // A site's role cannot see another site's rows, nor so say whose it is.
                const std::string whose = other.step() ? "session " + other.text(0) + " is already in the central database from site \"" +
                                                             other.text(1) + "\""
                                                       : std::string("a session of this push is already in the central database from another site");
                throw PushRefused(site_path + ": " + whose + "; a session belongs to one site, so nothing more was sent");
            }
            central.query("INSERT INTO event SELECT * FROM incoming_event").run();
        } catch (const CentralError& e) {
            if (e.sqlstate() != "42501" && e.sqlstate() != "23505") throw;
            // Whether the server refuses the row (row-level security) or skips it, the user is told the same.
            throw PushRefused(site_path + ": a session of this push is already in the central database from another site; "
                                          "a session belongs to one site, so nothing more was sent");
        }
        const std::vector<unsigned char> signature = key->sign(push_head_message(source, last_n, last_mac, digest));
        PgQuery record = central.query("INSERT INTO push (source, head_n, head_mac, digest, signature) VALUES (?1, ?2, ?3, ?4, ?5)");
        record.bind(1, source).bind(2, last_n).bind_blob(3, last_mac).bind_blob(4, digest).bind_blob(5, signature).run();
        transaction.commit();
        report.events += sent;
        report.sessions += static_cast<std::int64_t>(sessions.size());
        if (progress) {
            progress->update("sending events to the central database", static_cast<std::uint64_t>(last_n - *first_head),
                             static_cast<std::uint64_t>(site_head - *first_head));
        }
    }
    return report;
}

}  // namespace bran
