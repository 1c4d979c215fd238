#include "engine/central/pg_connection.hpp"

#include <sodium.h>

#include <cstdlib>

namespace bran {

namespace {
constexpr Oid text_oid = 25, int8_oid = 20, bytea_oid = 17;

// libpq's messages end in a newline and may run to several lines ("Is the server running...?"):
// one line for the person reading, the lines joined.
std::string one_line(const char* message) {
    std::string out;
    for (const char* p = message ? message : ""; *p; ++p) {
        if (*p == '\n' || *p == '\t') {
            if (!out.empty() && out.back() != ' ') out += ' ';
        } else {
            out += *p;
        }
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}
}  // namespace

bool is_postgres_uri(std::string_view db) {
    return db.rfind("postgresql://", 0) == 0 || db.rfind("postgres://", 0) == 0;
}

std::string printable_uri(std::string_view uri) {
    const std::size_t scheme_end = uri.find("://");
    if (scheme_end == std::string_view::npos) return std::string(uri);
    const std::size_t authority = scheme_end + 3;
    const std::size_t authority_end = uri.find_first_of("/?", authority);
    const std::size_t at = uri.substr(0, authority_end).rfind('@');
    if (at == std::string_view::npos || at < authority) return std::string(uri);
    const std::size_t colon = uri.substr(0, at).find(':', authority);
    if (colon == std::string_view::npos) return std::string(uri);
    return std::string(uri.substr(0, colon)) + std::string(uri.substr(at));
}

PgConnection PgConnection::open(const std::string& uri) {
    const std::string name = printable_uri(uri);
    std::unique_ptr<PGconn, Closer> conn(PQconnectdb(uri.c_str()));
    if (!conn) throw CentralError(name + ": cannot connect: out of memory");
    if (PQstatus(conn.get()) != CONNECTION_OK) {
        throw CentralError(name + ": cannot connect: " + one_line(PQerrorMessage(conn.get())));
    }
    // The server's notices ("schema already exists, skipping") are not for the person at the terminal.
    PQsetNoticeProcessor(conn.get(), [](void*, const char*) {}, nullptr);
    PgConnection connection(std::move(conn), name);
    // Our tables live in schema "bran", so that an organisation's database can hold others too;
    // pg_catalog first, so that nobody's objects in "bran" can stand in for built-ins.
    connection.exec("SET search_path = pg_catalog, bran");
    return connection;
}

void PgConnection::fail(const std::string& message, const std::string& sqlstate) const {
    throw CentralError(m_name + ": " + message, sqlstate);
}

void PgConnection::check(PGresult* result, ExecStatusType expected) const {
    const ExecStatusType status = result ? PQresultStatus(result) : PGRES_FATAL_ERROR;
    if (status == expected) {
        PQclear(result);
        return;
    }
    std::string message = one_line(result ? PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY) : nullptr);
    if (message.empty()) message = one_line(PQerrorMessage(m_conn.get()));
    const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    const std::string sqlstate = state ? state : "";
    PQclear(result);
    if (PQstatus(m_conn.get()) != CONNECTION_OK) fail("the connection was lost: " + message, sqlstate);
    fail(message, sqlstate);
}

void PgConnection::exec(const std::string& sql) {
    PGresult* result = PQexec(m_conn.get(), sql.c_str());
    const ExecStatusType status = result ? PQresultStatus(result) : PGRES_FATAL_ERROR;
    check(result, status == PGRES_TUPLES_OK ? PGRES_TUPLES_OK : PGRES_COMMAND_OK);
}

PgQuery PgConnection::query(std::string_view sql) { return PgQuery(*this, sql); }

std::string postgres_placeholders(std::string_view sql) {
    std::string out;
    out.reserve(sql.size() + 8);
    char quote = 0;
    for (std::size_t i = 0; i < sql.size(); ++i) {
        const char c = sql[i];
        if (quote) {
            if (c == quote) quote = 0;
            out += c;
        } else if (c == '\'' || c == '"') {
            quote = c;
            out += c;
        } else if (c == '?' && i + 1 < sql.size() && sql[i + 1] >= '0' && sql[i + 1] <= '9') {
            out += '$';
        } else {
            out += c;
        }
    }
    return out;
}

PgQuery::PgQuery(PgConnection& connection, std::string_view sql) : m_connection(&connection), m_sql(postgres_placeholders(sql)) {}

PgQuery::PgQuery(PgQuery&& other) noexcept
    : m_connection(other.m_connection),
      m_sql(std::move(other.m_sql)),
      m_parameters(std::move(other.m_parameters)),
      m_row(other.m_row),
      m_started(other.m_started),
      m_done(other.m_done),
      m_changed(other.m_changed) {
    other.m_row = nullptr;
    other.m_started = false;
}

PgQuery::~PgQuery() {
    try {
        drain();
    } catch (...) {
    }
}

PgQuery::Parameter& PgQuery::slot(int index) {
    if (index < 1) m_connection->fail("parameter " + std::to_string(index) + " of a query does not exist");
    if (m_parameters.size() < static_cast<std::size_t>(index)) m_parameters.resize(static_cast<std::size_t>(index));
    return m_parameters[static_cast<std::size_t>(index) - 1];
}

PgQuery& PgQuery::bind(int index, std::int64_t value) {
    slot(index) = {int8_oid, std::to_string(value), false};
    return *this;
}
PgQuery& PgQuery::bind(int index, std::string_view value) {
    slot(index) = {text_oid, std::string(value), false};
    return *this;
}
PgQuery& PgQuery::bind_blob(int index, const std::vector<unsigned char>& value) {
    slot(index) = {bytea_oid, std::string(value.begin(), value.end()), true};
    return *this;
}
PgQuery& PgQuery::bind_null_text(int index) {
    slot(index) = {text_oid, std::nullopt, false};
    return *this;
}
PgQuery& PgQuery::bind_null_integer(int index) {
    slot(index) = {int8_oid, std::nullopt, false};
    return *this;
}

void PgQuery::start() {
    std::vector<Oid> types;
    std::vector<const char*> values;
    std::vector<int> lengths, formats;
    for (const Parameter& p : m_parameters) {
        types.push_back(p.type ? p.type : text_oid);
        values.push_back(p.value ? p.value->data() : nullptr);
        lengths.push_back(p.value ? static_cast<int>(p.value->size()) : 0);
        formats.push_back(p.binary ? 1 : 0);
    }
    PGconn* conn = m_connection->handle();
    if (!PQsendQueryParams(conn, m_sql.c_str(), static_cast<int>(m_parameters.size()), types.data(), values.data(),
                           lengths.data(), formats.data(), 0)) {
        m_connection->fail(one_line(PQerrorMessage(conn)));
    }
    PQsetSingleRowMode(conn);
    m_started = true;
    m_done = false;
}

// Reads what is left of the results, so that the connection is ready for the next query.
void PgQuery::drain() {
    if (m_row) PQclear(m_row), m_row = nullptr;
    if (!m_started) return;
    m_started = false;
    while (PGresult* r = PQgetResult(m_connection->handle())) PQclear(r);
}

bool PgQuery::step() {
    if (!m_started) start();
    if (m_done) return false;
    if (m_row) PQclear(m_row), m_row = nullptr;
    PGresult* r = PQgetResult(m_connection->handle());
    const ExecStatusType status = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
    if (status == PGRES_SINGLE_TUPLE) {
        m_row = r;
        return true;
    }
    if (status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK) {
        const char* tuples = PQcmdTuples(r);
        m_changed = tuples && *tuples ? std::strtoll(tuples, nullptr, 10) : 0;
        PQclear(r);
        drain();
        m_started = m_done = true;  // done until reset()
        return false;
    }
    // The error result; then the connection's remaining results, before saying what failed.
    std::string state;
    std::string message;
    if (r) {
        const char* s = PQresultErrorField(r, PG_DIAG_SQLSTATE);
        state = s ? s : "";
        message = one_line(PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY));
        PQclear(r);
    }
    if (message.empty()) message = one_line(PQerrorMessage(m_connection->handle()));
    drain();
    m_done = true;
    m_started = true;
    if (PQstatus(m_connection->handle()) != CONNECTION_OK) m_connection->fail("the connection was lost: " + message, state);
    m_connection->fail(message, state);
}

void PgQuery::run() {
    while (step()) {
    }
}

void PgQuery::reset() {
    drain();
    m_done = false;
    m_changed = 0;
}

bool PgQuery::is_null(int column) const { return !m_row || PQgetisnull(m_row, 0, column); }

std::string_view PgQuery::text_view(int column) const {
    if (is_null(column)) return {};
    return std::string_view(PQgetvalue(m_row, 0, column), static_cast<std::size_t>(PQgetlength(m_row, 0, column)));
}
std::string PgQuery::text(int column) const { return std::string(text_view(column)); }
std::optional<std::string> PgQuery::optional_text(int column) const {
    if (is_null(column)) return std::nullopt;
    return text(column);
}
std::int64_t PgQuery::integer(int column) const {
    return is_null(column) ? 0 : std::strtoll(PQgetvalue(m_row, 0, column), nullptr, 10);
}
std::optional<std::int64_t> PgQuery::optional_integer(int column) const {
    if (is_null(column)) return std::nullopt;
    return integer(column);
}
std::vector<unsigned char> PgQuery::blob(int column) const {
    // bytea in text form: \x then hex digits.
    const std::string_view hex = text_view(column);
    if (hex.size() < 2 || hex.substr(0, 2) != "\\x") return {};
    std::vector<unsigned char> out((hex.size() - 2) / 2);
    std::size_t length = 0;
    if (sodium_hex2bin(out.data(), out.size(), hex.data() + 2, hex.size() - 2, nullptr, &length, nullptr) != 0) return {};
    out.resize(length);
    return out;
}

PgTransaction::PgTransaction(PgConnection& connection) : m_connection(connection) { m_connection.exec("BEGIN"); }

PgTransaction::~PgTransaction() {
    if (!m_open) return;
    // A lost connection rolls back by itself; nothing to say here.
    PGresult* r = PQexec(m_connection.handle(), "ROLLBACK");
    PQclear(r);
}

void PgTransaction::commit() {
    m_open = false;
    m_connection.exec("COMMIT");
}

PgCopyIn::PgCopyIn(PgConnection& connection, const std::string& copy_sql) : m_connection(connection) {
    PGresult* r = PQexec(m_connection.handle(), copy_sql.c_str());
    m_connection.check(r, PGRES_COPY_IN);
}

PgCopyIn::~PgCopyIn() {
    if (!m_open) return;
    // Abandoned part way (an exception): the server discards every row sent.
    PQputCopyEnd(m_connection.handle(), "abandoned by bran");
    while (PGresult* r = PQgetResult(m_connection.handle())) PQclear(r);
}

void PgCopyIn::field(std::optional<std::string_view> value) {
    if (!m_first_in_row) m_buffer += '\t';
    m_first_in_row = false;
    if (!value) {
        m_buffer += "\\N";
        return;
    }
    for (const char c : *value) {
        switch (c) {
            case '\\': m_buffer += "\\\\"; break;
            case '\n': m_buffer += "\\n"; break;
            case '\r': m_buffer += "\\r"; break;
            case '\t': m_buffer += "\\t"; break;
            default: m_buffer += c;
        }
    }
}

void PgCopyIn::field(std::int64_t value) { field(std::string_view(std::to_string(value))); }

void PgCopyIn::blob_field(const std::vector<unsigned char>& value) {
    if (!m_first_in_row) m_buffer += '\t';
    m_first_in_row = false;
    static const char digits[] = "0123456789abcdef";
    m_buffer += "\\\\x";  // bytea's \x, its backslash escaped for COPY
    for (const unsigned char b : value) {
        m_buffer += digits[b >> 4];
        m_buffer += digits[b & 15];
    }
}

void PgCopyIn::end_row() {
    m_buffer += '\n';
    m_first_in_row = true;
    if (m_buffer.size() >= (1u << 20)) flush();
}

void PgCopyIn::flush() {
    if (m_buffer.empty()) return;
    if (PQputCopyData(m_connection.handle(), m_buffer.data(), static_cast<int>(m_buffer.size())) != 1) {
        m_connection.fail("sending rows failed: " + one_line(PQerrorMessage(m_connection.handle())));
    }
    m_buffer.clear();
}

void PgCopyIn::finish() {
    flush();
    m_open = false;
    if (PQputCopyEnd(m_connection.handle(), nullptr) != 1) {
        m_connection.fail("sending rows failed: " + one_line(PQerrorMessage(m_connection.handle())));
    }
    PGresult* r = PQgetResult(m_connection.handle());
    m_connection.check(r, PGRES_COMMAND_OK);
    while (PGresult* rest = PQgetResult(m_connection.handle())) PQclear(rest);
}

}  // namespace bran
