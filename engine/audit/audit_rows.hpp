// Reading the audit's query results, the same for SQLite's Statement and PostgreSQL's PgQuery
// (each has step, is_null, text_view, text, optional_text, integer), so that what a row means is
// written once for both databases.
#pragma once
#include "engine/audit/report.hpp"
#include "engine/decision/home_and_clinic.hpp"

#include <map>
#include <string>

namespace bran {

// The group of the current row from the raw group column (column 0 of every audit query),
// telling SQL NULL (no code) from an empty one; valid until the next step.
template <typename Query>
std::string_view row_group(const Query& q, GroupBy group_by) {
    if (q.is_null(0)) return group_key(group_by, nullptr, 0);  // before text_view: it converts the column
    const std::string_view raw = q.text_view(0);
    return group_key(group_by, raw.data() ? raw.data() : "", raw.size());
}

// audit_packed_query's rows.
template <typename Query>
std::vector<AuditBucket> buckets_from_packed(Query& q, GroupBy group_by) {
    AuditAccumulator accumulator;
    while (q.step()) accumulator.add_packed(row_group(q, group_by), q.text_view(1), static_cast<int>(q.integer(2)), q.integer(3));
    return accumulator.buckets();
}

// home_to_clinic_query's rows, a session's events together.
template <typename Query>
std::map<std::string, HomeToClinicFigures> home_to_clinic_from_rows(Query& q, GroupBy group_by) {
    std::map<std::string, HomeToClinicFigures> figures;
    std::string session_id, group, status;
    HomeAndClinic session;
    const auto finish_session = [&] {
        if (!session_id.empty()) figures[group].add(session, status);
        session = HomeAndClinic{};
    };
    while (q.step()) {
        std::string id = q.text(1);
        if (id != session_id) {
            finish_session();
            session_id = std::move(id);
            group = std::string(row_group(q, group_by));
            status = q.text(5);
        }
        // A value edited outside bran into something that is not JSON is left out, as replay does.
        const auto text = q.optional_text(4);  // NULL: the answer was cleared
        const nlohmann::json value = text ? nlohmann::json::parse(*text, nullptr, false) : nlohmann::json(nullptr);
        if (!value.is_discarded()) session.add(q.text(2), q.text(3), value);
    }
    finish_session();
    return figures;
}

// One row of sessions_to_review_query.
template <typename Query>
SessionToReview read_review_row(const Query& s) {
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
    return r;
}

}  // namespace bran
