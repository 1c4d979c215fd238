// The one exception type of the store: SQLite's result codes, its message and the statement.
#pragma once
#include <stdexcept>
#include <string>

namespace bran {

class StoreError : public std::runtime_error {
public:
    StoreError(int code, int extended_code, const std::string& message, const std::string& sql = "")
        : std::runtime_error(message), m_code(code), m_extended_code(extended_code), m_sql(sql) {}
    int code() const { return m_code; }
    int extended_code() const { return m_extended_code; }
    const std::string& sql() const { return m_sql; }
    // True when the disk is full or the file cannot be written: the app goes on, read-only.
    bool is_disk_full() const;
    // The disk refused a write or a sync (a failing disk, or a full one that said so this way).
    bool is_io_error() const;
    bool is_read_only() const;

private:
    int m_code;
    int m_extended_code;
    std::string m_sql;
};

// The database file is not one bran can use (not bran's, newer than this build, damaged).
// Nothing was written to it.
class UnusableDatabase : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

}  // namespace bran
