#include "engine/store/session_store.hpp"

#include "engine/core/errors.hpp"
#include "engine/core/files.hpp"
#include "engine/core/ids_and_time.hpp"
#include "engine/store/reassess.hpp"
#include "engine/store/store_error.hpp"
#include "engine/store/transaction.hpp"

#include <sodium.h>

#include <cerrno>
#include <fcntl.h>
#include <map>
#include <unistd.h>

namespace bran {

namespace {

std::optional<std::string> json_text(const nlohmann::json& value) {
    if (value.is_null()) return std::nullopt;
    return value.dump();
}



constexpr const char* session_columns =
    "s.id, a.aid_id, a.version, a.content_hash, s.pseudonym, s.clinician, s.site, s.locale, s.started_at, "
    "s.updated_at, s.status, s.step, s.event_count";

SessionRow read_session(const Statement& s) {
    SessionRow row;
    row.id = s.text(0);
    row.aid_id = s.text(1);
    row.aid_version = s.text(2);
    row.content_hash = s.text(3);
    row.meta.pseudonym = s.optional_text(4);
    row.meta.clinician = s.optional_text(5);
    row.meta.site = s.optional_text(6);
    row.meta.locale = s.text(7);
    row.started_at = s.text(8);
    row.updated_at = s.text(9);
    row.status = s.text(10);
    row.step = s.text(11);
    row.event_count = static_cast<int>(s.integer(12));
    return row;
}

}  // namespace

namespace {
nlohmann::json or_null(const std::optional<std::string>& v) { return v ? nlohmann::json(*v) : nlohmann::json(); }
}  // namespace

nlohmann::json facts_value(const SessionRow& row) {
    return {{"aid", row.aid_id},         {"version", row.aid_version},   {"content_hash", row.content_hash},
            {"locale", row.meta.locale}, {"started_at", row.started_at}, {"pseudonym", or_null(row.meta.pseudonym)},
            {"clinician", or_null(row.meta.clinician)}, {"site", or_null(row.meta.site)}};
}

bool fold_facts(const EventRow& event, ChainedFacts& facts) {
    const nlohmann::json& v = event.new_value;
    if (!v.is_object()) return false;
    const auto text = [&](const char* key, std::string& out) {
        if (!v.contains(key) || !v[key].is_string()) return false;
        out = v[key].get<std::string>();
        return true;
    };
    const auto optional = [&](const char* key, std::optional<std::string>& out) {
        if (!v.contains(key) || !(v[key].is_string() || v[key].is_null())) return false;
        out = v[key].is_null() ? std::nullopt : std::optional<std::string>(v[key].get<std::string>());
        return true;
    };
    if (event.item == credit_item) return optional("clinician", facts.clinician) && optional("site", facts.site);
    return text("aid", facts.aid_id) && text("version", facts.aid_version) && text("content_hash", facts.content_hash) &&
           text("locale", facts.locale) && text("started_at", facts.started_at) && optional("pseudonym", facts.pseudonym) &&
           optional("clinician", facts.clinician) && optional("site", facts.site);
}

std::string canonical_event(const EventRow& e) {
    return nlohmann::json::array({e.n, e.session_id, e.seq, e.at, e.setting, e.step, e.item, e.old_value, e.new_value})
        .dump();
}

void append_json_string(std::string& out, std::string_view text) {
    static constexpr char hex[] = "0123456789abcdef";
    out += '"';
    std::size_t plain = 0;  // where the run of bytes copied as they are began
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte >= 0x20 && byte != '"' && byte != '\\') continue;
        out.append(text.substr(plain, i - plain));
        plain = i + 1;
        switch (byte) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\b': out += "\\b"; break;
            case '\f': out += "\\f"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:
                out += "\\u00";
                out += hex[byte >> 4];
                out += hex[byte & 0xF];
        }
    }
    out.append(text.substr(plain));
    out += '"';
}

void CopiedEventRow::copy(const Statement& row) {
    m_n = row.integer(0);
    m_seq = row.integer(2);
    for (int column = 1; column <= 8; ++column) {
        const auto i = static_cast<std::size_t>(column);
        m_null[i] = row.is_null(column);
        m_text[i].assign(row.text_view(column));
    }
    m_mac = row.blob(9);
}

SessionStore::SessionStore(Database& db, ChainKey key)
    : m_db(db), m_key(std::move(key)), m_receipts(db.path() == ":memory:" ? "" : receipts_path(db.path())) {}

std::int64_t SessionStore::store_aid(const Aid& aid) {
    Statement find = m_db.prepare("SELECT id FROM aid_version WHERE aid_id = ?1 AND version = ?2 AND content_hash = ?3");
    find.bind(1, aid.id).bind(2, aid.version).bind(3, aid.content_hash);
    if (find.step()) return find.integer(0);
    Statement insert = m_db.prepare("INSERT INTO aid_version (aid_id, version, content_hash, content) VALUES (?1, ?2, ?3, ?4)");
    insert.bind(1, aid.id).bind(2, aid.version).bind(3, aid.content_hash).bind(4, aid.content);
    insert.run();
    return sqlite3_last_insert_rowid(m_db.handle());
}

void SessionStore::insert_session(const SessionRow& row, std::int64_t aid_version_id) {
    Statement& insert = cached(m_insert_session,
        "INSERT INTO session (id, aid_version_id, pseudonym, clinician, site, locale, started_at, updated_at, status, step) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7, 'in-progress', ?8)");
    insert.bind(1, row.id).bind(2, aid_version_id).bind(3, row.meta.pseudonym).bind(4, row.meta.clinician);
    insert.bind(5, row.meta.site).bind(6, row.meta.locale).bind(7, row.started_at).bind(8, row.step);
    insert.run();
}

EventRow SessionStore::facts_event(const SessionRow& row, const std::string& at, const std::string& setting) {
    EventRow event;
    event.session_id = row.id;
    event.seq = 1;
    event.at = at;
    event.setting = setting;
    event.step = row.step;
    event.item = facts_item;
    event.new_value = facts_value(row);
    return event;
}

std::string SessionStore::create_session(const Aid& aid, const SessionMeta& meta, const std::string& at,
                                         const std::string& step, const std::string& setting, const std::string& id) {
    SessionRow row;
    row.id = id.empty() ? new_uuid() : id;
    row.aid_id = aid.id;
    row.aid_version = aid.version;
    row.content_hash = aid.content_hash;
    row.meta = meta;
    row.started_at = at;
    row.step = step;
    Transaction transaction(m_db.handle());
    insert_session(row, store_aid(aid));
    ChainHead head = chain_head();
    EventRow event = facts_event(row, at, setting);
    insert_event(event, head);
    count_new_event(row.id);
    transaction.commit();
    write_receipt(event);
    return row.id;
}

Statement& SessionStore::cached(std::optional<Statement>& slot, std::string_view sql) {
    if (!slot) slot.emplace(m_db.handle(), sql);
    return *slot;
}

SessionStore::ChainHead SessionStore::chain_head() {
    Statement& last = cached(m_last_event, "SELECT n, mac FROM event ORDER BY n DESC LIMIT 1");
    ChainHead head{0, std::vector<unsigned char>(crypto_auth_hmacsha256_BYTES, 0)};
    if (last.step()) {
        head.n = last.integer(0);
        head.mac = last.blob(1);
    }
    last.reset();
    return head;
}

void SessionStore::insert_event(EventRow& event, ChainHead& head) {
    event.n = head.n + 1;
    event.mac = m_key.link(head.mac, canonical_event(event));
    Statement& insert = cached(m_insert_event,
                               "INSERT INTO event (n, session_id, seq, at, setting, step, item, old_value, new_value, mac) "
                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
    insert.bind(1, event.n).bind(2, event.session_id).bind(3, event.seq).bind(4, event.at).bind(5, event.setting);
    insert.bind(6, event.step).bind(7, event.item).bind(8, json_text(event.old_value)).bind(9, json_text(event.new_value));
    insert.bind_blob(10, event.mac);
    insert.run();
    head.n = event.n;
    head.mac = event.mac;
}

void SessionStore::update_facts(const std::string& session_id, const std::string& at, const SessionUpdate& update,
                                int new_events) {
    const Assessment& a = update.assessment;
    Statement& refresh = cached(m_update_facts,
        "UPDATE session SET updated_at = ?2, status = ?3, step = ?4, choice = ?5, concordance = ?6, "
        "knowledge_correct = ?7, knowledge_answered = ?8, knowledge_adequate = ?9, informed_choice = ?10, "
        "sure_score = ?11, event_count = event_count + ?12 WHERE id = ?1");
    refresh.bind(1, session_id).bind(2, at).bind(3, update.status).bind(4, update.step);
    refresh.bind(5, a.choice).bind(6, concordance_code(a)).bind(7, a.knowledge_correct).bind(8, a.knowledge_answered);
    refresh.bind(9, fact_code(a.knowledge_adequate)).bind(10, fact_code(a.informed_choice));
    refresh.bind(11, a.sure_score ? std::optional<std::int64_t>(*a.sure_score) : std::nullopt);
    refresh.bind(12, new_events);
    refresh.run();
    if (sqlite3_changes(m_db.handle()) != 1) throw StoreError(SQLITE_NOTFOUND, SQLITE_NOTFOUND, "no session " + session_id);
}

int SessionStore::next_seq(const std::string& session_id) {
    Statement& seq = cached(m_next_seq, "SELECT coalesce(max(seq), 0) + 1 FROM event WHERE session_id = ?1");
    seq.bind(1, session_id);
    seq.step();
    const int next = static_cast<int>(seq.integer(0));
    seq.reset();
    return next;
}

EventRow SessionStore::append_in_transaction(EventRow event, const SessionUpdate& update) {
    event.seq = next_seq(event.session_id);
    ChainHead head = chain_head();
    insert_event(event, head);
    update_facts(event.session_id, event.at, update, 1);
    return event;
}

EventRow SessionStore::append(EventRow event, const SessionUpdate& update) {
    Transaction transaction(m_db.handle());
    event = append_in_transaction(std::move(event), update);
    transaction.commit();
    write_receipt(event);
    return event;
}

void SessionStore::count_new_event(const std::string& session_id) {
    Statement& count = cached(m_count_event, "UPDATE session SET event_count = event_count + 1 WHERE id = ?1");
    count.bind(1, session_id);
    count.run();
}

void SessionStore::write_receipt(const EventRow& head) {
    // head: the newest event just committed; it pins every event before it in the chain.
    // Receipts are written after the commit, so they are never ahead of the database; they are
    // not synced, so a power cut may lose the newest, which verify treats as "not yet anchored".
    if (m_receipts.empty()) return;
    const int fd = ::open(m_receipts.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
    if (fd < 0) {
        m_receipts_problem = m_receipts + ": cannot write the receipts: " + io_failure_text(errno);
        return;
    }
    const std::string line = std::to_string(head.n) + ' ' + hex_text(head.mac) + '\n';
    const ssize_t written = ::write(fd, line.data(), line.size());
    if (written != static_cast<ssize_t>(line.size())) {
        m_receipts_problem = m_receipts + ": cannot write the receipts: " + io_failure_text(written < 0 ? errno : ENOSPC);
    } else {
        m_receipts_problem.clear();
    }
    ::close(fd);
}

void SessionStore::save_step(const std::string& session_id, const std::string& step) {
    Statement update = m_db.prepare("UPDATE session SET step = ?2 WHERE id = ?1");
    update.bind(1, session_id).bind(2, step);
    update.run();
}

void SessionStore::credit_if_unattributed(const std::string& session_id, const SessionMeta& meta, const std::string& at,
                                          const std::string& setting) {
    const auto blank = [](const std::optional<std::string>& v) { return !v || v->empty(); };
    Transaction transaction(m_db.handle());
    const auto row = find(session_id);
    if (!row) throw StoreError(SQLITE_NOTFOUND, SQLITE_NOTFOUND, "no session " + session_id);
    const auto clinician = blank(row->meta.clinician) && !blank(meta.clinician) ? meta.clinician : row->meta.clinician;
    const auto site = blank(row->meta.site) && !blank(meta.site) ? meta.site : row->meta.site;
    if (clinician == row->meta.clinician && site == row->meta.site) return;
    EventRow event;
    event.session_id = session_id;
    event.at = at;
    event.setting = setting;
    event.step = row->step;
    event.item = credit_item;
    event.old_value = {{"clinician", or_null(row->meta.clinician)}, {"site", or_null(row->meta.site)}};
    event.new_value = {{"clinician", or_null(clinician)}, {"site", or_null(site)}};
    event.seq = next_seq(session_id);
    ChainHead head = chain_head();
    insert_event(event, head);
    Statement update = m_db.prepare("UPDATE session SET clinician = ?2, site = ?3 WHERE id = ?1");
    update.bind(1, session_id).bind(2, clinician).bind(3, site);
    update.run();
    count_new_event(session_id);
    transaction.commit();
    write_receipt(event);
}

std::string SessionStore::prepare_for_recording(const std::string& at, Progress* progress) {
    const std::string lost = answers_lost_since_receipts();
    seal_sessions_from_before_chained_facts(at);
    assess_sessions_from_older_value_rule(m_db, progress);
    return lost;
}

std::string SessionStore::answers_lost_since_receipts() {
    if (m_receipts.empty()) return "";
    const std::int64_t receipt_n = newest_receipt(m_receipts).n;
    const std::int64_t record_n = chain_head().n;
    if (receipt_n <= record_n) return "";
    return m_db.path() + ": bran had recorded " + std::to_string(receipt_n) + " events here, but the database ends at #" +
           std::to_string(record_n) + ": the newest " + std::to_string(receipt_n - record_n) +
           " were lost (a deleted or damaged " + m_db.path() +
           "-wal file, or an older copy put back). Restore the database from a backup, or ask for help; "
           "bran audit verify reports the same";
}

void SessionStore::seal_sessions_from_before_chained_facts(const std::string& at) {
    Transaction transaction(m_db.handle());
    Statement pending = m_db.prepare("SELECT 1 FROM setting WHERE key = 'sessions_to_seal'");
    if (!pending.step()) return;
    Statement unsealed = m_db.prepare(std::string("SELECT ") + session_columns +
                                      " FROM session s JOIN aid_version a ON a.id = s.aid_version_id "
                                      "WHERE NOT EXISTS (SELECT 1 FROM event e WHERE e.session_id = s.id AND e.item = 'session') "
                                      "ORDER BY s.started_at, s.id");
    std::vector<SessionRow> rows;
    while (unsealed.step()) rows.push_back(read_session(unsealed));
    ChainHead head = chain_head();
    EventRow last;
    for (const SessionRow& row : rows) {
        EventRow event = facts_event(row, at, "import");
        event.seq = row.event_count + 1;
        // Said in the record: these facts were chained when found, not when the session began.
        event.new_value["sealed_late"] = true;
        insert_event(event, head);
        count_new_event(row.id);
        last = event;
    }
    m_db.exec("DELETE FROM setting WHERE key = 'sessions_to_seal'");
    transaction.commit();
    if (!rows.empty()) write_receipt(last);
}

void SessionStore::import_sessions(std::vector<ImportedSession> sessions) {
    Import import(*this);
    for (ImportedSession& session : sessions) import.add(std::move(session));
    import.commit();
}

SessionStore::Import::Import(SessionStore& store)
    : m_store(store), m_transaction(store.m_db.handle()), m_head(store.chain_head()), m_now(now_iso()) {}

void SessionStore::Import::add(ImportedSession session) {
    const Aid& aid = *session.aid;
    const std::string aid_key = aid.id + '\n' + aid.version + '\n' + aid.content_hash;
    auto known = m_aid_version_ids.find(aid_key);
    if (known == m_aid_version_ids.end()) known = m_aid_version_ids.emplace(aid_key, m_store.store_aid(aid)).first;
    SessionRow& row = session.row;
    row.aid_id = aid.id;
    row.aid_version = aid.version;
    row.content_hash = aid.content_hash;
    m_store.insert_session(row, known->second);
    EventRow facts = m_store.facts_event(row, m_now, "import");
    m_store.insert_event(facts, m_head);
    m_last = std::move(facts);
    int seq = 1;
    for (EventRow& event : session.events) {
        event.session_id = row.id;
        event.seq = ++seq;
        m_store.insert_event(event, m_head);
        m_last = std::move(event);
    }
    m_store.update_facts(row.id, row.updated_at, session.final_state, seq);
}

void SessionStore::Import::commit() {
    m_transaction.commit();
    if (m_last) m_store.write_receipt(*m_last);
}

std::vector<std::string> SessionStore::stored_aid_contents() const {
    Statement s = m_db.prepare("SELECT content FROM aid_version ORDER BY id");
    std::vector<std::string> contents;
    while (s.step()) contents.push_back(s.text(0));
    return contents;
}

std::optional<SessionRow> SessionStore::find(const std::string& session_id) const {
    Statement s = m_db.prepare(std::string("SELECT ") + session_columns +
                               " FROM session s JOIN aid_version a ON a.id = s.aid_version_id WHERE s.id = ?1");
    s.bind(1, session_id);
    if (!s.step()) return std::nullopt;
    return read_session(s);
}

std::vector<SessionRow> SessionStore::sessions() const {
    std::vector<SessionRow> rows;
    for_each_session([&rows](const SessionRow& row) { rows.push_back(row); });
    return rows;
}

void SessionStore::for_each_session(const std::function<void(const SessionRow&)>& use) const {
    Statement s = m_db.prepare(std::string("SELECT ") + session_columns +
                               " FROM session s JOIN aid_version a ON a.id = s.aid_version_id ORDER BY s.started_at, s.id");
    while (s.step()) use(read_session(s));
}

std::uint64_t SessionStore::session_count() const {
    Statement s = m_db.prepare("SELECT count(*) FROM session");
    s.step();
    return static_cast<std::uint64_t>(s.integer(0));
}

std::vector<EventRow> SessionStore::events(const std::string& session_id) const {
    Statement s = m_db.prepare(std::string("SELECT ") + event_columns + " FROM event WHERE session_id = ?1 ORDER BY seq");
    s.bind(1, session_id);
    std::vector<EventRow> rows;
    while (s.step()) rows.push_back(read_event(s));
    return rows;
}

nlohmann::json parse_event_value(const std::optional<std::string>& text) {
    if (!text) return nullptr;
    return nlohmann::json::parse(*text, nullptr, false);
}

EventRow read_event(const Statement& s) { return read_event_columns(s); }

std::string SessionStore::aid_content(const std::string& session_id) const {
    Statement s = m_db.prepare(
        "SELECT a.content FROM session s JOIN aid_version a ON a.id = s.aid_version_id WHERE s.id = ?1");
    s.bind(1, session_id);
    if (!s.step()) throw StoreError(SQLITE_NOTFOUND, SQLITE_NOTFOUND, "no session " + session_id);
    return s.text(0);
}

}  // namespace bran
