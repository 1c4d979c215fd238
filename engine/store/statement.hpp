// One prepared statement: bind by index, step, read columns; it finalizes itself, and a Use
// scope resets it and clears its bindings so a cached statement is always fresh.
#pragma once
#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bran {

class Statement {
public:
    Statement(sqlite3* db, std::string_view sql);
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    Statement(Statement&& other) noexcept;

    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, double value);
    Statement& bind(int index, std::string_view value);
    Statement& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
    Statement& bind(int index, const std::string& value) { return bind(index, std::string_view(value)); }
    Statement& bind_blob(int index, const std::vector<unsigned char>& value);
    Statement& bind_null(int index);
    template <typename T>
    Statement& bind(int index, const std::optional<T>& value) {
        return value ? bind(index, *value) : bind_null(index);
    }

    // True while there is a row to read; false when done. Throws StoreError on failure.
    bool step();
    // Steps once and expects no row (INSERT, UPDATE, DELETE).
    void run();
    void reset();

    std::int64_t integer(int column) const;
    double real(int column) const;
    std::string text(int column) const;
    // Valid until the next step or reset.
    std::string_view text_view(int column) const;
    std::optional<std::string> optional_text(int column) const;
    std::optional<std::int64_t> optional_integer(int column) const;
    std::vector<unsigned char> blob(int column) const;
    bool is_null(int column) const;
    // For tight loops that read columns without copying them (the audit's one pass).
    sqlite3_stmt* handle() const { return m_stmt; }

private:
    void check_bind(int rc);
    sqlite3* m_db;
    sqlite3_stmt* m_stmt = nullptr;
};

// Throws StoreError built from the connection's last error.
[[noreturn]] void throw_store_error(sqlite3* db, int rc, const std::string& sql);

}  // namespace bran
