// The secret that anchors the answer events' hash chain outside the database: a 32-byte key in a
// file beside it (owner-only), so whoever edits the database cannot recompute the chain.
#pragma once
#include "engine/store/database.hpp"

#include <sodium.h>

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bran {

class ChainKey {
public:
    // Reads `<database>.key`, creating it (mode 0600) on first use. For an in-memory database,
    // a random key that lives as long as the process. Prefer for_recording where the database
    // is open: it also refuses to make a new key for answers recorded under a lost one.
    static ChainKey for_database(const std::string& database_path);
    // The key for recording into `db`. A missing key is made again only while the database holds
    // no answer: a new key would make every earlier answer look tampered with (IoError then).
    static ChainKey for_recording(const Database& db);
    // The key for checking: never creates one; nullopt when there is none.
    static std::optional<ChainKey> existing(const std::string& database_path);
    static ChainKey random();

    // HMAC-SHA-256 of the previous link and this event's canonical bytes.
    std::vector<unsigned char> link(const std::vector<unsigned char>& previous, std::string_view canonical_event) const;

    // A site signs the chain heads it sends to a central database (Ed25519, from this key), so
    // that the central copy can be checked by anyone holding the public half and forged by no one.
    std::vector<unsigned char> signing_public_key() const;
    std::vector<unsigned char> sign(const std::string& message) const;

private:
    // The keyed hash's state after the key (two of a link's nine SHA-256 blocks), copied for each link.
    void prepare_link_state();
    std::array<unsigned char, 32> m_key{};
    crypto_auth_hmacsha256_state m_keyed{};
};

bool signature_is_valid(const std::vector<unsigned char>& public_key, const std::string& message,
                        const std::vector<unsigned char>& signature);

// Whether any answer event is linked into the chain yet (then its key can never be replaced).
bool has_answer_events(const Database& db);

// `<database>.key` beside the database's real file: a database reached through a symbolic link
// has one key, not one beside each link.
std::string key_path(const std::string& database_path);
// Where the append-only receipts of chain heads are kept: `<database>.receipts`, likewise.
std::string receipts_path(const std::string& database_path);

// The newest chain head in a receipts file: the largest record number among its last lines
// (read from the end, so a long history costs nothing), with that event's link in hex.
struct Receipt {
    bool readable = false;  // false when the file is missing or cannot be read
    std::int64_t n = 0;     // 0 when there is none
    std::string mac_hex;
};
Receipt newest_receipt(const std::string& receipts);

}  // namespace bran
