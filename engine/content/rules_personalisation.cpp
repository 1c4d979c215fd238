// Personalised risk: inputs feed published points scores, and each score's bands cover every
// value it can take, so that every patient gets a number and none gets two.
#include "engine/content/rules.hpp"

#include <algorithm>
#include <climits>

namespace bran {

namespace {

struct Range {
    int low = 0;
    int high = 0;
    bool fed = false;  // some input gives points to it
};

// The lowest and highest value a score can take: each input adds the points of one of its choices.
Range score_range(const Personalisation& p, const std::string& score) {
    Range range;
    for (const RiskInput& input : p.inputs) {
        int low = INT_MAX, high = INT_MIN;
        for (const InputChoice& choice : input.choices) {
            auto it = choice.points.find(score);
            const int points = it == choice.points.end() ? 0 : it->second;
            if (it != choice.points.end()) range.fed = true;
            low = std::min(low, points);
            high = std::max(high, points);
        }
        if (!input.choices.empty()) range.low += low, range.high += high;
    }
    return range;
}

}  // namespace

void check_personalisation(const AidDocument& doc, Diagnostics& out) {
    const Aid& aid = doc.aid;
    if (!aid.personalisation) return;
    const Personalisation& p = *aid.personalisation;
    auto score_exists = [&](const std::string& id) {
        return std::any_of(p.scores.begin(), p.scores.end(), [&](const RiskScore& s) { return s.id == id; });
    };
    for (std::size_t i = 0; i < p.inputs.size(); ++i) {
        for (std::size_t c = 0; c < p.inputs[i].choices.size(); ++c) {
            for (const auto& [score, points] : p.inputs[i].choices[c].points) {
                (void)points;
                if (!score_exists(score)) {
                    out.add(doc.json.key_error(pointer_append("/personalisation/inputs/" + std::to_string(i) + "/choices/" +
                                                                  std::to_string(c) + "/points", score),
                                               "\"" + score + "\" is not the id of a score in /personalisation/scores"));
                }
            }
        }
    }
    for (std::size_t s = 0; s < p.scores.size(); ++s) {
        const std::string pointer = "/personalisation/scores/" + std::to_string(s);
        if (!p.scores[s].source.empty() && !source_exists(aid, p.scores[s].source)) {
            out.add(doc.json.error(pointer + "/source", "\"" + p.scores[s].source + "\" is not the id of a source in /sources"));
        }
        if (!p.scores[s].id.empty() && !score_range(p, p.scores[s].id).fed) {
            out.add(doc.json.error(pointer, "no input gives points to score \"" + p.scores[s].id + "\""));
        }
    }
    for (std::size_t t = 0; t < p.tables.size(); ++t) {
        const RiskTable& table = p.tables[t];
        const std::string pointer = "/personalisation/tables/" + std::to_string(t);
        const Outcome* outcome = aid.find_outcome(table.outcome);
        if (!table.outcome.empty() && !outcome) {
            out.add(doc.json.error(pointer + "/outcome", "\"" + table.outcome + "\" is not the id of an outcome"));
        }
        const bool known_score = score_exists(table.score);
        if (!table.score.empty() && !known_score) {
            out.add(doc.json.error(pointer + "/score", "\"" + table.score + "\" is not the id of a score"));
        }
        std::vector<std::size_t> order(table.bands.size());
        for (std::size_t b = 0; b < order.size(); ++b) order[b] = b;
        std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return table.bands[a].min < table.bands[b].min; });
        for (std::size_t b = 0; b < table.bands.size(); ++b) {
            const Band& band = table.bands[b];
            const std::string band_pointer = pointer + "/bands/" + std::to_string(b);
            if (band.min > band.max) {
                out.add(doc.json.error(band_pointer, "min (" + std::to_string(band.min) + ") is greater than max (" +
                                                         std::to_string(band.max) + ")"));
            }
            if (outcome) check_numbers(doc, band_pointer + "/numbers", band.numbers, outcome->denominator, out);
        }
        // Coverage is only meaningful once every band is a proper range.
        const bool ranges_ok = std::all_of(table.bands.begin(), table.bands.end(), [](const Band& b) { return b.min <= b.max; });
        if (!known_score || table.bands.empty() || !ranges_ok) continue;
        const Range range = score_range(p, table.score);
        int expected = range.low;
        for (std::size_t index : order) {
            const Band& band = table.bands[index];
            const std::string band_pointer = pointer + "/bands/" + std::to_string(index);
            if (band.min > expected) {
                out.add(doc.json.error(band_pointer + "/min", "no band covers score " + std::to_string(expected) +
                                                                  (band.min - 1 > expected ? " to " + std::to_string(band.min - 1) : "") +
                                                                  ": bands must have no gaps"));
            } else if (band.min < expected) {
                out.add(doc.json.error(band_pointer + "/min", "bands overlap at score " + std::to_string(band.min) +
                                                                  ": each value belongs to exactly one band"));
            }
            expected = std::max(expected, band.max + 1);
        }
        if (expected <= range.high) {
            const std::string span = expected == range.high ? std::to_string(expected)
                                                            : std::to_string(expected) + " to " + std::to_string(range.high);
            out.add(doc.json.error(pointer + "/bands", "no band covers score " + span + " (the highest the inputs can give is " +
                                                           std::to_string(range.high) + ")"));
        }
        const Band& lowest = table.bands[order.front()];
        if (lowest.min < range.low || table.bands[order.back()].max > range.high) {
            // A band outside what the inputs can produce is harmless but usually a typo; say so.
            out.add(doc.json.warning(pointer + "/bands", "bands reach beyond the score's possible range " +
                                                             std::to_string(range.low) + " to " + std::to_string(range.high)));
        }
    }
}

}  // namespace bran
