// A small aid whose numbers make hand-worked audit examples easy to follow.
#pragma once
#include "engine/content/library.hpp"

#include <catch2/catch.hpp>

namespace bran::test {

// Options: surgery, tablets, wait (doing nothing). Criteria and supports:
//   avoid-op:    surgery -2, tablets  1, wait  2
//   relief:      surgery  2, tablets  1, wait -1
//   no-pills:    surgery  1, tablets -2, wait  1
// Knowledge: q1 (correct a), q2 (correct b), q3 (correct a); pass mark 2.
// Personalisation: inputs age (young 0, old 1) and smoker (no 0, yes 2) -> score "risk" 0..3;
// outcome "harm" bands 0-1 and 2-3.
inline const char* small_aid_json() {
    return R"json({
  "format": "bran-decision-aid/1", "id": "small", "version": "1.0.0", "locales": ["en-GB"],
  "title": {"en-GB": "Small"}, "decision": {"en-GB": "Which?"}, "condition": {"en-GB": "A"},
  "audience": {"en-GB": "B"},
  "review": {"status": "draft: needs clinical review", "last_evidence_review": "2026-01-01", "next_review_due": "2027-01-01"},
  "authors": [{"name": "T", "role": "test"}], "funding": {"en-GB": "none"}, "conflicts_of_interest": {"en-GB": "none"},
  "sources": [{"id": "s", "citation": "test fixture, not clinical content", "year": 2020}],
  "options": [
    {"id": "surgery", "name": {"en-GB": "Surgery"}, "involves": {"en-GB": "x"}, "benefits": {"en-GB": "x"}, "risks": {"en-GB": "x"}},
    {"id": "tablets", "name": {"en-GB": "Tablets"}, "involves": {"en-GB": "x"}, "benefits": {"en-GB": "x"}, "risks": {"en-GB": "x"}},
    {"id": "wait", "name": {"en-GB": "Wait"}, "involves": {"en-GB": "x"}, "benefits": {"en-GB": "x"}, "risks": {"en-GB": "x"}, "is_doing_nothing": true}
  ],
  "doing_nothing": {"text": {"en-GB": "x"}, "option": "wait"},
  "outcomes": [{"id": "harm", "name": {"en-GB": "be harmed"}, "valence": "bad", "time_frame": {"amount": 1, "unit": "years"},
    "denominator": 100, "numbers": {
      "surgery": {"count": 10, "source": "s", "locator": "t1"}, "tablets": {"count": 20, "source": "s", "locator": "t1"},
      "wait": {"count": 30, "source": "s", "locator": "t1"}}}],
  "personalisation": {
    "inputs": [
      {"id": "age", "question": {"en-GB": "Age?"}, "choices": [
        {"id": "young", "label": {"en-GB": "young"}, "points": {"risk": 0}}, {"id": "old", "label": {"en-GB": "old"}, "points": {"risk": 1}}]},
      {"id": "smoker", "question": {"en-GB": "Smoke?"}, "choices": [
        {"id": "no", "label": {"en-GB": "no"}, "points": {"risk": 0}}, {"id": "yes", "label": {"en-GB": "yes"}, "points": {"risk": 2}}]}],
    "scores": [{"id": "risk", "name": {"en-GB": "Risk"}, "source": "s", "locator": "t2"}],
    "tables": [{"outcome": "harm", "score": "risk", "bands": [
      {"min": 0, "max": 1, "numbers": {"surgery": {"count": 5, "source": "s", "locator": "t2"},
        "tablets": {"count": 6, "source": "s", "locator": "t2"}, "wait": {"count": 7, "source": "s", "locator": "t2"}}},
      {"min": 2, "max": 3, "numbers": {"surgery": {"count": 50, "source": "s", "locator": "t2"},
        "tablets": {"count": 60, "source": "s", "locator": "t2"}, "wait": {"count": 70, "source": "s", "locator": "t2"}}}]}]},
  "criteria": [
    {"id": "avoid-op", "label": {"en-GB": "Avoid an operation"}, "question": {"en-GB": "?"}, "supports": {"surgery": -2, "tablets": 1, "wait": 2}},
    {"id": "relief", "label": {"en-GB": "Relief"}, "question": {"en-GB": "?"}, "supports": {"surgery": 2, "tablets": 1, "wait": -1}},
    {"id": "no-pills", "label": {"en-GB": "No pills"}, "question": {"en-GB": "?"}, "supports": {"surgery": 1, "tablets": -2, "wait": 1}}
  ],
  "knowledge": {"pass_mark": 2, "questions": [
    {"id": "q1", "question": {"en-GB": "?"}, "answers": [{"id": "a", "text": {"en-GB": "a"}}, {"id": "b", "text": {"en-GB": "b"}}], "correct": "a", "explanation": {"en-GB": "x"}},
    {"id": "q2", "question": {"en-GB": "?"}, "answers": [{"id": "a", "text": {"en-GB": "a"}}, {"id": "b", "text": {"en-GB": "b"}}], "correct": "b", "explanation": {"en-GB": "x"}},
    {"id": "q3", "question": {"en-GB": "?"}, "answers": [{"id": "a", "text": {"en-GB": "a"}}, {"id": "b", "text": {"en-GB": "b"}}], "correct": "a", "explanation": {"en-GB": "x"}}
  ]}
})json";
}

inline const Aid& small_aid() {
    static const LoadedAid loaded = [] {
        LoadedAid l = load_aid_text(small_aid_json(), "small.json", RuleContext{"2026-11-23"});
        for (const auto& d : l.diagnostics.items()) FAIL(d.to_line());
        return l;
    }();
    REQUIRE(loaded.aid);
    return *loaded.aid;
}

}  // namespace bran::test
