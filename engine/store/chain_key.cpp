#include "engine/store/chain_key.hpp"

#include "engine/core/errors.hpp"
#include "engine/core/files.hpp"

#include <sodium.h>

#include <cerrno>
#include <cstring>
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
    return key;
}

ChainKey ChainKey::for_database(const std::string& database_path) {
    if (database_path.empty() || database_path == ":memory:") return random();
    require_sodium();
    const std::string path = database_path + ".key";
    ChainKey key;
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd >= 0) {
        const ssize_t n = ::read(fd, key.m_key.data(), key.m_key.size());
        ::close(fd);
        if (n != static_cast<ssize_t>(key.m_key.size())) throw IoError(path + ": the chain key is damaged (expected 32 bytes)");
        return key;
    }
    if (errno != ENOENT) throw IoError(path + ": cannot read the chain key: " + io_failure_text(errno));
    randombytes_buf(key.m_key.data(), key.m_key.size());
    // O_EXCL: two processes starting at once must not each write a different key.
    fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, S_IRUSR | S_IWUSR);
    if (fd < 0) {
        if (errno == EEXIST) return for_database(database_path);
        throw IoError(path + ": cannot create the chain key: " + io_failure_text(errno));
    }
    const ssize_t n = ::write(fd, key.m_key.data(), key.m_key.size());
    // A short write of 32 bytes only happens when the disk ran out of room.
    int why = n < 0 ? errno : ENOSPC;
    bool written = n == static_cast<ssize_t>(key.m_key.size());
    if (written && ::fsync(fd) != 0) {
        why = errno;
        written = false;
    }
    ::close(fd);
    if (!written) {
        ::unlink(path.c_str());
        throw IoError(path + ": cannot write the chain key: " + io_failure_text(why));
    }
    return key;
}

std::vector<unsigned char> ChainKey::link(const std::vector<unsigned char>& previous, const std::string& canonical_event) const {
    crypto_auth_hmacsha256_state state;
    crypto_auth_hmacsha256_init(&state, m_key.data(), m_key.size());
    crypto_auth_hmacsha256_update(&state, previous.data(), previous.size());
    crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(canonical_event.data()),
                                  canonical_event.size());
    std::vector<unsigned char> mac(crypto_auth_hmacsha256_BYTES);
    crypto_auth_hmacsha256_final(&state, mac.data());
    return mac;
}

std::string receipts_path(const std::string& database_path) { return database_path + ".receipts"; }

}  // namespace bran
