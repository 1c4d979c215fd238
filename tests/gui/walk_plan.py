#!/usr/bin/env python3
"""The plan of a whole walk-through for the real-window tests, worked out from an aid's JSON.

  walk_plan.py CONTENT_DIR AID_ID plan DECISION_MODE   prints shell assignments (eval them)
  walk_plan.py CONTENT_DIR AID_ID events DECISION_MODE prints the expected events, one JSON a line
  walk_plan.py CONTENT_DIR AID_ID word LOCALE KIND I   prints a distinctive word of the aid's text in
      LOCALE (the longest all-ASCII word, which English-only OCR still reads) for the I-th (from 1)
      KIND: option (name), outcome (name), criterion (label), question (knowledge question)

Nothing about the aid is hard-coded: page counts, answer keys, the expected audit columns are
computed here from the aid's options, outcomes, criteria (supports, outcome), knowledge (pass
mark, correct answers) following docs/value-concordance.md and shared/spec/audit.md. The walk
answers no question about the patient, so the aid's general numbers are the ones shown.

Answers chosen (deterministic, so a failing run can be repeated):
  values     criterion i is rated RATINGS[i % 6] (0..4; key = rating + 1)
  knowledge  even-numbered questions (1st, 3rd, ...) right, the others wrong (the first wrong answer)
  SURE       Yes, Yes, No, Yes (score 3)
  leaning    the option that fits best (the first of those that fit about equally)
  decision   DECISION_MODE "other": another option than the leaning (so concordance comes from the
             decision, not the leaning); "same": the leaning itself
"""
import json
import os
import shlex
import sys

RATINGS = [4, 3, 1, 0, 2, 1]
SURE_ITEMS = ["sure", "understand", "risk-benefit", "encouragement"]
SURE_ANSWERS = [True, True, False, True]
WHAT_MATTERS = "I worry about cancer, but I do not want needless tests or worry."
QUESTIONS = "What happens after a raised result? Who will explain it to me?"


def load(content_dir, aid_id):
    aids = []
    for name in os.listdir(content_dir):
        if name.endswith(".json"):
            with open(os.path.join(content_dir, name), encoding="utf-8") as f:
                aids.append(json.load(f))
    aids.sort(key=lambda a: a["id"])
    index = [a["id"] for a in aids].index(aid_id)
    return aids[index], index


def plan(aid, index, decision_mode):
    options = [o["id"] for o in aid["options"]]
    criteria = aid["criteria"]
    questions = aid["knowledge"]["questions"]
    ratings = {c["id"]: RATINGS[i % len(RATINGS)] for i, c in enumerate(criteria)}
    knowledge = {}
    for i, q in enumerate(questions):
        answer_ids = [a["id"] for a in q["answers"]]
        if i % 2 == 0:
            knowledge[q["id"]] = q["correct"]
        else:
            knowledge[q["id"]] = next(a for a in answer_ids if a != q["correct"])
    # Option totals and the options that fit (value-concordance.md): weights double per step; a
    # criterion tied to an outcome with the general numbers spreads as its supports do.
    outcomes = {o["id"]: o for o in aid["outcomes"]}
    scores = {o: 0.0 for o in options}
    for c in criteria:
        rating = ratings[c["id"]]
        if rating <= 0:
            continue
        value = {o: float(c["supports"][o]) for o in options}
        if "outcome" in c:
            outcome = outcomes[c["outcome"]]
            sign = -1 if outcome["valence"] == "bad" else 1
            b = {o: sign * outcome["numbers"][o]["count"] for o in options}
            spread = max(c["supports"].values()) - min(c["supports"].values())
            value = {o: spread * (b[o] - min(b.values())) / (max(b.values()) - min(b.values())) for o in options}
        for o in options:
            scores[o] += 2 ** (rating - 1) * value[o]
    any_weight = any(w > 0 for w in ratings.values())
    best = max(scores.values())
    favoured = [o for o in options if best - scores[o] < 2 - 1e-9] if any_weight else []
    leaning = favoured[0] if favoured else options[0]
    if decision_mode == "same":
        decision = leaning
    else:
        decision = next((o for o in options if o not in favoured), next(o for o in options if o != leaning))
    choice = decision
    # One option that fits: concordant or not; several: "no clear fit" (2), not assessable.
    concordance = None if not favoured else 2 if len(favoured) > 1 else int(choice in favoured)
    correct = sum(1 for q in questions if knowledge[q["id"]] == q["correct"])
    adequate = int(correct >= aid["knowledge"]["pass_mark"]) if questions else None
    informed = None if adequate is None or concordance not in (0, 1) else int(adequate and concordance)
    sure_score = sum(SURE_ANSWERS)
    outcome_pages = len(aid["outcomes"]) + (1 if aid.get("personalisation") else 0)
    out = {
        "AID_KEY": str(index + 1),
        "N_OPTIONS": len(options),
        "OPTION_IDS": " ".join(options),
        "N_BRAN": max(1, len(options)),
        "N_OUTCOMES": max(1, outcome_pages),
        "PERSONALISED": 1 if aid.get("personalisation") else 0,
        "N_VALUES": len(criteria),
        "VALUE_IDS": " ".join(c["id"] for c in criteria),
        "VALUE_KEYS": " ".join(str(ratings[c["id"]] + 1) for c in criteria),
        "N_KNOWLEDGE": len(questions),
        "KNOWLEDGE_IDS": " ".join(q["id"] for q in questions),
        "KNOWLEDGE_KEYS": " ".join(str([a["id"] for a in q["answers"]].index(knowledge[q["id"]]) + 1) for q in questions),
        "SURE_KEYS": " ".join("1" if a else "2" for a in SURE_ANSWERS),
        "LEANING_KEY": str(options.index(leaning) + 1),
        "DECISION_KEY": str(options.index(decision) + 1),
        "LEANING": leaning,
        "DECISION": decision,
        "WHAT_MATTERS": WHAT_MATTERS,
        "QUESTIONS": QUESTIONS,
        "EXPECT_CHOICE": choice,
        "EXPECT_CONCORDANCE": "" if concordance is None else str(concordance),
        "EXPECT_KNOWLEDGE_CORRECT": correct,
        "EXPECT_KNOWLEDGE_ANSWERED": len(questions),
        "EXPECT_KNOWLEDGE_ADEQUATE": "" if adequate is None else str(adequate),
        "EXPECT_INFORMED": "" if informed is None else str(informed),
        "EXPECT_SURE_SCORE": str(sure_score),
        "SCORES": " ".join(f"{o}={scores[o]:g}" for o in options),
    }
    return out, ratings, knowledge, leaning, decision


def events(aid, index):
    out, ratings, knowledge, leaning, decision = plan(aid, index, MODE)
    rows = [("what-matters", WHAT_MATTERS)]
    rows += [("value." + c["id"], ratings[c["id"]]) for c in aid["criteria"]]
    rows += [("knowledge." + q["id"], knowledge[q["id"]]) for q in aid["knowledge"]["questions"]]
    rows += [("sure." + s, a) for s, a in zip(SURE_ITEMS, SURE_ANSWERS)]
    rows += [("leaning", leaning), ("questions", QUESTIONS), ("status", "completed"), ("decision", decision)]
    return rows


MODE = "other"

if __name__ == "__main__":
    content_dir, aid_id, what = sys.argv[1], sys.argv[2], sys.argv[3]
    MODE = sys.argv[4] if len(sys.argv) > 4 else "other"
    aid, index = load(content_dir, aid_id)
    if what == "plan":
        values = plan(aid, index, MODE)[0]
        for k, v in values.items():
            print(f"{k}={shlex.quote(str(v))}")
    elif what == "word":
        locale, kind, i = sys.argv[4], sys.argv[5], int(sys.argv[6]) - 1
        MODE = "other"
        item = {"option": lambda: aid["options"][i]["name"], "outcome": lambda: aid["outcomes"][i]["name"],
                "criterion": lambda: aid["criteria"][i]["label"],
                "question": lambda: aid["knowledge"]["questions"][i]["question"]}[kind]()
        words = [w.strip(".,:;?!()‘’“”") for w in item[locale].split()]
        words = [w for w in words if w.isascii() and w.isalpha()]
        print(max(words, key=len))
    elif what == "events":
        for item, value in events(aid, index):
            print(json.dumps([item, value], ensure_ascii=False))
    else:
        sys.exit("unknown: " + what)
