// The owning connection to a bran database: refuses files that are not bran's, are newer than
// this build or are damaged (without writing to them), then sets durable pragmas and migrates.
#pragma once
#include "engine/store/statement.hpp"

#include <memory>
#include <string>

namespace bran {

// "BRAN" in ASCII, stamped in the SQLite header so other programs' files are recognised.
constexpr int bran_application_id = 0x4252414E;

class Database {
public:
    enum class Mode { read_write, read_only };

    // Opens (creating if needed, in read_write mode) and migrates to the current schema.
    // Throws UnusableDatabase for files bran must not touch, StoreError for I/O failures.
    static Database open(const std::string& path, Mode mode = Mode::read_write);
    // A read-write database closed by bran leaves a note of the file as it left it (see
    // clean_close_path), so that the next open can skip the full integrity check.
    ~Database();
    Database(Database&&) = default;
    Database& operator=(Database&&) = default;

    sqlite3* handle() const { return m_db.get(); }
    const std::string& path() const { return m_path; }
    int schema_version() const;
    bool read_only() const { return m_read_only; }

    void exec(const std::string& sql);
    Statement prepare(std::string_view sql) const { return Statement(m_db.get(), sql); }
    // "ok", or the first problem PRAGMA integrity_check reports.
    std::string integrity_check() const;
    // Whether the last open for writing ran the full integrity check (it was not closed cleanly
    // by bran, or was changed since).
    bool checked_integrity_at_open() const { return m_checked_integrity; }

private:
    struct Closer {
        void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
    };
    // One connection with bran's settings (extended codes, a busy wait); `name` a path or a URI.
    static std::unique_ptr<sqlite3, Closer> open_connection(const std::string& name, int flags);
    Database(std::unique_ptr<sqlite3, Closer> db, std::string path, bool read_only)
        : m_db(std::move(db)), m_path(std::move(path)), m_read_only(read_only) {}

    std::unique_ptr<sqlite3, Closer> m_db;
    std::string m_path;
    bool m_read_only = false;
    bool m_checked_integrity = false;
};

// The database's real file, through any symbolic link: the key, receipts and close note sit beside it.
std::string real_database_path(const std::string& database_path);
// `<database>.closed`: what the file looked like (device, inode, size, change times) when bran
// last closed it with nothing left in its -wal file. Anything that touches the file after that,
// bran or not, changes its change time, and the next open runs the full check again.
std::string clean_close_path(const std::string& database_path);

}  // namespace bran
