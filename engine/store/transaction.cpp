#include "engine/store/transaction.hpp"

#include "engine/store/statement.hpp"

namespace bran {

Transaction::Transaction(sqlite3* db) : m_db(db) {
    const int rc = sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) throw_store_error(db, rc, "BEGIN IMMEDIATE");
}

Transaction::~Transaction() {
    if (m_open) sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
}

void Transaction::commit() {
    const int rc = sqlite3_exec(m_db, "COMMIT", nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) throw_store_error(m_db, rc, "COMMIT");
    m_open = false;
}

ReadSnapshot::ReadSnapshot(sqlite3* db) : m_db(db) {
    if (sqlite3_get_autocommit(db) == 0) return;
    const int rc = sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) throw_store_error(db, rc, "BEGIN");
    m_open = true;
}

ReadSnapshot::~ReadSnapshot() {
    if (m_open) sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
}

}  // namespace bran
