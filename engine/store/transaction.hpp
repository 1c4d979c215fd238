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

}  // namespace bran
