#include "engine/interop/import_records.hpp"

#include "engine/decision/assessment.hpp"
#include "engine/interop/session_record.hpp"
#include "engine/store/event_replay.hpp"
#include "engine/store/store_error.hpp"

#include <algorithm>
#include <optional>
#include <unordered_set>

namespace bran {

Library aids_for_records(const std::string& content_dir, const SessionStore& store) {
    Library library = Library::load({content_dir}, RuleContext{});
    for (const std::string& content : store.stored_aid_contents()) {
        library.add(load_aid_text(content, "(stored aid)", RuleContext{}));
    }
    return library;
}

namespace {

std::string shown(const std::optional<std::string>& value) { return value ? "\"" + *value + "\"" : "none"; }

// Who and where a session is credited to, and when it began, are audit facts: a record that
// says otherwise is a different account of the session, not the same one again. A fact the
// record leaves out says nothing against what is recorded.
std::vector<std::string> different_facts(const SessionRow& here, const SessionRow& incoming) {
    std::vector<std::string> differences;
    auto compare = [&](const char* what, const std::optional<std::string>& recorded, const std::optional<std::string>& given) {
        if (given && recorded != given) {
            differences.push_back(std::string(what) + ": " + shown(recorded) + " here, " + shown(given) + " in this file");
        }
    };
    compare("clinician", here.meta.clinician, incoming.meta.clinician);
    compare("site", here.meta.site, incoming.meta.site);
    compare("start", here.started_at, incoming.started_at);
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
    const std::vector<std::string> differences = different_facts(here, incoming.row);
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
        std::unordered_set<std::string> ids;
        stream_session_records(path, aids, problems, [&](RecordedSession& s, const LocatedJson& json) {
            if (!s.row.id.empty() && !ids.insert(s.row.id).second) {
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
