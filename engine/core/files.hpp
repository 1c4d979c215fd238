// Small, careful file helpers shared by content loading, import and export.
#pragma once
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>
#include <string_view>

namespace bran {

// A regular file read from start to end in pieces, so that a file of any size needs the memory
// of one piece. Opening refuses a folder, pipe, device or socket without waiting on it. Throws
// IoError, naming the file, when it cannot open or read.
class FileChunks {
public:
    explicit FileChunks(const std::filesystem::path& path);
    ~FileChunks();
    FileChunks(const FileChunks&) = delete;
    FileChunks& operator=(const FileChunks&) = delete;

    // The next piece of the file; empty at its end.
    std::string_view next();

private:
    std::filesystem::path m_path;
    int m_fd = -1;
    std::string m_buffer;
};

// Reads a whole file, refusing files larger than max_bytes. Throws IoError when it cannot read.
// Returns nullopt when the file is larger than max_bytes.
std::optional<std::string> read_file_limited(const std::filesystem::path& path, std::size_t max_bytes);

// Writes a file so that a crash leaves either the old file or the complete new one: write a
// temporary file beside it, fsync it, rename it over the target, fsync the folder.
void write_file_atomically(const std::filesystem::path& path, const std::string& bytes);

// Writes a new file and never replaces one: false when `path` already exists (nothing is
// written then). For patients' own files, which another program or an earlier visit may have
// put there. A crash leaves no partial file under `path`.
bool write_new_file(const std::filesystem::path& path, const std::string& bytes);

// Why a system call failed, in words for an error line: "the disk is full" where the disk said so
// (ENOSPC, EDQUOT), so that a full disk is never passed off as some other fault.
std::string io_failure_text(int error_number);

// SHA-256 of the bytes, as lowercase hex.
std::string sha256_hex(const std::string& bytes);
// Bytes as lowercase hex (a chain link, a digest).
std::string hex_text(const std::vector<unsigned char>& bytes);

}  // namespace bran
