// `bran audit verify`: proves no recorded answer was changed, inserted or removed outside bran.
// The keyed chain (chain_key.hpp) catches changed and inserted events even when someone
// recomputes hashes inside the file; the receipts beside it catch the newest events being cut
// off; replaying each session's events catches edits to its audit figures.
#pragma once
#include "engine/content/library.hpp"
#include "engine/core/progress.hpp"
#include "engine/store/chain_key.hpp"
#include "engine/store/database.hpp"

#include <optional>
#include <string>

namespace bran {

struct TamperFinding {
    std::string session_id;
    int seq = 0;              // the event number within the session, 0 for the session itself
    std::int64_t n = 0;       // the event's place in the whole record
    std::string kind;  // changed, deleted, truncated, session-changed, session-deleted, session-inserted, session-unsealed
    std::string message;
    std::string to_line() const;
};

struct VerifyReport {
    long long events = 0;
    long long sessions = 0;
    long long anchored = 0;   // events covered by a receipt
    // The newest link: kept somewhere else (printed, or sent to a central database), it shows
    // later whether the database and its receipts were rolled back together.
    // No receipts file to read: answers cut off from the end of the record cannot be told apart
    // from answers never given.
    bool receipts_missing = false;
    std::int64_t head_n = 0;
    std::vector<unsigned char> head_mac;
    std::optional<TamperFinding> problem;  // the first one found
};

// "record #N <link in hex>", for the person who keeps the witness.
std::string chain_head_text(const VerifyReport& report);

// Checks every event's link and every session against its events, side by side on two threads
// over one read snapshot (the caller's transaction, if it has one). Progress counts sessions.
VerifyReport verify_record(const Database& db, const ChainKey& key, const std::string& receipts, Progress* progress = nullptr);

}  // namespace bran
