#include "engine/content/aid_reader.hpp"

#include "engine/core/field_reader.hpp"

#include <functional>

namespace bran {

namespace {

using nlohmann::json;

class AidReader {
public:
    AidReader(AidDocument& doc, Diagnostics& out) : m_doc(doc), m_json(doc.json), m_out(out) {}

    void read() {
        FieldReader top(m_json, "", m_out);
        if (!top.is_object()) return;
        Aid& aid = m_doc.aid;
        aid.format = top.string("format", Need::required).value_or("");
        aid.id = top.string("id", Need::required).value_or("");
        aid.version = top.string("version", Need::required).value_or("");
        for_each_item(top, "locales", Need::required, 1, [&](const std::string& p, const json& v) {
            if (v.is_string()) aid.locales.push_back(v.get<std::string>());
            else m_out.add(m_json.error(p, std::string("must be a locale tag string, not ") + json_type_name(v)));
        });
        aid.title = text(top, "title", Need::required);
        aid.decision = text(top, "decision", Need::required);
        aid.condition = text(top, "condition", Need::required);
        aid.audience = text(top, "audience", Need::required);
        read_review(top);
        for_each_object(top, "authors", Need::required, 1, [&](FieldReader& r) {
            aid.authors.push_back({r.string("name", Need::required).value_or(""),
                                   r.string("role", Need::required).value_or("")});
        });
        aid.funding = text(top, "funding", Need::required);
        aid.conflicts_of_interest = text(top, "conflicts_of_interest", Need::required);
        for_each_object(top, "sources", Need::required, 1, [&](FieldReader& r) {
            Source s;
            s.id = r.string("id", Need::required).value_or("");
            s.citation = r.string("citation", Need::required).value_or("");
            s.year = static_cast<int>(r.integer("year", Need::required).value_or(0));
            s.url = r.string("url", Need::optional).value_or("");
            aid.sources.push_back(std::move(s));
        });
        for_each_object(top, "options", Need::required, 2, [&](FieldReader& r) {
            Option o;
            o.id = r.string("id", Need::required).value_or("");
            o.name = text(r, "name", Need::required);
            o.summary = text(r, "summary", Need::optional);
            o.involves = text(r, "involves", Need::required);
            o.benefits = text(r, "benefits", Need::required);
            o.risks = text(r, "risks", Need::required);
            o.is_doing_nothing = r.boolean("is_doing_nothing", Need::optional).value_or(false);
            aid.options.push_back(std::move(o));
        });
        read_doing_nothing(top);
        for_each_object(top, "grid", Need::optional, 0, [&](FieldReader& r) {
            GridRow row;
            row.id = r.string("id", Need::required).value_or("");
            row.question = text(r, "question", Need::required);
            for_each_member(r, "answers", Need::required, [&](const std::string& key, const std::string& p) {
                row.answers[key] = text_at(p);
            });
            aid.grid.push_back(std::move(row));
        });
        for_each_object(top, "outcomes", Need::required, 1, [&](FieldReader& r) { aid.outcomes.push_back(outcome(r)); });
        if (top.object("personalisation", Need::optional)) read_personalisation(top.child("personalisation"));
        for_each_object(top, "criteria", Need::required, 1, [&](FieldReader& r) {
            Criterion c;
            c.id = r.string("id", Need::required).value_or("");
            c.label = text(r, "label", Need::required);
            c.question = text(r, "question", Need::required);
            for_each_member(r, "supports", Need::required, [&](const std::string& key, const std::string& p) {
                const json& v = *find_pointer(m_json.root(), p);
                if (v.is_number_integer() && in_int_range(v)) c.supports[key] = v.get<int>();
                else if (v.is_number_integer()) m_out.add(m_json.error(p, "must be a whole number from -2 to 2"));
                else m_out.add(m_json.error(p, std::string("must be a whole number from -2 to 2, not ") + json_type_name(v)));
            });
            c.outcome = r.string("outcome", Need::optional).value_or("");
            aid.criteria.push_back(std::move(c));
        });
        read_knowledge(top);
        for_each_object(top, "quality_notes", Need::optional, 0, [&](FieldReader& r) {
            QualityNote note;
            note.check = r.string("check", Need::required).value_or("");
            // The pointer may be empty: "" is the whole aid.
            if (const json* pointer = r.any("pointer", Need::required)) {
                if (pointer->is_string()) note.pointer = pointer->get<std::string>();
                else m_out.add(m_json.error(r.child("pointer"), std::string("must be a JSON pointer string, not ") + json_type_name(*pointer)));
            }
            note.reason = r.string("reason", Need::required).value_or("");
            aid.quality_notes.push_back(std::move(note));
        });
        top.reject_unknown();
    }

private:
    // Reads a Text: an object of locale -> non-empty string.
    Text text(FieldReader& parent, const std::string& key, Need need) {
        if (!parent.object(key, need)) return {};
        return text_at(parent.child(key));
    }

    Text text_at(const std::string& pointer) {
        Text result;
        const json* value = find_pointer(m_json.root(), pointer);
        if (!value) return result;
        if (!value->is_object()) {
            m_out.add(m_json.error(pointer, std::string("must be an object of translations such as {\"en-GB\": \"...\"}, not ") +
                                                json_type_name(*value)));
            return result;
        }
        m_doc.text_pointers.push_back(pointer);
        for (auto it = value->begin(); it != value->end(); ++it) {
            const std::string p = pointer_append(pointer, it.key());
            if (!it->is_string()) {
                m_out.add(m_json.error(p, std::string("must be a string, not ") + json_type_name(*it)));
            } else if (it->get_ref<const std::string&>().find_first_not_of(" \t\r\n") == std::string::npos) {
                m_out.add(m_json.error(p, "must not be empty"));
            } else {
                result[it.key()] = it->get<std::string>();
            }
        }
        return result;
    }

    void for_each_item(FieldReader& parent, const std::string& key, Need need, std::size_t min_items,
                       const std::function<void(const std::string&, const json&)>& visit) {
        const json* items = parent.array(key, need, min_items);
        if (!items) return;
        for (std::size_t i = 0; i < items->size(); ++i) visit(pointer_append(parent.child(key), i), (*items)[i]);
    }

    void for_each_object(FieldReader& parent, const std::string& key, Need need, std::size_t min_items,
                         const std::function<void(FieldReader&)>& visit) {
        for_each_item(parent, key, need, min_items, [&](const std::string& p, const json&) {
            FieldReader item(m_json, p, m_out);
            if (!item.is_object()) return;
            visit(item);
            item.reject_unknown();
        });
    }

    // Members of a map-like object (option id -> value); keys are checked by the content rules.
    void for_each_member(FieldReader& parent, const std::string& key, Need need,
                         const std::function<void(const std::string&, const std::string&)>& visit) {
        const json* members = parent.object(key, need);
        if (!members) return;
        for (auto it = members->begin(); it != members->end(); ++it) {
            visit(it.key(), pointer_append(parent.child(key), it.key()));
        }
    }

    void read_review(FieldReader& top) {
        if (!top.object("review", Need::required)) return;
        FieldReader r(m_json, top.child("review"), m_out);
        Review& review = m_doc.aid.review;
        review.status = r.string("status", Need::required).value_or("");
        review.last_evidence_review = r.string("last_evidence_review", Need::required).value_or("");
        review.next_review_due = r.string("next_review_due", Need::required).value_or("");
        review.notes = r.string("notes", Need::optional).value_or("");
        r.reject_unknown();
    }

    void read_doing_nothing(FieldReader& top) {
        if (!top.object("doing_nothing", Need::required)) return;
        FieldReader r(m_json, top.child("doing_nothing"), m_out);
        DoingNothing& n = m_doc.aid.doing_nothing;
        n.text = text(r, "text", Need::required);
        n.option = r.string("option", Need::optional).value_or("");
        n.no_option_reason = text(r, "no_option_reason", Need::optional);
        r.reject_unknown();
    }

    Number number_at(const std::string& pointer) {
        Number n;
        FieldReader r(m_json, pointer, m_out);
        if (!r.is_object()) return n;
        n.count = static_cast<int>(r.integer("count", Need::required).value_or(-1));
        n.source = r.string("source", Need::required).value_or("");
        n.locator = r.string("locator", Need::required).value_or("");
        n.note = r.string("note", Need::optional).value_or("");
        r.reject_unknown();
        return n;
    }

    std::map<std::string, Number> numbers(FieldReader& parent) {
        std::map<std::string, Number> result;
        for_each_member(parent, "numbers", Need::required, [&](const std::string& key, const std::string& p) {
            result[key] = number_at(p);
        });
        return result;
    }

    Outcome outcome(FieldReader& r) {
        Outcome o;
        o.id = r.string("id", Need::required).value_or("");
        o.name = text(r, "name", Need::required);
        if (auto valence = r.string("valence", Need::required)) {
            if (*valence == "good") o.valence = Valence::good;
            else if (*valence == "bad") o.valence = Valence::bad;
            else m_out.add(m_json.error(r.child("valence"), "must be \"good\" or \"bad\", not \"" + *valence + "\""));
        }
        if (r.object("time_frame", Need::required)) {
            FieldReader t(m_json, r.child("time_frame"), m_out);
            o.time_frame.amount = static_cast<int>(t.integer("amount", Need::required).value_or(0));
            if (auto unit = t.string("unit", Need::required)) {
                if (*unit == "weeks") o.time_frame.unit = TimeUnit::weeks;
                else if (*unit == "months") o.time_frame.unit = TimeUnit::months;
                else if (*unit == "years") o.time_frame.unit = TimeUnit::years;
                else m_out.add(m_json.error(t.child("unit"), "must be \"weeks\", \"months\" or \"years\", not \"" + *unit + "\""));
            }
            t.reject_unknown();
        }
        o.denominator = static_cast<int>(r.integer("denominator", Need::required).value_or(0));
        o.numbers = numbers(r);
        o.explanation = text(r, "explanation", Need::optional);
        return o;
    }

    void read_personalisation(const std::string& pointer) {
        FieldReader r(m_json, pointer, m_out);
        Personalisation p;
        for_each_object(r, "inputs", Need::required, 1, [&](FieldReader& in) {
            RiskInput input;
            input.id = in.string("id", Need::required).value_or("");
            input.question = text(in, "question", Need::required);
            input.help = text(in, "help", Need::optional);
            for_each_object(in, "choices", Need::required, 2, [&](FieldReader& c) {
                InputChoice choice;
                choice.id = c.string("id", Need::required).value_or("");
                choice.label = text(c, "label", Need::required);
                for_each_member(c, "points", Need::required, [&](const std::string& key, const std::string& pp) {
                    const json& v = *find_pointer(m_json.root(), pp);
                    if (v.is_number_integer() && in_int_range(v)) choice.points[key] = v.get<int>();
                    else if (v.is_number_integer()) m_out.add(m_json.error(pp, "is far too large or too small"));
                    else m_out.add(m_json.error(pp, std::string("must be a whole number, not ") + json_type_name(v)));
                });
                input.choices.push_back(std::move(choice));
            });
            p.inputs.push_back(std::move(input));
        });
        for_each_object(r, "scores", Need::required, 1, [&](FieldReader& s) {
            RiskScore score;
            score.id = s.string("id", Need::required).value_or("");
            score.name = text(s, "name", Need::required);
            score.source = s.string("source", Need::required).value_or("");
            score.locator = s.string("locator", Need::required).value_or("");
            p.scores.push_back(std::move(score));
        });
        for_each_object(r, "tables", Need::required, 1, [&](FieldReader& t) {
            RiskTable table;
            table.outcome = t.string("outcome", Need::required).value_or("");
            table.score = t.string("score", Need::required).value_or("");
            for_each_object(t, "bands", Need::required, 1, [&](FieldReader& b) {
                Band band;
                band.min = static_cast<int>(b.integer("min", Need::required).value_or(0));
                band.max = static_cast<int>(b.integer("max", Need::required).value_or(0));
                band.numbers = numbers(b);
                table.bands.push_back(std::move(band));
            });
            p.tables.push_back(std::move(table));
        });
        r.reject_unknown();
        m_doc.aid.personalisation = std::move(p);
    }

    void read_knowledge(FieldReader& top) {
        if (!top.object("knowledge", Need::required)) return;
        FieldReader k(m_json, top.child("knowledge"), m_out);
        Knowledge& knowledge = m_doc.aid.knowledge;
        knowledge.pass_mark = static_cast<int>(k.integer("pass_mark", Need::required).value_or(0));
        for_each_object(k, "questions", Need::required, 1, [&](FieldReader& q) {
            Question question;
            question.id = q.string("id", Need::required).value_or("");
            question.question = text(q, "question", Need::required);
            for_each_object(q, "answers", Need::required, 2, [&](FieldReader& a) {
                question.answers.push_back({a.string("id", Need::required).value_or(""), text(a, "text", Need::required)});
            });
            question.correct = q.string("correct", Need::required).value_or("");
            question.explanation = text(q, "explanation", Need::required);
            knowledge.questions.push_back(std::move(question));
        });
        k.reject_unknown();
    }

    AidDocument& m_doc;
    const LocatedJson& m_json;
    Diagnostics& m_out;
};

}  // namespace

AidDocument read_aid(LocatedJson json, Diagnostics& out) {
    AidDocument doc{Aid{}, std::move(json), {}};
    doc.aid.file = doc.json.file();
    AidReader(doc, out).read();
    return doc;
}

}  // namespace bran
