#include "engine/interop/session_record.hpp"

#include "engine/decision/assessment.hpp"
#include "engine/core/field_reader.hpp"
#include "engine/core/ids_and_time.hpp"
#include "engine/decision/steps.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace bran {

namespace {

using nlohmann::json;

constexpr const char* answered_at_url = "urn:bran:answered-at";
constexpr const char* setting_url = "urn:bran:setting";
constexpr const char* status_url = "urn:bran:status";
constexpr const char* questionnaire_prefix = "urn:bran:decision-aid:";
// The setting of an answer whose record did not say where it was given.
constexpr const char* imported_setting = "import";

bool is_setting(const std::string& code) {
    // "import" is read too: earlier exports wrote it for answers that had themselves come by import.
    return code == "home" || code == "clinic" || code == "kiosk" || code == imported_setting;
}

enum class ValueKind { string, integer, boolean, coding };

ValueKind kind_of(const std::string& item) {
    if (item == "what-matters" || item == "questions") return ValueKind::string;
    if (item.rfind("value.", 0) == 0) return ValueKind::integer;
    if (item.rfind("sure.", 0) == 0) return ValueKind::boolean;
    return ValueKind::coding;  // knowledge.*, risk.*, leaning, decision
}

const char* value_field(ValueKind kind) {
    switch (kind) {
        case ValueKind::string: return "valueString";
        case ValueKind::integer: return "valueInteger";
        case ValueKind::boolean: return "valueBoolean";
        case ValueKind::coding: return "valueCoding";
    }
    return "valueString";
}

// A display text for a coded answer, so that a person reading the file sees words.
std::string display_for(const Aid& aid, const std::string& item, const std::string& code) {
    if (item == "leaning" || item == "decision") {
        if (const Option* o = aid.find_option(code)) return localized(o->name, "en-GB");
        return code == choice_unsure ? "Unsure" : code == choice_defer ? "Decide later" : code;
    }
    if (item.rfind("knowledge.", 0) == 0) {
        if (const Question* q = aid.find_question(item.substr(10))) {
            for (const Answer& a : q->answers) {
                if (a.id == code) return localized(a.text, "en-GB");
            }
        }
    }
    if (item.rfind("risk.", 0) == 0 && aid.personalisation) {
        for (const RiskInput& input : aid.personalisation->inputs) {
            if (input.id != item.substr(5)) continue;
            for (const InputChoice& c : input.choices) {
                if (c.id == code) return localized(c.label, "en-GB");
            }
        }
    }
    return code;
}

}  // namespace

json to_questionnaire_response(const SessionRow& session, const Aid& aid, const std::vector<EventRow>& events) {
    Answers answers;
    std::string status = "in-progress";
    std::map<std::string, const EventRow*> last_event;
    for (const EventRow& e : events) {
        if (e.item == status_item) {
            if (e.new_value.is_string()) status = e.new_value.get<std::string>();
        } else if (is_answer_item(e.item)) {
            answers.set(e.item, e.new_value);
            last_event[e.item] = &e;
        }
    }
    json qr = {{"resourceType", "QuestionnaireResponse"},
               {"id", session.id},
               {"identifier", {{"system", "urn:bran:session"}, {"value", session.id}}},
               {"questionnaire", std::string(questionnaire_prefix) + aid.id + "|" + aid.version},
               {"status", status == "completed" ? "completed" : "in-progress"},
               {"authored", session.updated_at}};
    if (session.meta.pseudonym) {
        qr["subject"] = {{"identifier", {{"system", "urn:bran:patient"}, {"value", *session.meta.pseudonym}}}};
    }
    if (session.meta.clinician) {
        qr["author"] = {{"identifier", {{"system", "urn:bran:clinician"}, {"value", *session.meta.clinician}}}};
    }
    json extensions = json::array();
    if (session.meta.site) extensions.push_back({{"url", "urn:bran:site"}, {"valueString", *session.meta.site}});
    extensions.push_back({{"url", "urn:bran:locale"}, {"valueCode", session.meta.locale}});
    extensions.push_back({{"url", "urn:bran:started"}, {"valueDateTime", session.started_at}});
    // The contract's status has two values; an abandoned session keeps that fact here.
    if (status == "abandoned") extensions.push_back({{"url", status_url}, {"valueCode", "abandoned"}});
    qr["extension"] = extensions;

    json items = json::array();
    for (const auto& [item, value] : answers.items()) {
        json answer;
        const ValueKind kind = kind_of(item);
        if (kind == ValueKind::coding) {
            answer[value_field(kind)] = {{"code", value.get<std::string>()},
                                         {"display", display_for(aid, item, value.get<std::string>())}};
        } else {
            answer[value_field(kind)] = value;
        }
        json entry = {{"linkId", item}, {"answer", json::array({answer})}};
        if (const EventRow* e = last_event[item]) {
            json when_and_where = json::array({{{"url", answered_at_url}, {"valueDateTime", e->at}}});
            // "import" is not a place: the record it came in did not say where it was given.
            if (e->setting != imported_setting) when_and_where.push_back({{"url", setting_url}, {"valueCode", e->setting}});
            entry["extension"] = when_and_where;
        }
        items.push_back(entry);
    }
    if (!items.empty()) qr["item"] = items;
    return qr;
}

void BundleWriter::add(const json& response) {
    const json entry = {{"fullUrl", "urn:uuid:" + response.at("id").get<std::string>()}, {"resource", response}};
    m_out << (m_any ? ",\n" : "{\n  \"entry\": [\n");
    m_any = true;
    // The entry as it sits two levels deep in the Bundle: each of its lines indented by four.
    const std::string text = entry.dump(2);
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        m_out << "    ";
        m_out.write(text.data() + start, static_cast<std::streamsize>(end - start));
        if (end < text.size()) m_out << '\n';
        start = end + 1;
    }
}

void BundleWriter::finish() {
    m_out << (m_any ? "\n  ],\n" : "{\n") << "  \"resourceType\": \"Bundle\",\n  \"type\": \"collection\"\n}\n";
}

namespace {

class RecordReader {
public:
    using Sink = std::function<void(RecordedSession&, const LocatedJson&)>;
    RecordReader(const Library& aids, Diagnostics& out, Sink deliver) : m_aids(aids), m_out(out), m_deliver(std::move(deliver)) {}

    // A whole document: one response, or a Bundle with the entries it still holds.
    void read_document(const LocatedJson& json) {
        m_json = &json;
        FieldReader top(json, "", m_out);
        if (!top.is_object()) return;
        const auto type = top.string("resourceType", Need::required);
        if (!type) return;
        if (*type == "QuestionnaireResponse") {
            read_response(top);
        } else if (*type == "Bundle") {
            read_bundle(top);
        } else {
            m_out.add(json.error("/resourceType", "must be \"QuestionnaireResponse\" or \"Bundle\", not \"" + *type + "\""));
        }
    }

    // One entry of a Bundle, read on its own as the file streams past.
    void read_entry(const LocatedJson& entry) {
        m_json = &entry;
        FieldReader reader(entry, entry.root_pointer(), m_out);
        read_entry(reader);
    }

private:
    void allow_fhir_metadata(FieldReader& r) {
        for (const char* key : {"meta", "text", "language", "implicitRules", "contained"}) r.any(key, Need::optional);
        // FHIR: a reader SHALL NOT ignore a modifier extension it does not understand.
        if (r.any("modifierExtension", Need::optional)) {
            m_out.add(m_json->error(r.child("modifierExtension"), "bran does not know this modifier extension, which may change "
                                                                    "what the record means: it cannot be imported"));
        }
    }

    void read_bundle(FieldReader& top) {
        allow_fhir_metadata(top);
        top.any("id", Need::optional);
        top.any("timestamp", Need::optional);
        top.any("identifier", Need::optional);
        if (auto type = top.string("type", Need::required); type && *type != "collection") {
            m_out.add(m_json->error("/type", "must be \"collection\", not \"" + *type + "\""));
        }
        const json* entries = top.array("entry", Need::optional);
        top.reject_unknown();
        if (!entries) return;
        for (std::size_t i = 0; i < entries->size(); ++i) {
            FieldReader entry(*m_json, pointer_append("/entry", i), m_out);
            read_entry(entry);
        }
    }

    void read_entry(FieldReader& entry) {
        if (!entry.is_object()) return;
        entry.any("fullUrl", Need::optional);
        if (entry.object("resource", Need::required)) {
            FieldReader resource(*m_json, entry.child("resource"), m_out);
            const auto type = resource.string("resourceType", Need::required);
            if (type && *type != "QuestionnaireResponse") {
                m_out.add(m_json->error(resource.child("resourceType"), "must be \"QuestionnaireResponse\", not \"" + *type + "\""));
            } else if (type) {
                read_response(resource);
            }
        }
        entry.reject_unknown();
    }

    std::optional<std::string> identifier_value(FieldReader& parent, const std::string& key, const char* system) {
        if (!parent.object(key, Need::optional)) return std::nullopt;
        FieldReader holder(*m_json, parent.child(key), m_out);
        std::optional<std::string> value;
        if (holder.object("identifier", Need::required)) {
            FieldReader id(*m_json, holder.child("identifier"), m_out);
            if (auto s = id.string("system", Need::required); s && *s != system) {
                m_out.add(m_json->error(id.child("system"), std::string("must be \"") + system + "\""));
            }
            value = id.string("value", Need::required);
            id.reject_unknown();
        }
        holder.any("display", Need::optional);
        holder.reject_unknown();
        return value;
    }

    void read_response(FieldReader& r) {
        allow_fhir_metadata(r);
        RecordedSession session;
        session.pointer = r.pointer();
        // bran's own records carry the session's UUID as id and identifier. A response from
        // another FHIR tool (a forms renderer) has neither, or an id of its own: its session id is
        // made from what it holds, the same at every import, so importing it twice changes nothing.
        const auto given_id = r.string("id", Need::optional);
        std::optional<std::string> id = given_id && is_uuid(*given_id) ? given_id : std::nullopt;
        if (r.object("identifier", Need::optional)) {
            FieldReader identifier(*m_json, r.child("identifier"), m_out);
            const auto system = identifier.string("system", Need::optional);
            const auto value = identifier.string("value", Need::optional);
            // A record that says it is a bran session must be one; another system's identifier is that system's.
            if (system && *system == "urn:bran:session") {
                if (!id) {
                    m_out.add(m_json->error(r.child("id"), "must be a session UUID such as 0f8fad5b-d9cb-469f-a165-70867728950e"));
                } else if (!value || *value != *id) {
                    m_out.add(m_json->error(identifier.child("value"), "must be the same as /id (" + *id + ")"));
                }
            }
            for (const char* other : {"use", "type", "period", "assigner"}) identifier.any(other, Need::optional);
            identifier.reject_unknown();
        }
        if (!id) {
            const json* whole = m_json->find(r.pointer());
            id = uuid_from_name("urn:bran:import-of:" + (given_id ? "id:" + *given_id : "content:" + (whole ? whole->dump() : "")));
        }
        const Aid* aid = nullptr;
        if (auto questionnaire = r.string("questionnaire", Need::required)) {
            const std::string prefix = questionnaire_prefix;
            const auto bar = questionnaire->find('|');
            if (questionnaire->rfind(prefix, 0) != 0 || bar == std::string::npos) {
                m_out.add(m_json->error(r.child("questionnaire"), "must be \"urn:bran:decision-aid:<aid-id>|<version>\""));
            } else {
                const std::string aid_id = questionnaire->substr(prefix.size(), bar - prefix.size());
                const std::string version = questionnaire->substr(bar + 1);
                aid = m_aids.find(aid_id, version);
                if (!aid) {
                    const bool other_version = m_aids.find(aid_id) != nullptr;
                    m_out.add(m_json->error(r.child("questionnaire"),
                                           other_version ? "aid \"" + aid_id + "\" version " + version + " is not known here (a different version is)"
                                                         : "unknown decision aid \"" + aid_id + "\""));
                }
            }
        }
        std::string status = "in-progress";
        if (auto s = r.string("status", Need::required)) {
            if (*s != "completed" && *s != "in-progress") {
                m_out.add(m_json->error(r.child("status"), "must be \"completed\" or \"in-progress\", not \"" + *s + "\""));
            }
            status = *s;
        }
        // FHIR lets a response leave out when it was written: then it counts from its import.
        auto authored = r.string("authored", Need::optional);
        session.time_given = authored.has_value();
        if (!authored) authored = now_iso();
        else if (!is_iso_timestamp(*authored)) {
            m_out.add(m_json->error(r.child("authored"), "must be a date and time with a time zone, e.g. 2026-11-23T10:15:00+00:00"));
        }
        session.row.meta.pseudonym = identifier_value(r, "subject", "urn:bran:patient");
        session.row.meta.clinician = identifier_value(r, "author", "urn:bran:clinician");
        session.row.started_at = authored.value_or("");
        read_extensions(r, session, status);
        session.row.id = *id;
        session.row.updated_at = authored.value_or("");
        session.row.status = status;
        session.aid = aid;
        if (const json* items = r.array("item", Need::optional)) read_items(r.child("item"), *items, aid, session);
        r.reject_unknown();
        if (status != "in-progress") {
            EventRow e;
            e.at = session.row.updated_at;
            e.setting = imported_setting;
            e.step = step_name(Step::summary);
            e.item = "status";
            e.old_value = "in-progress";
            e.new_value = status;
            session.events.push_back(e);
        }
        session.row.step = status == "completed" ? step_name(Step::summary) : step_name(Step::what_matters);
        m_deliver(session, *m_json);
    }

    void read_extensions(FieldReader& r, RecordedSession& session, std::string& status) {
        const json* extensions = r.array("extension", Need::optional);
        if (!extensions) return;
        std::set<std::string> bran_urls;
        for (std::size_t i = 0; i < extensions->size(); ++i) {
            FieldReader e(*m_json, pointer_append(r.child("extension"), i), m_out);
            if (!e.is_object()) continue;
            const auto url = e.string("url", Need::required);
            if (!url) continue;
            if (!first_of_its_kind(*url, e.pointer(), bran_urls)) continue;
            if (*url == "urn:bran:site") {
                session.row.meta.site = e.string("valueString", Need::required);
            } else if (*url == "urn:bran:locale") {
                if (auto locale = e.string("valueCode", Need::required)) session.row.meta.locale = *locale;
            } else if (*url == "urn:bran:started") {
                auto started = e.string("valueDateTime", Need::required);
                if (started && is_iso_timestamp(*started)) session.row.started_at = *started;
                else if (started) m_out.add(m_json->error(e.child("valueDateTime"), "must be a date and time with a time zone"));
            } else if (*url == status_url) {
                auto code = e.string("valueCode", Need::required);
                if (code && *code != "abandoned") m_out.add(m_json->error(e.child("valueCode"), "must be \"abandoned\""));
                else if (code && status == "in-progress") status = "abandoned";
            } else {
                // Another system's extension: FHIR lets readers ignore what they do not know.
                for (auto it = (*extensions)[i].begin(); it != (*extensions)[i].end(); ++it) e.any(it.key(), Need::optional);
            }
            e.reject_unknown();
        }
    }

    void read_items(const std::string& pointer, const json& items, const Aid* aid, RecordedSession& session) {
        std::set<std::string> seen;
        for (std::size_t i = 0; i < items.size(); ++i) {
            FieldReader item(*m_json, pointer_append(pointer, i), m_out);
            if (!item.is_object()) continue;
            const auto link = item.string("linkId", Need::required);
            item.any("text", Need::optional);
            EventRow event;
            event.setting = imported_setting;
            event.at = session.row.updated_at;
            if (const json* extensions = item.array("extension", Need::optional)) {
                std::set<std::string> bran_urls;
                for (std::size_t x = 0; x < extensions->size(); ++x) {
                    FieldReader e(*m_json, pointer_append(item.child("extension"), x), m_out);
                    const auto url = e.string("url", Need::required);
                    if (url && !first_of_its_kind(*url, e.pointer(), bran_urls)) continue;
                    if (url && *url == answered_at_url) {
                        auto when = e.string("valueDateTime", Need::required);
                        if (when && is_iso_timestamp(*when)) event.at = *when;
                        else if (when) m_out.add(m_json->error(e.child("valueDateTime"), "must be a date and time with a time zone"));
                    } else if (url && *url == setting_url) {
                        auto where = e.string("valueCode", Need::required);
                        if (where && is_setting(*where)) event.setting = *where;
                        else if (where) m_out.add(m_json->error(e.child("valueCode"), "must be \"home\", \"clinic\" or \"kiosk\""));
                    } else if (e.is_object()) {
                        for (auto it = (*extensions)[x].begin(); it != (*extensions)[x].end(); ++it) e.any(it.key(), Need::optional);
                    }
                    e.reject_unknown();
                }
            }
            const json* answers = item.array("answer", Need::required, 1);
            item.reject_unknown();
            if (!link || !answers) continue;
            if (!seen.insert(*link).second) {
                m_out.add(m_json->error(item.child("linkId"), "\"" + *link + "\" appears twice: one item per question"));
                continue;
            }
            if (answers->size() != 1) {
                if (!answers->empty()) m_out.add(m_json->error(item.child("answer"), "must have exactly one answer"));
                continue;
            }
            const std::string answer_pointer = pointer_append(item.child("answer"), std::size_t{0});
            FieldReader answer(*m_json, answer_pointer, m_out);
            if (!answer.is_object()) continue;
            const ValueKind kind = kind_of(*link);
            json value;
            const std::string field = value_field(kind);
            for (const char* other : {"valueString", "valueInteger", "valueBoolean", "valueCoding"}) {
                if (field != other && answer.any(other, Need::optional)) {
                    m_out.add(m_json->error(answer.child(other), "item \"" + *link + "\" takes " + field + ", not " + other));
                }
            }
            if (kind == ValueKind::string) {
                if (auto v = answer.string(field, Need::required)) value = *v;
            } else if (kind == ValueKind::integer) {
                if (auto v = answer.integer(field, Need::required)) value = *v;
            } else if (kind == ValueKind::boolean) {
                if (auto v = answer.boolean(field, Need::required)) value = *v;
            } else if (answer.object(field, Need::required)) {
                FieldReader coding(*m_json, answer.child(field), m_out);
                if (auto code = coding.string("code", Need::required)) value = *code;
                coding.any("system", Need::optional);
                coding.any("display", Need::optional);
                coding.reject_unknown();
            }
            answer.reject_unknown();
            if (value.is_null() || !aid) continue;
            const std::string problem = validate_answer(*aid, *link, value);
            if (!problem.empty()) {
                m_out.add(m_json->error(answer_pointer + "/" + field + (kind == ValueKind::coding ? "/code" : ""), problem));
                continue;
            }
            session.answers.set(*link, value);
            event.step = step_for(*link);
            event.item = *link;
            event.new_value = value;
            session.events.push_back(event);
        }
    }

    // A bran extension says one thing once: two sites or two answer times would leave it to
    // chance which one is recorded. Other systems' extensions may repeat as they please.
    bool first_of_its_kind(const std::string& url, const std::string& pointer, std::set<std::string>& seen) {
        if (url.rfind("urn:bran:", 0) != 0 || seen.insert(url).second) return true;
        m_out.add(m_json->error(pointer, "a second \"" + url + "\" extension: keep only one"));
        return false;
    }

    static std::string step_for(const std::string& item) {
        if (item == "what-matters") return step_name(Step::what_matters);
        if (item == "leaning") return step_name(Step::leaning);
        if (item == "decision") return step_name(Step::decision);
        if (item == "questions") return step_name(Step::questions);
        if (item.rfind("value.", 0) == 0) return step_name(Step::values);
        if (item.rfind("knowledge.", 0) == 0) return step_name(Step::knowledge);
        if (item.rfind("sure.", 0) == 0) return step_name(Step::sure);
        return step_name(Step::outcomes);
    }

    const Library& m_aids;
    Diagnostics& m_out;
    Sink m_deliver;
    const LocatedJson* m_json = nullptr;
};

}  // namespace

std::vector<RecordedSession> read_session_records(const LocatedJson& json, const Library& aids, Diagnostics& out) {
    std::vector<RecordedSession> sessions;
    RecordReader(aids, out, [&sessions](RecordedSession& s, const LocatedJson&) { sessions.push_back(std::move(s)); })
        .read_document(json);
    return sessions;
}

void stream_session_records(const std::string& path, const Library& aids, Diagnostics& out, const SessionSink& on_session) {
    RecordReader reader(aids, out, on_session);
    auto rest = LocatedJson::stream(path, "/entry", [&reader](const LocatedJson& entry) { reader.read_entry(entry); }, out,
                                    JsonLimits{record_entry_max_bytes, JsonLimits{}.max_depth});
    if (rest) reader.read_document(*rest);
}

}  // namespace bran
