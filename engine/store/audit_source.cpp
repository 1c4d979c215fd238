#include "engine/store/audit_source.hpp"

namespace bran {

namespace {
std::optional<int> optional_int(sqlite3_stmt* s, int column) {
    const int value = sqlite3_column_int(s, column);  // -1: not assessable (see audit_query)
    if (value < 0) return std::nullopt;
    return value;
}
std::string_view text_view(sqlite3_stmt* s, int column) {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(s, column));
    return p ? std::string_view(p, static_cast<std::size_t>(sqlite3_column_bytes(s, column))) : std::string_view();
}
}  // namespace

std::vector<AuditBucket> read_audit_buckets(const Database& db, const AuditFilter& filter) {
    // Reading a whole table: map it rather than copy it page by page.
    sqlite3_exec(db.handle(), "PRAGMA mmap_size = 1073741824", nullptr, nullptr, nullptr);
    Statement s = db.prepare(audit_query(filter.group_by));
    s.bind(1, filter.aid).bind(2, filter.from).bind(3, filter.to);
    AuditAccumulator accumulator;
    sqlite3_stmt* raw = s.handle();
    while (s.step()) {
        const auto* group = reinterpret_cast<const char*>(sqlite3_column_text(raw, 0));
        const std::string_view key = group_key(filter.group_by, group, group ? static_cast<std::size_t>(sqlite3_column_bytes(raw, 0)) : 0);
        accumulator.add(key, text_view(raw, 1), sqlite3_column_int(raw, 2) == 1, optional_int(raw, 3),
                        optional_int(raw, 4), optional_int(raw, 5), optional_int(raw, 6));
    }
    return accumulator.buckets();
}

}  // namespace bran
