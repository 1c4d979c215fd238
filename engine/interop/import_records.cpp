#include "engine/interop/import_records.hpp"

#include "engine/audit/assessment.hpp"
#include "engine/interop/session_record.hpp"
#include "engine/session/walkthrough.hpp"
#include "engine/store/store_error.hpp"

#include <algorithm>
#include <set>

namespace bran {

Library aids_for_records(const std::string& content_dir, const SessionStore& store) {
    Library library = Library::load({content_dir}, RuleContext{});
    for (const std::string& content : store.stored_aid_contents()) {
        library.add(load_aid_text(content, "(stored aid)", RuleContext{}));
    }
    return library;
}

ImportReport import_record_file(const std::string& path, SessionStore& store, const Library& aids, Diagnostics& out) {
    ImportReport report;
    Diagnostics problems;
    auto json = LocatedJson::load(path, problems);
    std::vector<RecordedSession> sessions;
    if (json) sessions = read_session_records(*json, aids, problems);

    std::vector<SessionStore::ImportedSession> fresh;
    std::set<std::string> ids;
    for (RecordedSession& s : sessions) {
        if (problems.has_errors()) break;
        if (!ids.insert(s.row.id).second) {
            problems.add(json->error(s.pointer + "/id", "session " + s.row.id + " appears twice in this file"));
            continue;
        }
        if (auto existing = store.find(s.row.id)) {
            Answers answers;
            std::string status = "in-progress";
            Walkthrough::replay(store.events(s.row.id), answers, status);
            const bool same = answers == s.answers && status == s.row.status && existing->aid_id == s.aid->id &&
                              existing->aid_version == s.aid->version;
            if (same) {
                ++report.unchanged;
            } else {
                problems.add(json->error(s.pointer, "session " + s.row.id +
                                                        " is already recorded here with different answers; "
                                                        "nothing recorded was changed"));
            }
            continue;
        }
        // Answers in the order they were given, the status last.
        std::stable_sort(s.events.begin(), s.events.end(), [](const EventRow& a, const EventRow& b) {
            if ((a.item == "status") != (b.item == "status")) return b.item == "status";
            return a.at < b.at;
        });
        SessionUpdate final_state{s.row.status, s.row.step, assess(*s.aid, s.answers)};
        fresh.push_back({s.aid, s.row, std::move(s.events), final_state});
    }
    if (!problems.has_errors() && !fresh.empty()) {
        try {
            const int count = static_cast<int>(fresh.size());
            store.import_sessions(std::move(fresh));
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
