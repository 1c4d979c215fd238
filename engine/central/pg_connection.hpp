// PostgreSQL through libpq, shaped like the SQLite layer (store/): a connection, a query that
// binds its parameters and streams its rows, a transaction scope, and COPY for bulk rows.
// SQL is written with SQLite's ?N placeholders so that one text serves both databases; values a
// user or a file controls are always bound, never put into SQL.
#pragma once
#include <libpq-fe.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace bran {

// A failure of the central database, its message beginning with the database it is about
// (the URI without any password) and, for a server error, its SQLSTATE kept for callers.
class CentralError : public std::runtime_error {
public:
    CentralError(const std::string& message, std::string sqlstate = "")
        : std::runtime_error(message), m_sqlstate(std::move(sqlstate)) {}
    const std::string& sqlstate() const { return m_sqlstate; }

private:
    std::string m_sqlstate;
};

// Whether `db` names a PostgreSQL database (postgresql:// or postgres://) rather than a file.
bool is_postgres_uri(std::string_view db);
// The URI as it may be shown: any password in it left out.
std::string printable_uri(std::string_view uri);

class PgQuery;

class PgConnection {
public:
    // Connects, with bran's schema first on the search path. Throws CentralError naming the
    // database and what libpq said (server down, wrong credentials, no such database).
    static PgConnection open(const std::string& uri);
    PgConnection(PgConnection&&) = default;
    PgConnection& operator=(PgConnection&&) = default;

    PGconn* handle() const { return m_conn.get(); }
    const std::string& name() const { return m_name; }
    // Our own SQL with no parameters (schema steps, BEGIN).
    void exec(const std::string& sql);
    PgQuery query(std::string_view sql);
    // Throws CentralError for the result unless it has the expected status; clears it.
    void check(PGresult* result, ExecStatusType expected) const;
    [[noreturn]] void fail(const std::string& message, const std::string& sqlstate = "") const;

private:
    struct Closer {
        void operator()(PGconn* c) const { PQfinish(c); }
    };
    PgConnection(std::unique_ptr<PGconn, Closer> conn, std::string name) : m_conn(std::move(conn)), m_name(std::move(name)) {}
    std::unique_ptr<PGconn, Closer> m_conn;
    std::string m_name;
};

// One statement: bind by index (1-based, as ?N), then step() through its rows (streamed one
// at a time, so a scan of millions holds one row) or run() it. Columns come back as text.
class PgQuery {
public:
    PgQuery(PgConnection& connection, std::string_view sql);
    ~PgQuery();
    PgQuery(const PgQuery&) = delete;
    PgQuery& operator=(const PgQuery&) = delete;
    PgQuery(PgQuery&& other) noexcept;

    PgQuery& bind(int index, std::int64_t value);
    PgQuery& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    PgQuery& bind(int index, std::string_view value);
    PgQuery& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
    PgQuery& bind(int index, const std::string& value) { return bind(index, std::string_view(value)); }
    PgQuery& bind_blob(int index, const std::vector<unsigned char>& value);
    // A NULL of the given kind: PostgreSQL must know a parameter's type even when it is NULL.
    PgQuery& bind_null_text(int index);
    PgQuery& bind_null_integer(int index);
    PgQuery& bind(int index, const std::optional<std::string>& value) {
        return value ? bind(index, *value) : bind_null_text(index);
    }
    PgQuery& bind(int index, const std::optional<std::int64_t>& value) {
        return value ? bind(index, *value) : bind_null_integer(index);
    }
    PgQuery& bind(int index, const std::optional<int>& value) {
        return value ? bind(index, static_cast<std::int64_t>(*value)) : bind_null_integer(index);
    }

    bool step();
    void run();
    // Rows changed by run() (INSERT, UPDATE, DELETE).
    std::int64_t changed() const { return m_changed; }
    // Runs again with new bindings.
    void reset();

    bool is_null(int column) const;
    std::string text(int column) const;
    std::string_view text_view(int column) const;
    std::optional<std::string> optional_text(int column) const;
    std::int64_t integer(int column) const;
    std::optional<std::int64_t> optional_integer(int column) const;
    std::vector<unsigned char> blob(int column) const;

private:
    struct Parameter {
        Oid type = 0;
        std::optional<std::string> value;
        bool binary = false;
    };
    Parameter& slot(int index);
    void start();
    void drain();

    PgConnection* m_connection;
    std::string m_sql;
    std::vector<Parameter> m_parameters;
    PGresult* m_row = nullptr;
    bool m_started = false, m_done = false;
    std::int64_t m_changed = 0;
};

// BEGIN now; ROLLBACK unless commit() was called.
class PgTransaction {
public:
    explicit PgTransaction(PgConnection& connection);
    ~PgTransaction();
    PgTransaction(const PgTransaction&) = delete;
    PgTransaction& operator=(const PgTransaction&) = delete;
    void commit();

private:
    PgConnection& m_connection;
    bool m_open = true;
};

// COPY ... FROM STDIN in text format: rows of fields (nullopt for NULL), escaped here.
class PgCopyIn {
public:
    PgCopyIn(PgConnection& connection, const std::string& copy_sql);
    ~PgCopyIn();
    PgCopyIn(const PgCopyIn&) = delete;
    PgCopyIn& operator=(const PgCopyIn&) = delete;
    void field(std::optional<std::string_view> value);
    void field(std::int64_t value);
    void blob_field(const std::vector<unsigned char>& value);
    void end_row();
    // Sends the rest and checks the server took every row.
    void finish();

private:
    void flush();
    PgConnection& m_connection;
    std::string m_buffer;
    bool m_first_in_row = true;
    bool m_open = true;
};

// The ?N placeholders of SQL shared with SQLite as PostgreSQL's $N (outside quoted text).
std::string postgres_placeholders(std::string_view sql);

}  // namespace bran
