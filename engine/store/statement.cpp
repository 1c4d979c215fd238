#include "engine/store/statement.hpp"

#include "engine/store/store_error.hpp"

namespace bran {

bool StoreError::is_disk_full() const { return m_code == SQLITE_FULL; }
bool StoreError::is_io_error() const { return m_code == SQLITE_IOERR; }
bool StoreError::is_read_only() const { return m_code == SQLITE_READONLY || m_code == SQLITE_CANTOPEN || m_code == SQLITE_PERM; }

void throw_store_error(sqlite3* db, int rc, const std::string& sql) {
    const int extended = db ? sqlite3_extended_errcode(db) : rc;
    std::string message = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    throw StoreError(rc & 0xff, extended, message, sql);
}

Statement::Statement(sqlite3* db, std::string_view sql) : m_db(db) {
    const int rc = sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &m_stmt,
                                      nullptr);
    if (rc != SQLITE_OK) throw_store_error(db, rc, std::string(sql));
}

Statement::~Statement() { sqlite3_finalize(m_stmt); }

Statement::Statement(Statement&& other) noexcept : m_db(other.m_db), m_stmt(other.m_stmt) { other.m_stmt = nullptr; }

void Statement::check_bind(int rc) {
    if (rc != SQLITE_OK) throw_store_error(m_db, rc, sqlite3_sql(m_stmt));
}

Statement& Statement::bind(int index, std::int64_t value) {
    check_bind(sqlite3_bind_int64(m_stmt, index, value));
    return *this;
}
Statement& Statement::bind(int index, double value) {
    check_bind(sqlite3_bind_double(m_stmt, index, value));
    return *this;
}
Statement& Statement::bind(int index, std::string_view value) {
    check_bind(sqlite3_bind_text(m_stmt, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT));
    return *this;
}
Statement& Statement::bind_blob(int index, const std::vector<unsigned char>& value) {
    check_bind(sqlite3_bind_blob(m_stmt, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT));
    return *this;
}
Statement& Statement::bind_null(int index) {
    check_bind(sqlite3_bind_null(m_stmt, index));
    return *this;
}

bool Statement::step() {
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    const std::string sql = sqlite3_sql(m_stmt);
    sqlite3_reset(m_stmt);
    throw_store_error(m_db, rc, sql);
}

void Statement::run() {
    step();
    reset();
}

void Statement::reset() {
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

std::int64_t Statement::integer(int column) const { return sqlite3_column_int64(m_stmt, column); }
double Statement::real(int column) const { return sqlite3_column_double(m_stmt, column); }
std::string_view Statement::text_view(int column) const {
    const auto* p = sqlite3_column_text(m_stmt, column);
    return p ? std::string_view(reinterpret_cast<const char*>(p), static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, column)))
             : std::string_view();
}
std::string Statement::text(int column) const { return std::string(text_view(column)); }
std::optional<std::string> Statement::optional_text(int column) const {
    if (is_null(column)) return std::nullopt;
    return text(column);
}
std::optional<std::int64_t> Statement::optional_integer(int column) const {
    if (is_null(column)) return std::nullopt;
    return integer(column);
}
std::vector<unsigned char> Statement::blob(int column) const {
    const auto* p = static_cast<const unsigned char*>(sqlite3_column_blob(m_stmt, column));
    return p ? std::vector<unsigned char>(p, p + sqlite3_column_bytes(m_stmt, column)) : std::vector<unsigned char>();
}
bool Statement::is_null(int column) const { return sqlite3_column_type(m_stmt, column) == SQLITE_NULL; }

}  // namespace bran
