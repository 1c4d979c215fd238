#include "engine/interop/import_records.hpp"

#include "engine/audit/assessment.hpp"
#include "engine/interop/session_record.hpp"
#include "engine/session/walkthrough.hpp"
#include "engine/store/store_error.hpp"

#include <algorithm>
#include <optional>
#include <set>

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
    Walkthrough::replay(store.events(here.id), answers, status);
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

void refuse_repeated_ids(const std::vector<RecordedSession>& sessions, const LocatedJson& json, Diagnostics& problems) {
    std::set<std::string> ids;
    for (const RecordedSession& s : sessions) {
        if (!ids.insert(s.row.id).second) {
            problems.add(json.error(s.pointer + "/id", "session " + s.row.id + " appears twice in this file"));
        }
    }
}

// The sessions of the file that are not recorded yet; called inside the import's transaction.
std::vector<SessionStore::ImportedSession> sessions_to_store(std::vector<RecordedSession>& sessions,
                                                             const SessionStore& store, const LocatedJson& json,
                                                             Diagnostics& problems, ImportReport& report) {
    std::vector<SessionStore::ImportedSession> fresh;
    for (RecordedSession& s : sessions) {
        if (auto existing = store.find(s.row.id)) {
            if (already_recorded_as_is(store, *existing, s, json, problems)) ++report.unchanged;
        } else {
            fresh.push_back(to_import(s));
        }
    }
    if (problems.has_errors()) fresh.clear();
    return fresh;
}

}  // namespace

ImportReport import_record_file(const std::string& path, SessionStore& store, const Library& aids, Diagnostics& out) {
    ImportReport report;
    Diagnostics problems;
    // An export of a whole clinic's sessions is far larger than an aid (4 MiB, about 550
    // sessions); a record file may be as large as an export of about 70,000 sessions.
    auto json = LocatedJson::load(path, problems, JsonLimits{record_file_max_bytes, JsonLimits{}.max_depth});
    std::vector<RecordedSession> sessions;
    if (json) sessions = read_session_records(*json, aids, problems);
    if (json && !problems.has_errors()) refuse_repeated_ids(sessions, *json, problems);
    if (!problems.has_errors() && !sessions.empty()) {
        try {
            int count = 0;
            store.import_chosen([&] {
                auto fresh = sessions_to_store(sessions, store, *json, problems, report);
                count = static_cast<int>(fresh.size());
                return fresh;
            });
            report.imported = count;
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
