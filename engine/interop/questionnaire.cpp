#include "engine/interop/questionnaire.hpp"

#include "engine/decision/answers.hpp"

#include <functional>
#include <vector>

namespace bran {

namespace {

using nlohmann::json;

constexpr const char* default_locale = "en-GB";
constexpr const char* translation_url = "http://hl7.org/fhir/StructureDefinition/translation";

// Text in the default language, with its translations for the primitive's "_" sibling: a
// translation is given only where the aid (or catalog) really has that language's words.
struct Localized {
    std::string text;
    json translations = json::array();
};

Localized localize(const std::function<std::string(const std::string&)>& in, const std::vector<std::string>& locales) {
    Localized out{in(default_locale)};
    for (const std::string& locale : locales) {
        if (locale == default_locale) continue;
        const std::string words = in(locale);
        if (words.empty() || words == out.text) continue;
        out.translations.push_back({{"url", translation_url},
                                    {"extension", json::array({{{"url", "lang"}, {"valueCode", locale}},
                                                               {{"url", "content"}, {"valueString", words}}})}});
    }
    return out;
}

class QuestionnaireWriter {
public:
    QuestionnaireWriter(const Aid& aid, const std::map<std::string, const Catalog*>& words) : m_aid(aid), m_words(words) {}

    // Sets `field` (and "_field" with its translations) on `target`.
    void put(json& target, const std::string& field, const Localized& value) const {
        target[field] = value.text;
        if (!value.translations.empty()) target["_" + field] = {{"extension", value.translations}};
    }
    Localized aid_text(const Text& text) const {
        return localize([&](const std::string& locale) {
            auto it = text.find(locale);
            return it == text.end() ? std::string() : it->second;
        }, m_aid.locales);
    }
    Localized catalog_text(const std::string& key) const {
        return localize([&](const std::string& locale) {
            auto it = m_words.find(locale);
            return it == m_words.end() || !it->second ? std::string() : it->second->text(key);
        }, m_aid.locales);
    }

    json question(const std::string& link, const std::string& type, const Localized& text) const {
        json item = {{"linkId", link}, {"type", type}};
        put(item, "text", text);
        return item;
    }
    json coding(const std::string& code, const Localized& display) const {
        json c = {{"code", code}};
        put(c, "display", display);
        return json{{"valueCoding", c}};
    }
    json choice(const std::string& link, const Localized& text, bool with_defer) const {
        json item = question(link, "choice", text);
        for (const Option& option : m_aid.options) item["answerOption"].push_back(coding(option.id, aid_text(option.name)));
        item["answerOption"].push_back(coding(choice_unsure, catalog_text(with_defer ? "decision.unsure" : "leaning.unsure")));
        if (with_defer) item["answerOption"].push_back(coding(choice_defer, catalog_text("decision.defer")));
        return item;
    }

    json items() const {
        json items = json::array();
        items.push_back(question("what-matters", "text", catalog_text("what-matters.heading")));
        if (m_aid.personalisation) {
            for (const RiskInput& input : m_aid.personalisation->inputs) {
                json item = question("risk." + input.id, "choice", aid_text(input.question));
                for (const InputChoice& c : input.choices) item["answerOption"].push_back(coding(c.id, aid_text(c.label)));
                items.push_back(item);
            }
        }
        // 0 to 4, as stored and as the record carries them, bounded by FHIR's minValue and
        // maxValue; the words of each step are in the question, since an integer has no display
        // of its own in FHIR R4. (As answerOptions, LHC-Forms showed 0 as "undefined" and lost it
        // when it read a response back.)
        for (const Criterion& criterion : m_aid.criteria) {
            const Text& asked = criterion.question.empty() ? criterion.label : criterion.question;
            const Localized text = localize([&](const std::string& locale) {
                auto it = asked.find(locale);
                auto words = m_words.find(locale);
                if (it == asked.end() || words == m_words.end() || !words->second) return std::string();
                std::string scale;
                for (int step = 0; step <= 4; ++step) {
                    scale += (step ? ", " : "") + std::to_string(step) + " " + words->second->text("values.scale." + std::to_string(step));
                }
                return it->second + " (" + scale + ")";
            }, m_aid.locales);
            json item = question("value." + criterion.id, "integer", text);
            item["extension"] = json::array({{{"url", "http://hl7.org/fhir/StructureDefinition/minValue"}, {"valueInteger", 0}},
                                             {{"url", "http://hl7.org/fhir/StructureDefinition/maxValue"}, {"valueInteger", 4}}});
            items.push_back(item);
        }
        for (const Question& q : m_aid.knowledge.questions) {
            json item = question("knowledge." + q.id, "choice", aid_text(q.question));
            for (const Answer& a : q.answers) item["answerOption"].push_back(coding(a.id, aid_text(a.text)));
            items.push_back(item);
        }
        for (const char* sure : {"sure", "understand", "risk-benefit", "encouragement"}) {
            items.push_back(question(std::string("sure.") + sure, "boolean", catalog_text(std::string("sure.") + sure)));
        }
        items.push_back(choice("leaning", catalog_text("leaning.heading"), false));
        items.push_back(question("questions", "text", catalog_text("questions.heading")));
        items.push_back(choice("decision", catalog_text("decision.heading"), true));
        return items;
    }

private:
    const Aid& m_aid;
    const std::map<std::string, const Catalog*>& m_words;
};

// A computable name: "knee-osteoarthritis" -> "KneeOsteoarthritis" (FHIR's name pattern).
std::string computable_name(const std::string& id) {
    std::string name;
    bool upper = true;
    for (const char c : id) {
        const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        if (!alnum) {
            upper = true;
            continue;
        }
        name += upper && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
        upper = false;
    }
    if (name.empty() || !(name[0] >= 'A' && name[0] <= 'Z')) name = "Aid" + name;
    return name;
}

}  // namespace

std::string questionnaire_url(const Aid& aid) { return "urn:bran:decision-aid:" + aid.id; }

json to_questionnaire(const Aid& aid, const std::map<std::string, const Catalog*>& words) {
    const QuestionnaireWriter b(aid, words);
    const bool reviewed = aid.review.status == "clinically reviewed";
    json q = {{"resourceType", "Questionnaire"},
              {"id", aid.id},
              {"language", default_locale},
              {"url", questionnaire_url(aid)},
              {"version", aid.version},
              {"name", computable_name(aid.id)}};
    b.put(q, "title", b.aid_text(aid.title));
    // Content no clinician has checked is a draft: it must not be taken for a published form.
    q["status"] = reviewed ? "active" : "draft";
    q["experimental"] = !reviewed;
    q["subjectType"] = json::array({"Patient"});
    if (!aid.review.last_evidence_review.empty()) q["date"] = aid.review.last_evidence_review;
    std::string publisher;
    for (const Author& author : aid.authors) publisher += (publisher.empty() ? "" : "; ") + author.name;
    if (!publisher.empty()) q["publisher"] = publisher;
    b.put(q, "description", b.aid_text(aid.decision));
    if (!aid.audience.empty()) b.put(q, "purpose", b.aid_text(aid.audience));
    if (!aid.review.last_evidence_review.empty()) q["lastReviewDate"] = aid.review.last_evidence_review;
    json extensions = json::array();
    for (const Source& source : aid.sources) {
        json artifact = {{"type", "citation"}, {"label", source.id}, {"citation", source.citation}};
        if (!source.url.empty()) artifact["url"] = source.url;
        extensions.push_back({{"url", "http://hl7.org/fhir/StructureDefinition/cqf-relatedArtifact"}, {"valueRelatedArtifact", artifact}});
    }
    if (!extensions.empty()) q["extension"] = extensions;
    q["item"] = b.items();
    return q;
}

}  // namespace bran
