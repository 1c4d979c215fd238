#include "engine/interop/import_records.hpp"

#include "engine/decision/assessment.hpp"
#include "engine/interop/session_record.hpp"
#include "engine/store/event_replay.hpp"
#include "engine/store/store_error.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <memory>
#include <optional>

namespace bran {

Library aids_for_records(const std::string& content_dir, const SessionStore& store) {
    Library library = Library::load({content_dir}, RuleContext{});
    for (const std::string& content : store.stored_aid_contents()) {
        library.add(load_aid_text(content, "(stored aid)", RuleContext{}));
    }
    return library;
}

namespace {

// The session ids a file has shown so far, kept in a private temporary SQLite database (on disk
// once its cache is full) rather than in memory: as a set, a million sessions' ids took about
// 110 MB, the one part of an import that grew with the file.
class SeenIds {
public:
    SeenIds() {
        sqlite3* raw = nullptr;
        const int rc = sqlite3_open_v2("", &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
        m_db.reset(raw);
        if (rc != SQLITE_OK) throw_store_error(raw, rc, "a temporary database for the file's session ids");
        exec("PRAGMA journal_mode=OFF");
        exec("CREATE TABLE seen (id TEXT PRIMARY KEY) WITHOUT ROWID");
        exec("BEGIN");
        m_insert.emplace(m_db.get(), "INSERT OR IGNORE INTO seen (id) VALUES (?1)");
    }
    // False when the id was seen before.
    bool insert(const std::string& id) {
        m_insert->reset();
        m_insert->bind(1, id);
        m_insert->run();
        return sqlite3_changes(m_db.get()) == 1;
    }

private:
    void exec(const char* sql) {
        const int rc = sqlite3_exec(m_db.get(), sql, nullptr, nullptr, nullptr);
        if (rc != SQLITE_OK) throw_store_error(m_db.get(), rc, sql);
    }
    struct Closer {
        void operator()(sqlite3* db) const { sqlite3_close(db); }
    };
    std::unique_ptr<sqlite3, Closer> m_db;
    std::optional<Statement> m_insert;  // declared after m_db: finalized before it is closed
};

std::string shown(const std::optional<std::string>& value) { return value ? "\"" + *value + "\"" : "none"; }

// Who and where a session is credited to, and when it began, are audit facts: a record that
// says otherwise is a different account of the session, not the same one again. A fact the
// record leaves out says nothing against what is recorded (a record with no time of its own is
// given its import's, which says nothing either).
std::vector<std::string> different_facts(const SessionRow& here, const SessionRow& incoming, bool time_given) {
    std::vector<std::string> differences;
    auto compare = [&](const char* what, const std::optional<std::string>& recorded, const std::optional<std::string>& given) {
        if (given && recorded != given) {
            differences.push_back(std::string(what) + ": " + shown(recorded) + " here, " + shown(given) + " in this file");
        }
    };
    compare("clinician", here.meta.clinician, incoming.meta.clinician);
    compare("site", here.meta.site, incoming.meta.site);
    if (time_given) compare("start", here.started_at, incoming.started_at);
    return differences;
}

bool same_answers(const SessionStore& store, const SessionRow& here, const RecordedSession& incoming) {
    Answers answers;
    std::string status = "in-progress";
    replay_events(store.events(here.id), answers, status);
    return answers == incoming.answers && status == incoming.row.status && here.aid_id == incoming.aid->id &&
           here.aid_version == incoming.aid->version;
}

// Whether a session already recorded is this one again; if not, why, as located problems.
bool already_recorded_as_is(const SessionStore& store, const SessionRow& here, const RecordedSession& incoming,
                            const LocatedJson& json, Diagnostics& problems) {
    const std::string nothing_changed = "; nothing recorded was changed";
    const std::vector<std::string> differences = different_facts(here, incoming.row, incoming.time_given);
    for (const std::string& difference : differences) {
        problems.add(json.error(incoming.pointer, "session " + here.id + " is already recorded with a different " +
                                                      difference + nothing_changed));
    }
    if (!differences.empty()) return false;
    if (same_answers(store, here, incoming)) return true;
    problems.add(json.error(incoming.pointer, "session " + here.id + " is already recorded here with different answers" +
                                                  nothing_changed));
    return false;
}

SessionStore::ImportedSession to_import(RecordedSession& s) {
    // Answers in the order they were given, the status last.
    std::stable_sort(s.events.begin(), s.events.end(), [](const EventRow& a, const EventRow& b) {
        if ((a.item == "status") != (b.item == "status")) return b.item == "status";
        return a.at < b.at;
    });
    SessionUpdate final_state{s.row.status, s.row.step, assess(*s.aid, s.answers)};
    return {s.aid, s.row, std::move(s.events), final_state};
}

}  // namespace

ImportReport import_record_file(const std::string& path, SessionStore& store, const Library& aids, Diagnostics& out,
                                Progress* progress) {
    ImportReport report;
    Diagnostics problems;
    // First every problem of the file, read without holding the database, so that a file that
    // cannot go in never keeps the clinic from recording while it is read.
    std::uint64_t sessions = 0;
    const std::string checking = "checking " + path, importing = "importing " + path;
    {
        SeenIds ids;
        stream_session_records(path, aids, problems, [&](RecordedSession& s, const LocatedJson& json) {
            if (!s.row.id.empty() && !ids.insert(s.row.id)) {
                problems.add(json.error(s.pointer + "/id", "session " + s.row.id + " appears twice in this file"));
            }
            ++sessions;
            if (progress) progress->update(checking, sessions, 0);
        });
    }
    // Then the sessions not recorded yet, stored one at a time in one transaction. The file is
    // read again rather than kept, so that a file of any size needs the memory of one session.
    if (!problems.has_errors() && sessions > 0) {
        try {
            SessionStore::Import import(store);
            std::uint64_t stored = 0;
            // What the first reading said is said once; this one can only differ if the file
            // was changed in between.
            Diagnostics second_reading;
            stream_session_records(path, aids, second_reading, [&](RecordedSession& s, const LocatedJson& json) {
                ++stored;
                if (progress) progress->update(importing, stored, sessions);
                if (problems.has_errors() || second_reading.has_errors()) return;
                if (auto existing = store.find(s.row.id)) {
                    if (already_recorded_as_is(store, *existing, s, json, problems)) ++report.unchanged;
                } else {
                    import.add(to_import(s));
                    ++report.imported;
                }
            });
            if (second_reading.has_errors()) problems.append(second_reading);
            if (!problems.has_errors()) import.commit();
        } catch (const StoreError& e) {
            problems.add({path, 0, 0, "", Severity::error, std::string("could not be stored: ") + e.what() + "; nothing was imported"});
        }
    }
    if (problems.has_errors()) report = {};
    problems.sort();
    out.append(problems);
    return report;
}

}  // namespace bran
