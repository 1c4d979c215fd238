// `bran push`: a site's sessions into the central database, each push a signed extension of the
// site's chain. Idempotent and resumable (and safe to run twice at once): it sends only the events after the newest head the
// central database holds from this site, in transactions that each end where every session
// they touch is whole, so a kill or a lost server leaves the central copy complete to a head.
#pragma once
#include "engine/central/pg_connection.hpp"
#include "engine/core/progress.hpp"
#include "engine/store/chain_key.hpp"
#include "engine/store/database.hpp"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace bran {

// A site database that must not be pushed (it fails verify, it was rolled back, it is not the
// database that pushed as this site before): nothing was sent.
class PushRefused : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct PushReport {
    std::int64_t events = 0;    // sent by this run
    std::int64_t sessions = 0;  // whose rows this run sent or brought up to date
    std::int64_t head_n = 0;    // the site's chain head the central database now holds
};

// The site's events at most `batch_events` at a time (more when a session is not yet whole).
PushReport push_site(Database& site, const std::string& site_path, PgConnection& central, const std::string& source,
                     Progress* progress = nullptr, std::int64_t batch_events = 20000);

// Which of `ids` the central database holds from a site other than `site`, with that site, in id
// order: records brought to it as `site` must not carry them.
std::vector<std::pair<std::string, std::string>> sessions_held_elsewhere(PgConnection& central, const std::vector<std::string>& ids,
                                                                         const std::string& site);

// The digest anyone can recompute over a site's events in order: each step SHA-256 of the one
// before, the event's canonical bytes and the site's link.
std::vector<unsigned char> next_digest(const std::vector<unsigned char>& previous, const std::string& canonical,
                                       const std::vector<unsigned char>& mac);
// What a site signs for a push: its code, the head's number and link, and the digest there.
std::string push_head_message(const std::string& source, std::int64_t head_n, const std::vector<unsigned char>& head_mac,
                              const std::vector<unsigned char>& digest);

}  // namespace bran
