#include "engine/audit/audit_source.hpp"

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
// The group of the current row, from the raw group column (column 0 of both audit queries),
// telling SQL NULL (no code) from an empty one; valid until the next step.
std::string_view row_group(sqlite3_stmt* s, GroupBy group_by) {
    const auto* raw = reinterpret_cast<const char*>(sqlite3_column_text(s, 0));
    return group_key(group_by, raw, raw ? static_cast<std::size_t>(sqlite3_column_bytes(s, 0)) : 0);
}
}  // namespace

std::vector<GroupFigures> read_audit(const Database& db, const AuditFilter& filter) {
    return summarise(read_audit_buckets(db, filter), filter.group_by, read_home_to_clinic(db, filter));
}

std::vector<AuditBucket> read_audit_buckets(const Database& db, const AuditFilter& filter) {
    // No mmap: over 10^6 sessions it was no faster and kept the whole file (300 MB) resident.
    Statement s = db.prepare(audit_query(filter.group_by));
    s.bind(1, filter.aid).bind(2, filter.from).bind(3, filter.to);
    AuditAccumulator accumulator;
    sqlite3_stmt* raw = s.handle();
    while (s.step()) {
        accumulator.add(row_group(raw, filter.group_by), text_view(raw, 1), sqlite3_column_int(raw, 2) == 1, optional_int(raw, 3),
                        optional_int(raw, 4), optional_int(raw, 5), optional_int(raw, 6));
    }
    return accumulator.buckets();
}

std::map<std::string, HomeToClinicFigures> read_home_to_clinic(const Database& db, const AuditFilter& filter) {
    Statement s = db.prepare(home_to_clinic_query(filter.group_by));
    s.bind(1, filter.aid).bind(2, filter.from).bind(3, filter.to);
    std::map<std::string, HomeToClinicFigures> figures;
    std::string session_id, group, status;
    HomeAndClinic session;
    const auto finish_session = [&] {
        if (!session_id.empty()) figures[group].add(session, status);
        session = HomeAndClinic{};
    };
    sqlite3_stmt* raw = s.handle();
    while (s.step()) {
        std::string id = s.text(1);
        if (id != session_id) {
            finish_session();
            session_id = std::move(id);
            group = std::string(row_group(raw, filter.group_by));
            status = s.text(5);
        }
        // A value edited outside bran into something that is not JSON is left out, as replay does.
        const auto text = s.optional_text(4);  // NULL: the answer was cleared
        const nlohmann::json value = text ? nlohmann::json::parse(*text, nullptr, false) : nlohmann::json(nullptr);
        if (!value.is_discarded()) session.add(s.text(2), s.text(3), value);
    }
    finish_session();
    return figures;
}

namespace {
// A completed session to review: its choice goes against what the patient said mattered, or
// SURE found decisional conflict. ?1 aid id, ?2 first day, ?3 last day; NULL: no filter.
const char* const to_review =
    "FROM session s JOIN aid_version a ON a.id = s.aid_version_id "
    "WHERE s.status = 'completed' AND (s.concordance = 0 OR s.sure_score < 4) "
    "AND (?1 IS NULL OR a.aid_id = ?1) AND (?2 IS NULL OR SUBSTR(s.started_at, 1, 10) >= ?2) "
    "AND (?3 IS NULL OR SUBSTR(s.started_at, 1, 10) <= ?3)";
}  // namespace

long long count_sessions_to_review(const Database& db, const AuditFilter& filter) {
    Statement s = db.prepare(std::string("SELECT count(*) ") + to_review);
    s.bind(1, filter.aid).bind(2, filter.from).bind(3, filter.to);
    return s.step() ? s.integer(0) : 0;
}

std::vector<SessionToReview> read_sessions_to_review(const Database& db, const AuditFilter& filter, int limit) {
    Statement s = db.prepare(
        std::string("SELECT s.id, COALESCE(s.pseudonym, ''), COALESCE(s.clinician, ''), COALESCE(s.site, ''), s.started_at, a.aid_id, "
                    "COALESCE(s.choice, ''), s.concordance, s.sure_score ") +
        to_review + " ORDER BY s.started_at DESC LIMIT ?4");
    s.bind(1, filter.aid).bind(2, filter.from).bind(3, filter.to).bind(4, limit);
    std::vector<SessionToReview> rows;
    while (s.step()) {
        SessionToReview r;
        r.id = s.text(0);
        r.pseudonym = s.text(1);
        r.clinician = s.text(2);
        r.site = s.text(3);
        r.started_at = s.text(4);
        r.aid_id = s.text(5);
        r.choice = s.text(6);
        r.discordant = s.optional_integer(7) == std::optional<std::int64_t>(0);
        if (auto sure = s.optional_integer(8)) r.sure_score = static_cast<int>(*sure);
        rows.push_back(std::move(r));
    }
    return rows;
}

}  // namespace bran
