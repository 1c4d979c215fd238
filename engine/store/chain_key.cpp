#include "engine/store/chain_key.hpp"

#include "engine/core/errors.hpp"
#include "engine/core/files.hpp"

#include <sodium.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace bran {

namespace {
void require_sodium() {
    if (sodium_init() < 0) throw LibraryError("libsodium could not start");
}
}  // namespace

ChainKey ChainKey::random() {
    require_sodium();
    ChainKey key;
    randombytes_buf(key.m_key.data(), key.m_key.size());
    key.prepare_link_state();
    return key;
}

namespace {
// Reads the key at `path` into `key`; false when there is no such file.
bool read_key(const std::string& path, std::array<unsigned char, 32>& key) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        if (errno == ENOENT) return false;
        throw IoError(path + ": cannot read the chain key: " + io_failure_text(errno));
    }
    struct stat info {};
    const bool stat_ok = ::fstat(fd, &info) == 0;
    const ssize_t n = stat_ok && S_ISREG(info.st_mode) ? ::read(fd, key.data(), key.size()) : -1;
    ::close(fd);
    if (!stat_ok || !S_ISREG(info.st_mode)) throw IoError(path + ": the chain key is not a regular file");
    if (n != static_cast<ssize_t>(key.size()) || static_cast<std::size_t>(info.st_size) != key.size()) {
        throw IoError(path + ": the chain key is damaged (it must be 32 bytes; it is " + std::to_string(info.st_size) +
                      "). Restore it from the backup");
    }
    // The key is what makes tampering detectable: one that others can read proves nothing.
    if ((info.st_mode & (S_IRWXG | S_IRWXO)) != 0) {
        char mode[8];
        std::snprintf(mode, sizeof mode, "%04o", static_cast<unsigned>(info.st_mode & 07777));
        throw IoError(path + ": the chain key can be read by other users (mode " + mode +
                      "); make it private first: chmod 600 " + path);
    }
    return true;
}

// Writes a new key under a temporary name and links it into place, so that the key file is
// either absent or whole (a kill between creating and writing it left an empty key, which
// locked the database out for good). False when another process made one first.
bool create_key(const std::string& path, const std::array<unsigned char, 32>& key) {
    std::string temporary = path + ".new-XXXXXX";
    const int fd = ::mkstemp(temporary.data());
    if (fd < 0) throw IoError(path + ": cannot create the chain key: " + io_failure_text(errno));
    ::fchmod(fd, S_IRUSR | S_IWUSR);
    const ssize_t n = ::write(fd, key.data(), key.size());
    // A short write of 32 bytes only happens when the disk ran out of room.
    int why = n < 0 ? errno : ENOSPC;
    bool written = n == static_cast<ssize_t>(key.size());
    if (written && ::fsync(fd) != 0) why = errno, written = false;
    ::close(fd);
    if (written && ::link(temporary.c_str(), path.c_str()) != 0) why = errno, written = false;
    ::unlink(temporary.c_str());
    if (!written && why == EEXIST) return false;
    if (!written) throw IoError(path + ": cannot write the chain key: " + io_failure_text(why));
    const auto folder = std::filesystem::path(path).parent_path();
    const int folder_fd = ::open(folder.empty() ? "." : folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (folder_fd >= 0) ::fsync(folder_fd), ::close(folder_fd);
    return true;
}

ChainKey load_or_create(const std::string& database_path, bool may_create, const std::string& why_not) {
    require_sodium();
    const std::string path = key_path(database_path);
    // An empty key is what a kill between creating and writing it left (older bran): no answer
    // was ever linked with it, so while the database holds none it is made anew.
    std::error_code ec;
    if (may_create && std::filesystem::is_regular_file(path, ec) && std::filesystem::file_size(path, ec) == 0) {
        std::filesystem::remove(path, ec);
    }
    for (;;) {
        if (auto found = ChainKey::existing(database_path)) return *found;
        if (!may_create) throw IoError(path + ": " + why_not);
        std::array<unsigned char, 32> bytes{};
        randombytes_buf(bytes.data(), bytes.size());
        if (create_key(path, bytes)) {
            sodium_memzero(bytes.data(), bytes.size());
            if (auto made = ChainKey::existing(database_path)) return *made;
        }
    }
}
}  // namespace

bool has_answer_events(const Database& db) {
    Statement any = db.prepare("SELECT EXISTS (SELECT 1 FROM event)");
    return any.step() && any.integer(0) != 0;
}

std::string key_path(const std::string& database_path) { return real_database_path(database_path) + ".key"; }

std::string receipts_path(const std::string& database_path) { return real_database_path(database_path) + ".receipts"; }

Receipt newest_receipt(const std::string& receipts) {
    Receipt newest;
    std::ifstream in(receipts, std::ios::binary);
    if (!in.is_open()) return newest;
    newest.readable = true;
    // Appends from two processes at once may land a little out of order: the tail holds
    // thousands of lines, far more than could ever be in flight together.
    constexpr std::streamoff tail = 64 * 1024;
    in.seekg(0, std::ios::end);
    const std::streamoff size = in.tellg();
    const std::streamoff from = size > tail ? size - tail : 0;
    in.seekg(from);
    std::string line;
    if (from > 0) std::getline(in, line);  // most likely cut in the middle
    while (std::getline(in, line)) {
        const auto space = line.find(' ');
        if (space == std::string::npos || space == 0 || space > 18) continue;
        std::int64_t n = 0;
        bool digits = true;
        for (std::size_t i = 0; i < space; ++i) {
            if (line[i] < '0' || line[i] > '9') digits = false;
            else n = n * 10 + (line[i] - '0');
        }
        if (digits && n >= newest.n) newest.n = n, newest.mac_hex = line.substr(space + 1);
    }
    return newest;
}

std::optional<ChainKey> ChainKey::existing(const std::string& database_path) {
    require_sodium();
    ChainKey key;
    if (!read_key(key_path(database_path), key.m_key)) return std::nullopt;
    key.prepare_link_state();
    return key;
}

ChainKey ChainKey::for_database(const std::string& database_path) {
    if (database_path.empty() || database_path == ":memory:") return random();
    return load_or_create(database_path, true, "");
}

ChainKey ChainKey::for_recording(const Database& db) {
    if (db.path().empty() || db.path() == ":memory:") return random();
    return load_or_create(db.path(), !has_answer_events(db),
                          "the chain key is missing, and " + db.path() +
                              " already holds recorded answers. Restore the key from the backup; bran will not make "
                              "a new one, which would make every earlier answer look tampered with");
}

void ChainKey::prepare_link_state() { crypto_auth_hmacsha256_init(&m_keyed, m_key.data(), m_key.size()); }

std::vector<unsigned char> ChainKey::link(const std::vector<unsigned char>& previous, std::string_view canonical_event) const {
    crypto_auth_hmacsha256_state state = m_keyed;
    crypto_auth_hmacsha256_update(&state, previous.data(), previous.size());
    crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(canonical_event.data()),
                                  canonical_event.size());
    std::vector<unsigned char> mac(crypto_auth_hmacsha256_BYTES);
    crypto_auth_hmacsha256_final(&state, mac.data());
    return mac;
}

namespace {
// The signing key pair, derived from the chain key (so a site keeps one secret, not two) under
// its own context: a signature cannot be turned into a chain link or the other way round.
void signing_pair(const std::array<unsigned char, 32>& key, unsigned char public_key[crypto_sign_PUBLICKEYBYTES],
                  unsigned char secret_key[crypto_sign_SECRETKEYBYTES]) {
    unsigned char seed[crypto_sign_SEEDBYTES];
    static const char context[] = "bran site signing key, version 1";
    crypto_generichash(seed, sizeof seed, reinterpret_cast<const unsigned char*>(context), sizeof context - 1, key.data(), key.size());
    crypto_sign_seed_keypair(public_key, secret_key, seed);
    sodium_memzero(seed, sizeof seed);
}
}  // namespace

std::vector<unsigned char> ChainKey::signing_public_key() const {
    std::vector<unsigned char> public_key(crypto_sign_PUBLICKEYBYTES);
    unsigned char secret_key[crypto_sign_SECRETKEYBYTES];
    signing_pair(m_key, public_key.data(), secret_key);
    sodium_memzero(secret_key, sizeof secret_key);
    return public_key;
}

std::vector<unsigned char> ChainKey::sign(const std::string& message) const {
    unsigned char public_key[crypto_sign_PUBLICKEYBYTES];
    unsigned char secret_key[crypto_sign_SECRETKEYBYTES];
    signing_pair(m_key, public_key, secret_key);
    std::vector<unsigned char> signature(crypto_sign_BYTES);
    crypto_sign_detached(signature.data(), nullptr, reinterpret_cast<const unsigned char*>(message.data()), message.size(), secret_key);
    sodium_memzero(secret_key, sizeof secret_key);
    return signature;
}

bool signature_is_valid(const std::vector<unsigned char>& public_key, const std::string& message,
                        const std::vector<unsigned char>& signature) {
    return public_key.size() == crypto_sign_PUBLICKEYBYTES && signature.size() == crypto_sign_BYTES &&
           crypto_sign_verify_detached(signature.data(), reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                                       public_key.data()) == 0;
}


}  // namespace bran
