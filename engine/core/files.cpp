#include "engine/core/files.hpp"

#include "engine/core/errors.hpp"

#include <sodium.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <fstream>
#include <unistd.h>

namespace bran {

std::string io_failure_text(int error_number) {
    if (error_number == ENOSPC || error_number == EDQUOT) return "the disk is full (" + std::string(std::strerror(error_number)) + ")";
    return std::strerror(error_number);
}

FileChunks::FileChunks(const std::filesystem::path& path) : m_path(path), m_buffer(65536, '\0') {
    // O_NONBLOCK: opening a pipe for reading would otherwise wait for a writer, for ever.
    m_fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (m_fd < 0) throw IoError(path.string() + ": cannot open: " + io_failure_text(errno));
    struct stat info {};
    if (::fstat(m_fd, &info) != 0 || !S_ISREG(info.st_mode)) {
        const bool folder = S_ISDIR(info.st_mode);
        ::close(m_fd);
        throw IoError(path.string() + (folder ? ": is a folder, not a file" : ": is not a regular file (a pipe, device or socket)"));
    }
}

FileChunks::~FileChunks() { ::close(m_fd); }

std::string_view FileChunks::next() {
    for (;;) {
        const ssize_t n = ::read(m_fd, m_buffer.data(), m_buffer.size());
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) throw IoError(m_path.string() + ": cannot read: " + io_failure_text(errno));
        return {m_buffer.data(), static_cast<std::size_t>(n)};
    }
}

std::optional<std::string> read_file_limited(const std::filesystem::path& path, std::size_t max_bytes) {
    FileChunks file(path);
    std::string bytes;
    for (std::string_view piece = file.next(); !piece.empty(); piece = file.next()) {
        bytes += piece;
        if (bytes.size() > max_bytes) return std::nullopt;
    }
    return bytes;
}

namespace {
void fsync_path(const std::filesystem::path& path, int flags) {
    const int fd = ::open(path.c_str(), flags);
    if (fd < 0) return;
    ::fsync(fd);
    ::close(fd);
}

// Writes and fsyncs `tmp`, the temporary file beside `path` that then takes its name.
void write_temporary_file(const std::filesystem::path& tmp, const std::filesystem::path& path, const std::string& bytes) {
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) throw IoError(tmp.string() + ": cannot create: " + io_failure_text(errno));
    std::size_t written = 0;
    while (written < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
        if (n < 0) {
            if (errno == EINTR) continue;
            const std::string why = io_failure_text(errno);
            ::close(fd);
            ::unlink(tmp.c_str());
            throw IoError(path.string() + ": cannot write: " + why);
        }
        written += static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0) {
        const std::string why = io_failure_text(errno);
        ::unlink(tmp.c_str());
        throw IoError(path.string() + ": cannot write: " + why);
    }
}

void fsync_folder_of(const std::filesystem::path& path) {
    const auto folder = path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
    fsync_path(folder, O_RDONLY | O_DIRECTORY);
}
}  // namespace

void write_file_atomically(const std::filesystem::path& path, const std::string& bytes) {
    const std::filesystem::path tmp = path.string() + ".tmp";
    write_temporary_file(tmp, path, bytes);
    if (std::rename(tmp.c_str(), path.c_str()) != 0) {
        const std::string why = io_failure_text(errno);
        ::unlink(tmp.c_str());
        throw IoError(path.string() + ": cannot replace: " + why);
    }
    fsync_folder_of(path);
}

bool write_new_file(const std::filesystem::path& path, const std::string& bytes) {
    const std::filesystem::path tmp = path.string() + ".tmp";
    write_temporary_file(tmp, path, bytes);
    // RENAME_NOREPLACE where the file system has it (ext4, vfat USB sticks); else a hard link,
    // which fails in the same way when the name is taken.
    int result = ::renameat2(AT_FDCWD, tmp.c_str(), AT_FDCWD, path.c_str(), RENAME_NOREPLACE);
    if (result != 0 && errno == EINVAL) {
        result = ::link(tmp.c_str(), path.c_str());
        if (result == 0) ::unlink(tmp.c_str());
    }
    if (result != 0) {
        const int error = errno;
        ::unlink(tmp.c_str());
        if (error == EEXIST) return false;
        throw IoError(path.string() + ": cannot save: " + io_failure_text(error));
    }
    fsync_folder_of(path);
    return true;
}

std::string sha256_hex(const std::string& bytes) {
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
    return hex_text(std::vector<unsigned char>(digest, digest + sizeof digest));
}

std::string hex_text(const std::vector<unsigned char>& bytes) {
    std::string hex(bytes.size() * 2 + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), bytes.data(), bytes.size());
    hex.pop_back();
    return hex;
}

}  // namespace bran
