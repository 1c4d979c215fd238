// The secret that anchors the answer events' hash chain outside the database: a 32-byte key in a
// file beside it (owner-only), so whoever edits the database cannot recompute the chain.
#pragma once
#include <array>
#include <string>
#include <vector>

namespace bran {

class ChainKey {
public:
    // Reads `<database>.key`, creating it (mode 0600) on first use. For an in-memory database,
    // a random key that lives as long as the process.
    static ChainKey for_database(const std::string& database_path);
    static ChainKey random();

    // HMAC-SHA-256 of the previous link and this event's canonical bytes.
    std::vector<unsigned char> link(const std::vector<unsigned char>& previous, const std::string& canonical_event) const;

private:
    std::array<unsigned char, 32> m_key{};
};

// Where the append-only receipts of chain heads are kept: `<database>.receipts`.
std::string receipts_path(const std::string& database_path);

}  // namespace bran
