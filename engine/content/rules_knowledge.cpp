// The knowledge check: each question has its correct answer, and the pass mark can be reached.
#include "engine/content/rules.hpp"

#include <algorithm>

namespace bran {

void check_knowledge(const AidDocument& doc, Diagnostics& out) {
    const Knowledge& knowledge = doc.aid.knowledge;
    const int questions = static_cast<int>(knowledge.questions.size());
    if (find_pointer(doc.json.root(), "/knowledge/pass_mark") && questions > 0 &&
        (knowledge.pass_mark < 1 || knowledge.pass_mark > questions)) {
        out.add(doc.json.error("/knowledge/pass_mark", "must be from 1 to the number of questions (" +
                                                           std::to_string(questions) + "), not " +
                                                           std::to_string(knowledge.pass_mark)));
    }
    for (std::size_t i = 0; i < knowledge.questions.size(); ++i) {
        const Question& q = knowledge.questions[i];
        if (q.correct.empty()) continue;
        const bool found = std::any_of(q.answers.begin(), q.answers.end(), [&](const Answer& a) { return a.id == q.correct; });
        if (!found) {
            out.add(doc.json.error("/knowledge/questions/" + std::to_string(i) + "/correct",
                                   "\"" + q.correct + "\" is not the id of one of this question’s answers"));
        }
    }
}

}  // namespace bran
