// A scope that takes the write lock at once (BEGIN IMMEDIATE), commits only when told to, and
// rolls back otherwise, so an answer is either wholly on disk or not at all.
#pragma once
#include <sqlite3.h>

namespace bran {

class Transaction {
public:
    explicit Transaction(sqlite3* db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit();

private:
    sqlite3* m_db;
    bool m_open = true;
};

// A read transaction: everything read inside it comes from one snapshot of the database, however
// much is recorded meanwhile. Where the connection is already inside a transaction (push verifies
// inside its own), that one's snapshot serves and this scope does nothing.
class ReadSnapshot {
public:
    explicit ReadSnapshot(sqlite3* db);
    ~ReadSnapshot();
    ReadSnapshot(const ReadSnapshot&) = delete;
    ReadSnapshot& operator=(const ReadSnapshot&) = delete;

private:
    sqlite3* m_db;
    bool m_open = false;
};

}  // namespace bran
