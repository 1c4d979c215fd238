#include "engine/audit/session_check.hpp"

#include "engine/core/files.hpp"
#include "engine/decision/assessment.hpp"
#include "engine/store/event_replay.hpp"

#include <algorithm>
#include <tuple>

namespace bran {

namespace {

std::string tri_text(const std::optional<std::int64_t>& v) { return v ? std::to_string(*v) : "none"; }

std::string shown(const std::optional<std::string>& v) { return v ? "\"" + *v + "\"" : "none"; }

// The session row's facts against those its chained facts events vouch for: the kind of finding
// and what differs, or nothing when they agree.
std::optional<std::pair<std::string, std::string>> check_facts(const std::vector<EventRow>& events, const StoredSession& row,
                                                               bool sealing_pending) {
    ChainedFacts facts;
    bool any = false;
    for (const EventRow& e : events) {
        if (e.item != facts_item && e.item != credit_item) continue;
        if (e.item == credit_item && !any) continue;
        if (!fold_facts(e, facts)) return std::make_pair(std::string("changed"), std::string("its facts event is not of bran's form"));
        any = any || e.item == facts_item;
    }
    if (!any) {
        if (sealing_pending) {
            return std::make_pair(std::string("session-unsealed"),
                                  std::string("recorded by an earlier bran, its clinician, site and start are not in the "
                                              "chain yet: open this database once with bran (or import into it) to seal them"));
        }
        return std::make_pair(std::string("session-inserted"),
                              std::string("bran did not record this session: its aid, clinician, site and start are not in "
                                          "the chain"));
    }
    const std::vector<std::tuple<const char*, std::optional<std::string>, std::optional<std::string>>> checks = {
        {"aid", row.aid_id, facts.aid_id},
        {"aid version", row.aid_version, facts.aid_version},
        {"aid content hash", row.content_hash, facts.content_hash},
        {"locale", row.locale, facts.locale},
        {"start", row.started_at, facts.started_at},
        {"patient pseudonym", row.pseudonym, facts.pseudonym},
        {"clinician", row.clinician, facts.clinician},
        {"site", row.site, facts.site},
    };
    for (const auto& [what, stored, chained] : checks) {
        if (stored != chained) {
            return std::make_pair(std::string("session-changed"), std::string(what) + " is recorded as " + shown(stored) +
                                                                      " but bran recorded " + shown(chained));
        }
    }
    return std::nullopt;
}

}  // namespace

SessionCheck::SessionCheck(std::function<std::string(std::int64_t)> aid_content, bool sealing_pending, bool older_value_rule)
    : m_aid_content(std::move(aid_content)), m_sealing_pending(sealing_pending), m_older_value_rule(older_value_rule) {}

std::optional<TamperFinding> SessionCheck::check(const StoredSession& row, const std::vector<EventRow>& evs) {
    const std::string& id = row.id;
    for (std::size_t i = 0; i < evs.size(); ++i) {
        if (evs[i].seq != static_cast<int>(i) + 1) {
            return TamperFinding{id, evs[i].seq, evs[i].n, "deleted", "event " + std::to_string(i + 1) + " of this session is missing"};
        }
    }
    if (row.event_count != static_cast<std::int64_t>(evs.size())) {
        return TamperFinding{id, 0, 0, "session-changed",
                             "the session says it has " + std::to_string(row.event_count) + " events, the record has " +
                                 std::to_string(evs.size())};
    }
    auto aid = m_aids.find(row.aid_key);
    if (aid == m_aids.end()) {
        std::string content = m_aid_content(row.aid_key);
        StoredAid entry;
        entry.intact = sha256_hex(content) == row.content_hash;
        entry.loaded = load_aid_text(std::move(content), "stored aid", RuleContext{});
        aid = m_aids.emplace(row.aid_key, std::move(entry)).first;
    }
    if (!aid->second.intact) {
        return TamperFinding{id, 0, 0, "session-changed",
                             "the stored aid " + row.aid_id + " " + row.aid_version +
                                 " is not the text the patient was shown (its content does not match its hash)"};
    }
    if (const auto facts = check_facts(evs, row, m_sealing_pending)) return TamperFinding{id, 0, 0, facts->first, facts->second};
    if (std::none_of(evs.begin(), evs.end(), [](const EventRow& e) { return is_session_work(e.item); })) {
        // A session with no answer events was opened and left: bran records no status change
        // and no audit figure for it, so any there were put in behind bran's back.
        const bool has_figures = row.choice || row.concordance || row.knowledge_adequate || row.informed_choice || row.sure_score;
        if (row.status != "in-progress" || has_figures) {
            return TamperFinding{id, 0, 0, "session-changed",
                                 "the session is recorded as " + row.status + (has_figures ? " with audit figures" : "") +
                                     ", but it has no answers"};
        }
        return std::nullopt;
    }
    const StoredAid* loaded = &aid->second;
    if (!loaded->loaded.aid) return std::nullopt;
    const Aid& shown_aid = *loaded->loaded.aid;
    Answers answers;
    std::string status = "in-progress";
    replay_events(evs, answers, status);
    const Assessment a = assess(shown_aid, answers);
    std::optional<std::int64_t> concordance = concordance_code(a), informed = fact_code(a.informed_choice);
    if (m_older_value_rule) {
        const std::vector<std::string> favoured = favoured_by_weighted_sum(shown_aid, answers);
        const bool real_option = a.choice && shown_aid.find_option(*a.choice);
        concordance = std::nullopt;
        if (real_option && !favoured.empty()) {
            concordance = std::find(favoured.begin(), favoured.end(), *a.choice) != favoured.end() ? 1 : 0;
        }
        informed = a.knowledge_adequate && concordance ? std::optional<std::int64_t>(*a.knowledge_adequate && *concordance == 1)
                                                       : std::nullopt;
    }
    const std::optional<std::int64_t> sure = a.sure_score ? std::optional<std::int64_t>(*a.sure_score) : std::nullopt;
    const std::vector<std::tuple<const char*, std::string, std::string>> checks = {
        {"status", row.status, status},
        {"choice", row.choice.value_or("none"), a.choice.value_or("none")},
        {"concordance", tri_text(row.concordance), tri_text(concordance)},
        {"knowledge", tri_text(row.knowledge_adequate), tri_text(fact_code(a.knowledge_adequate))},
        {"informed choice", tri_text(row.informed_choice), tri_text(informed)},
        {"SURE score", tri_text(row.sure_score), tri_text(sure)},
    };
    for (const auto& [what, stored, derived] : checks) {
        if (stored != derived) {
            return TamperFinding{id, 0, 0, "session-changed", std::string(what) + " is recorded as " + stored + " but the answers give " + derived};
        }
    }
    return std::nullopt;
}

}  // namespace bran
