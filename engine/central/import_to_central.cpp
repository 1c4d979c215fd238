#include "engine/central/import_to_central.hpp"

#include "engine/central/push.hpp"
#include "engine/interop/session_record.hpp"

#include <algorithm>
#include <vector>

namespace bran {

void refuse_sessions_held_elsewhere(PgConnection& central, const std::string& site, const std::string& file, const Library& aids,
                                    Diagnostics& problems) {
    constexpr std::size_t batch = 500;
    std::vector<std::string> ids;
    std::vector<Diagnostic> places;  // where each id is in the file, for its message
    const auto ask = [&] {
        for (const auto& [id, source] : sessions_held_elsewhere(central, ids, site)) {
            const auto it = std::find(ids.begin(), ids.end(), id);
            if (it == ids.end()) continue;
            Diagnostic d = places[static_cast<std::size_t>(it - ids.begin())];
            d.message = "session " + id + " is already in the central database from site \"" + source +
                        "\": it is that site's record, so nothing of this file was imported";
            problems.add(d);
        }
        ids.clear();
        places.clear();
    };
    Diagnostics left_to_the_import;
    stream_session_records(file, aids, left_to_the_import, [&](RecordedSession& session, const LocatedJson& json) {
        if (session.row.id.empty()) return;
        ids.push_back(session.row.id);
        places.push_back(json.error(session.pointer, ""));
        if (ids.size() == batch) ask();
    });
    if (!ids.empty()) ask();
}

}  // namespace bran
