#include "engine/store/database.hpp"

#include "engine/core/files.hpp"
#include "engine/store/schema.hpp"
#include "engine/store/store_error.hpp"
#include "engine/store/transaction.hpp"

#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <thread>
#include <sys/stat.h>
#include <unistd.h>

namespace bran {

namespace {

int pragma_int(sqlite3* db, const char* pragma) {
    Statement s(db, std::string("PRAGMA ") + pragma);
    return s.step() ? static_cast<int>(s.integer(0)) : 0;
}

// Reads the 16-byte header directly, so that a file that is not SQLite is refused before
// SQLite is given a chance to treat it as anything.
bool looks_like_sqlite(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    char header[16] = {};
    in.read(header, sizeof header);
    return in.gcount() == 16 && std::memcmp(header, "SQLite format 3", 16) == 0;
}

// The file's identity and change times, as written in its close note; empty when it cannot be read.
std::string file_state(const std::string& path) {
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) return "";
    return std::to_string(info.st_dev) + ' ' + std::to_string(info.st_ino) + ' ' + std::to_string(info.st_size) + ' ' +
           std::to_string(info.st_mtim.tv_sec) + '.' + std::to_string(info.st_mtim.tv_nsec) + ' ' +
           std::to_string(info.st_ctim.tv_sec) + '.' + std::to_string(info.st_ctim.tv_nsec) + '\n';
}

bool non_empty_file(const std::string& path) {
    std::error_code ec;
    return std::filesystem::file_size(path, ec) > 0 && !ec;
}

// Closed cleanly by bran and untouched since: no journal or -wal left over from a crash, and the
// file exactly as bran's close note describes it.
bool closed_cleanly_and_untouched(const std::string& path) {
    const std::string real = real_database_path(path);
    if (non_empty_file(real + "-wal") || non_empty_file(real + "-journal")) return false;
    const std::string state = file_state(path);
    std::ifstream note(clean_close_path(path));
    std::string noted((std::istreambuf_iterator<char>(note)), std::istreambuf_iterator<char>());
    return !state.empty() && noted == state;
}

// What says whose file this is and how far it is made, read in one statement so that another
// bran's creation of the schema is seen whole or not at all.
struct Header {
    int application_id = 0;
    int version = 0;
    int objects = 0;
    bool fresh() const { return application_id == 0 && version == 0 && objects == 0; }
};

Header read_header(sqlite3* db) {
    Statement s(db, "SELECT (SELECT application_id FROM pragma_application_id), "
                    "(SELECT user_version FROM pragma_user_version), (SELECT count(*) FROM sqlite_schema)");
    Header header;
    if (s.step()) {
        header.application_id = static_cast<int>(s.integer(0));
        header.version = static_cast<int>(s.integer(1));
        header.objects = static_cast<int>(s.integer(2));
    }
    return header;
}

// Turning a new file to WAL needs it to itself for a moment, and SQLite says "busy" at once
// rather than waiting when another bran is creating the same file: try again for a while.
void switch_to_wal(Database& database) {
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    for (;;) {
        try {
            database.exec("PRAGMA journal_mode=WAL");
            return;
        } catch (const StoreError& e) {
            if (e.code() != SQLITE_BUSY || std::chrono::steady_clock::now() > give_up) throw;
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
    }
}

bool folder_writable(const std::string& path) {
    const auto folder = std::filesystem::absolute(path).parent_path();
    return ::access(folder.c_str(), W_OK) == 0;
}

// A file path as the path part of an SQLite URI: '%', '?' and '#' are escaped.
std::string uri_path(const std::string& path) {
    std::string out;
    for (const char c : std::filesystem::absolute(path).string()) {
        if (c == '%' || c == '?' || c == '#') {
            static const char* const hex = "0123456789ABCDEF";
            out += '%';
            out += hex[(static_cast<unsigned char>(c) >> 4) & 0xF];
            out += hex[static_cast<unsigned char>(c) & 0xF];
        } else {
            out += c;
        }
    }
    return out;
}
}  // namespace

std::unique_ptr<sqlite3, Database::Closer> Database::open_connection(const std::string& name, int flags) {
    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(name.c_str(), &raw, flags, nullptr);
    std::unique_ptr<sqlite3, Closer> db(raw);
    if (rc != SQLITE_OK) throw_store_error(raw, rc, "open " + name);
    sqlite3_extended_result_codes(raw, 1);
    sqlite3_busy_timeout(raw, 5000);
    return db;
}

Database Database::open(const std::string& path, Mode mode) {
    std::error_code ec;
    const bool exists = std::filesystem::exists(path, ec);
    const bool empty = !exists || std::filesystem::file_size(path, ec) == 0;
    if (exists && !empty && !looks_like_sqlite(path)) {
        throw UnusableDatabase(path + ": not a bran database (not an SQLite file); it was left as it was");
    }
    if (!exists && mode == Mode::read_only) throw UnusableDatabase(path + ": no such database");

    int flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE;
    flags |= mode == Mode::read_only ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    std::unique_ptr<sqlite3, Closer> db = open_connection(path, flags);
    sqlite3* raw = db.get();

    // Everything below reads only, until the file is known to be ours.
    Header header;
    try {
        try {
            header = read_header(raw);
        } catch (const StoreError& e) {
            // Reading a WAL database needs its -shm file, which cannot be made on read-only media
            // or in another user's folder. Nobody can write there either, so the file is read as
            // it stands (immutable), as an auditor reading a copied or archived record expects.
            if (mode != Mode::read_only || e.code() != SQLITE_CANTOPEN || folder_writable(path)) throw;
            db = open_connection("file:" + uri_path(path) + "?immutable=1", flags | SQLITE_OPEN_URI);
            raw = db.get();
            header = read_header(raw);
        }
    } catch (const StoreError& e) {
        if (e.code() == SQLITE_CANTOPEN && !folder_writable(path)) {
            throw UnusableDatabase(path + ": is in a folder or on a disk that cannot be written to, so bran cannot "
                                          "record answers there; it was left as it was");
        }
        throw UnusableDatabase(path + ": cannot be read as a database (" + e.what() + "); it was left as it was");
    }
    // Fresh: nothing of anyone's in it yet. A creation cut short (killed, disk full) can leave a
    // file whose header is written but which holds no table: that is still fresh, not foreign.
    const bool fresh = header.fresh();
    int version = header.version;
    if (!fresh && header.application_id != bran_application_id) {
        throw UnusableDatabase(path + ": not a bran database (it belongs to another program); it was left as it was");
    }
    if (version > current_schema_version()) {
        throw UnusableDatabase(path + ": made by a newer bran (schema version " + std::to_string(version) +
                               "; this bran knows up to " + std::to_string(current_schema_version()) +
                               "); it was left as it was");
    }
    Database database(std::move(db), path, mode == Mode::read_only || sqlite3_db_readonly(raw, "main") == 1);
    // Before anything is written to a file that bran did not close cleanly, or that changed after
    // it did (a crash, a disk fault, an edit), a full integrity check: seconds on a large file,
    // so not at every open. A read-only open writes nothing, and SQLite refuses any damaged page
    // it is asked to read, so the audit and export need not pay for it.
    if (!fresh && mode == Mode::read_write && !closed_cleanly_and_untouched(path)) {
        database.m_checked_integrity = true;
        const std::string integrity = database.integrity_check();
        if (integrity != "ok") {
            throw UnusableDatabase(path + ": damaged (integrity check: " + integrity +
                                   "); it was left as it was. Restore it from a backup, or ask for help.");
        }
    }
    if (database.m_read_only) return database;

    // A confirmed answer must survive a power cut: WAL with a full sync at every commit.
    switch_to_wal(database);
    database.exec("PRAGMA synchronous=FULL");
    database.exec("PRAGMA foreign_keys=ON");
    if (version < current_schema_version()) {
        Transaction migration(raw);
        // Another bran (a second import of the same file) may have made the schema while this
        // one waited for the lock: read the version again now that it is ours.
        const Header now = read_header(raw);
        version = now.version;
        if (now.fresh()) database.exec("PRAGMA application_id=" + std::to_string(bran_application_id));
        const auto& steps = schema_steps();
        for (int step = version; step < current_schema_version(); ++step) database.exec(steps[static_cast<std::size_t>(step)]);
        database.exec("PRAGMA user_version=" + std::to_string(current_schema_version()));
        migration.commit();
    }
    return database;
}

Database::~Database() {
    if (!m_db || m_read_only || m_path.empty() || m_path == ":memory:") return;
    m_db.reset();
    // Another connection still open keeps the -wal file, and will change the database after this
    // note: the note would not match then, which only costs the next open a full check.
    if (non_empty_file(real_database_path(m_path) + "-wal")) return;
    const std::string state = file_state(m_path);
    if (state.empty()) return;
    try {
        write_file_atomically(clean_close_path(m_path), state);
    } catch (const std::exception&) {
        // No note: the next open runs the full check, as after a crash.
    }
}

std::string real_database_path(const std::string& database_path) {
    std::error_code ec;
    const auto real = std::filesystem::weakly_canonical(database_path, ec);
    return ec ? database_path : real.string();
}

std::string clean_close_path(const std::string& database_path) { return real_database_path(database_path) + ".closed"; }

int Database::schema_version() const { return pragma_int(m_db.get(), "user_version"); }

void Database::exec(const std::string& sql) {
    char* message = nullptr;
    const int rc = sqlite3_exec(m_db.get(), sql.c_str(), nullptr, nullptr, &message);
    if (rc != SQLITE_OK) {
        const std::string text = message ? message : sqlite3_errstr(rc);
        sqlite3_free(message);
        throw StoreError(rc & 0xff, rc, text, sql);
    }
}

std::string Database::integrity_check() const {
    Statement s(m_db.get(), "PRAGMA integrity_check(1)");
    try {
        return s.step() ? s.text(0) : "no answer";
    } catch (const StoreError& e) {
        return e.what();
    }
}

}  // namespace bran
