"""An audit oracle that shares no code with bran: it reads the generator's per-session truth
(CSV) and computes what `bran audit --format json` must print, per shared/spec/audit.md and
docs/value-concordance.md (no clear fit)."""
import csv, json, math, sys
from collections import defaultdict

def binomial_pmfs(n, p):
    """Every probability of Binomial(n, p), from 0 to n, each from log-gamma on its own."""
    if p <= 0: return [1.0] + [0.0] * n
    if p >= 1: return [0.0] * n + [1.0]
    lp, lq = math.log(p), math.log1p(-p)
    return [math.exp(math.lgamma(n + 1) - math.lgamma(k + 1) - math.lgamma(n - k + 1) + k * lp + (n - k) * lq) for k in range(n + 1)]

def standing(n, yes, target):
    """audit.md, "Unwarranted variation": the limits by their definition, summed from 0; a group
    is flagged when a count as far from the target on its side has a chance under 2.5% (0.1%)."""
    s = {"n": n, "rate": None, "target": target, "lower95": None, "upper95": None, "lower998": None, "upper998": None,
         "outside": None, "direction": None, "few_sessions": n < 20}
    if n == 0 or target is None: return s
    s["rate"] = yes / n
    pmf = binomial_pmfs(n, target)
    cdf = []
    total = 0.0
    for x in pmf:
        total += x
        cdf.append(total)
    def limit(q):
        if target in (0, 1): return float(target)
        for r in range(n + 1):
            if cdf[r] >= q:
                a = (cdf[r] - q) / pmf[r]
                return min(1.0, max(0.0, (r - a) / n))
        return 1.0
    s["lower998"], s["lower95"], s["upper95"], s["upper998"] = limit(0.001), limit(0.025), limit(0.975), limit(0.999)
    high = s["rate"] > target
    tail = (1.0 - (cdf[yes - 1] if yes > 0 else 0.0)) if high else cdf[yes]
    if target in (0, 1): tail = 1.0
    if tail < 0.001: s["outside"] = "99.8"
    elif tail < 0.025: s["outside"] = "95"
    if s["outside"]: s["direction"] = "above" if high else "below"
    return s

def add_variation(out, with_choices):
    def overall(name, yes_name):
        n = sum(g[name]["assessable"] for g in out)
        return None if n == 0 else sum(g[name][yes_name] for g in out) / n
    indicators = [("concordance", "concordant"), ("informed_choice", "informed"), ("sure", "pass"), ("knowledge", "adequate")]
    targets = {name: overall(name, yes) for name, yes in indicators}
    options = sorted({c for g in out for c in g["choices"] if c not in ("unsure", "defer")}) if with_choices else []
    chose_any = sum(sum(g["choices"].values()) for g in out)
    for g in out:
        v = {name: standing(g[name]["assessable"], g[name][yes], targets[name]) for name, yes in indicators}
        n = sum(g["choices"].values())
        for o in options:
            target = None if chose_any == 0 else sum(h["choices"].get(o, 0) for h in out) / chose_any
            v["choice:" + o] = standing(n, g["choices"].get(o, 0), target)
        g["variation"] = v

def expected(facts_csv, aid=None, date_from=None, date_to=None, group_by=None):
    rows = list(csv.DictReader(open(facts_csv)))
    groups = defaultdict(lambda: {"sessions": 0, "completed": 0, "conc": [0, 0], "ncf": 0, "know": [0, 0], "inf": [0, 0],
                                  "sure": [0, 0], "sure_sum": 0, "choices": defaultdict(int),
                                  "home": 0, "home_choice": [0, 0], "home_ratings": 0, "moves": defaultdict(int)})
    if group_by is None:
        groups["all"]
    for r in rows:
        if aid and r["aid"] != aid: continue
        if date_from and r["date"] < date_from: continue
        if date_to and r["date"] > date_to: continue
        if group_by == "knowledge" and r["status"] != "completed": continue  # completed sessions only
        key = {None: "all", "clinician": r["clinician"], "site": r["site"], "month": r["date"][:7],
               "option": r["choice"] or "(none)",
               "knowledge": {"1": "adequate", "0": "not-adequate"}.get(r["adequate"], "not-assessable")}[group_by]
        g = groups[key]
        g["sessions"] += 1
        if r["status"] != "completed": continue
        g["completed"] += 1
        for field, name in (("concordant", "conc"), ("adequate", "know"), ("informed", "inf")):
            v = int(r[field])
            if field == "concordant" and v == 2:  # no clear fit: not assessable, counted apart
                g["ncf"] += 1
            elif v >= 0:
                g[name][0] += 1
                g[name][1] += v
        s = int(r["sure_score"])
        if s >= 0:
            g["sure"][0] += 1
            g["sure"][1] += 1 if s == 4 else 0
            g["sure_sum"] += s
        if r["choice"]:
            g["choices"][r["choice"]] += 1
        # Begun at home and completed in the clinic: did the choice or the ratings move?
        if r["began_at_home"] == "1":
            g["home"] += 1
            g["home_ratings"] += int(r["ratings_changed"])
            if r["home_choice"] and r["choice"]:
                g["home_choice"][0] += 1
                if r["home_choice"] != r["choice"]:
                    g["home_choice"][1] += 1
                    g["moves"][r["home_choice"] + " -> " + r["choice"]] += 1
    def rate(p): return None if p[0] == 0 else p[1] / p[0]
    out = []
    for key in sorted(groups):
        g = groups[key]
        out.append({"key": key, "sessions": g["sessions"], "completed": g["completed"],
                    "concordance": {"assessable": g["conc"][0], "concordant": g["conc"][1], "rate": rate(g["conc"]),
                                    "no_clear_fit": g["ncf"]},
                    "knowledge": {"assessable": g["know"][0], "adequate": g["know"][1], "rate": rate(g["know"])},
                    "informed_choice": {"assessable": g["inf"][0], "informed": g["inf"][1], "rate": rate(g["inf"])},
                    "sure": {"assessable": g["sure"][0], "pass": g["sure"][1], "rate": rate(g["sure"]),
                             "mean_score": None if g["sure"][0] == 0 else g["sure_sum"] / g["sure"][0]},
                    "choices": dict(sorted(g["choices"].items())),
                    "home_to_clinic": {"sessions": g["home"],
                                       "choice_changed": {"assessable": g["home_choice"][0], "changed": g["home_choice"][1],
                                                          "rate": rate(g["home_choice"])},
                                       "ratings_changed": g["home_ratings"], "moves": dict(sorted(g["moves"].items()))}})
    if group_by in ("clinician", "site"):
        add_variation(out, aid is not None)
    return out

def same(a, b, path="groups"):
    if isinstance(a, float) or isinstance(b, float):
        return a is not None and b is not None and abs(a - b) < 1e-9 or (a is None and b is None)
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k], path + "." + k) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same(x, y, path) for x, y in zip(a, b))
    return a == b

if __name__ == "__main__":
    facts, output = sys.argv[1], sys.argv[2]
    args = dict(a.split("=", 1) for a in sys.argv[3:])
    got = json.load(open(output))["groups"]
    want = expected(facts, args.get("aid"), args.get("from"), args.get("to"), args.get("group_by"))
    if not same(got, want):
        print("MISMATCH", sys.argv[3:])
        print("want:", json.dumps(want)[:1500])
        print("got: ", json.dumps(got)[:1500])
        sys.exit(1)
