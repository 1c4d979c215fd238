// Format, version and ids: the names every reference and every audit depends on.
#include "engine/content/name_forms.hpp"
#include "engine/content/rules.hpp"

#include <set>

namespace bran {

namespace {

// Checks the pattern of each id in a list and that none repeats.
template <typename Items, typename GetId>
void check_ids(const AidDocument& doc, const std::string& list_pointer, const Items& items, GetId get_id,
               Diagnostics& out) {
    std::set<std::string> seen;
    for (std::size_t i = 0; i < items.size(); ++i) {
        const std::string& id = get_id(items[i]);
        const std::string pointer = list_pointer + "/" + std::to_string(i) + "/id";
        if (id.empty()) continue;  // already reported as missing
        if (!is_content_id(id)) {
            out.add(doc.json.error(pointer, "id " + quoted_excerpt(id) +
                                                " must be lowercase letters and digits joined by single hyphens "
                                                "(at most 64 characters), e.g. \"watchful-waiting\""));
        }
        if (!seen.insert(id).second) {
            out.add(doc.json.error(pointer, "id \"" + id + "\" is used twice in " + list_pointer + ": ids must be unique"));
        }
    }
}

const auto by_id = [](const auto& item) -> const std::string& { return item.id; };

}  // namespace

void check_identity(const AidDocument& doc, Diagnostics& out) {
    const Aid& aid = doc.aid;
    if (!aid.format.empty() && aid.format != "bran-decision-aid/1") {
        out.add(doc.json.error("/format", "must be \"bran-decision-aid/1\", not \"" + aid.format + "\""));
    }
    if (!aid.version.empty() && !is_semantic_version(aid.version)) {
        out.add(doc.json.error("/version", quoted_excerpt(aid.version) + " is not a semantic version such as \"1.2.0\""));
    }
    if (!aid.id.empty() && !is_content_id(aid.id)) {
        out.add(doc.json.error("/id", "id " + quoted_excerpt(aid.id) + " must be lowercase letters and digits joined by single hyphens"));
    }
    check_ids(doc, "/sources", aid.sources, by_id, out);
    check_ids(doc, "/options", aid.options, by_id, out);
    check_ids(doc, "/grid", aid.grid, by_id, out);
    check_ids(doc, "/outcomes", aid.outcomes, by_id, out);
    check_ids(doc, "/criteria", aid.criteria, by_id, out);
    check_ids(doc, "/knowledge/questions", aid.knowledge.questions, by_id, out);
    for (std::size_t q = 0; q < aid.knowledge.questions.size(); ++q) {
        check_ids(doc, "/knowledge/questions/" + std::to_string(q) + "/answers", aid.knowledge.questions[q].answers,
                  by_id, out);
    }
    if (aid.personalisation) {
        check_ids(doc, "/personalisation/inputs", aid.personalisation->inputs, by_id, out);
        check_ids(doc, "/personalisation/scores", aid.personalisation->scores, by_id, out);
        for (std::size_t i = 0; i < aid.personalisation->inputs.size(); ++i) {
            check_ids(doc, "/personalisation/inputs/" + std::to_string(i) + "/choices",
                      aid.personalisation->inputs[i].choices, by_id, out);
        }
    }
}

}  // namespace bran
