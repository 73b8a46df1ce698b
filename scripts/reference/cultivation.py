"""
Reference values for reweave's cultivation analytics (src/analytics/cultivation), written to
test/fixtures/reference/cultivation.json:

  kaplanMeier   lifelines' KaplanMeierFitter (Kaplan & Meier 1958) on fixed duration sets: the median
                (median_survival_time_) and its 95% interval as lifelines gives it,
                median_survival_times(confidence_interval_) — the pointwise log-log ("exponential
                Greenwood") band of Greenwood's variance, inverted at 0.5 (Brookmeyer & Crowley 1982).
                "inf" (never reached) is written as null.
  wilson        statsmodels' proportion_confint(method="wilson") (Wilson 1927).
  funnel        hand-made stage histories (days after 2024-01-01) and a window: the conversions with
                their Wilson bounds, and the Kaplan–Meier medians of the spells that began in the
                window, both computed here from the same definitions as src/analytics/cultivation/funnel.ts
                (spells from the histories; the event is a move up before `to`; anything else censored).
  logistic      scikit-learn's LogisticRegression(penalty="l2", C=1/lambda) on a fixed data set
                (numpy seed 12), features standardised as StandardScaler does (population sd):
                intercept and coefficients, the intercept unpenalised (lbfgs).

Run: .reweave/bench-venv/bin/python scripts/reference/cultivation.py
(lifelines, statsmodels, scikit-learn pinned in bench/python/requirements.txt; output deterministic)
"""
import json
import math
import os

import lifelines
import numpy as np
import sklearn
import statsmodels
from lifelines import KaplanMeierFitter
from lifelines.utils import median_survival_times
from sklearn.linear_model import LogisticRegression
from statsmodels.stats.proportion import proportion_confint

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "test", "fixtures", "reference", "cultivation.json")
DAY = 86_400_000
EPOCH = 1704067200000  # 2024-01-01T00:00:00Z


def finite(x):
    x = float(x)
    return None if math.isinf(x) or math.isnan(x) else x


def km(durations, events):
    kmf = KaplanMeierFitter().fit(durations, event_observed=events, alpha=0.05)
    ci = median_survival_times(kmf.confidence_interval_)
    return {
        "median": finite(kmf.median_survival_time_),
        "low": finite(ci.iloc[0, 0]),
        "high": finite(ci.iloc[0, 1]),
    }


KM_SETS = [
    ("no censoring", [5, 8, 8, 12, 20, 25, 30], [1, 1, 1, 1, 1, 1, 1]),
    ("censoring and ties", [3, 5, 5, 5, 7, 10, 10, 14, 18, 21, 21, 30], [1, 1, 0, 1, 1, 0, 1, 1, 0, 1, 1, 0]),
    ("censored at an event time", [2, 4, 4, 6, 9, 9, 9, 15, 15, 40, 41, 60, 75, 90], [1, 1, 0, 1, 1, 1, 0, 1, 0, 1, 0, 1, 0, 0]),
    ("median not reached", [10, 20, 30, 40, 50, 60], [1, 0, 0, 1, 0, 0]),
    ("large", [((i * 37) % 101) + 1 for i in range(60)], [1 if (i * 7) % 5 != 0 else 0 for i in range(60)]),
]

WILSON_SETS = [(0, 1), (1, 1), (3, 10), (7, 7), (12, 40), (49, 50), (150, 1000)]

# Stages 0 UNIDENTIFIED, 1 GOOD_PERSON, 2 CAPABLE_PERSON, 3 GROUP_LEADER. Each history:
# created (day or None = unknown), ended (day or None), initial stage, changes [[to, day], ...].
STAGES = ["UNIDENTIFIED", "GOOD_PERSON", "CAPABLE_PERSON", "GROUP_LEADER"]
HISTORIES = [
    ("a", -200, None, 0, [[1, -50], [2, 40], [3, 200]]),
    ("b", -100, None, 0, [[1, 10], [2, 100]]),
    ("c", -300, None, 0, [[1, 30]]),
    ("d", 20, None, 0, [[1, 80], [2, 150], [1, 250]]),
    ("e", 50, None, 0, []),
    ("f", -400, 120, 0, [[1, -300]]),
    ("g", None, None, 0, [[1, 5], [2, 60]]),
    ("h", -30, None, 0, [[1, 100], [0, 130], [1, 200], [2, 330]]),
    ("i", 200, None, 0, [[1, 210], [2, 260], [3, 300]]),
    ("j", -10, None, 0, [[1, 0], [2, 90]]),
    ("k", -500, None, 0, [[1, -400], [2, -200], [3, -100]]),
    ("l", 10, None, 0, [[1, 15], [2, 30], [3, 45]]),
]
WINDOW = (0, 365)


def spells(h):
    _, created, ended, stage, changes = h
    start = created
    out = []
    for to, at in changes:
        if to == stage:
            continue
        out.append((stage, start, at, "up" if to > stage else "down"))
        stage, start = to, at
    out.append((stage, start, ended, "ended" if ended is not None else "open"))
    return out


def stage_before(h, t):
    _, created, ended, stage, changes = h
    if created is not None and created >= t:
        return -1
    if ended is not None and ended < t:
        return -1
    for to, at in changes:
        if at >= t:
            break
        stage = to
    return stage


def present(h, frm, to):
    _, created, ended, _, _ = h
    return (created is None or created < to) and (ended is None or ended >= frm)


def funnel():
    frm, to = WINDOW
    nodes = [h for h in HISTORIES if present(h, frm, to)]
    conversions = []
    for s in range(len(STAGES) - 1):
        eligible = converted = 0
        for h in nodes:
            first = frm if stage_before(h, frm) == s else None
            if stage_before(h, frm) < 0 and h[1] is not None and frm <= h[1] < to and h[3] == s:
                first = h[1]
            done = False
            for nxt, at in h[4]:
                if at >= to:
                    break
                if at < frm:
                    continue
                if first is not None and nxt > s:
                    done = True
                if nxt == s and first is None:
                    first = at
            if first is not None:
                eligible += 1
                converted += 1 if done else 0
        low, high = proportion_confint(converted, eligible, alpha=0.05, method="wilson") if eligible else (None, None)
        conversions.append({"from": STAGES[s], "to": STAGES[s + 1], "eligible": eligible, "converted": converted,
                            "rate": converted / eligible if eligible else None, "low": low, "high": high})
    times = []
    for s in range(len(STAGES) - 1):
        durations, events = [], []
        for h in nodes:
            for stage, start, end, exit in spells(h):
                if stage != s or start is None or start < frm or start >= to:
                    continue
                stop = to if end is None or end > to else end
                durations.append(stop - start)
                events.append(1 if exit == "up" and end < to else 0)
        entry = {"stage": STAGES[s], "spells": len(durations), "events": sum(events), "durations": durations, "eventFlags": events}
        entry.update(km(durations, events) if durations else {"median": None, "low": None, "high": None})
        times.append(entry)
    return {
        "stages": STAGES,
        "window": {"from": EPOCH + frm * DAY, "to": EPOCH + to * DAY},
        "histories": [
            {"id": i, "createdAt": None if c is None else EPOCH + c * DAY, "endedAt": None if e is None else EPOCH + e * DAY,
             "initial": s, "changes": [{"to": to, "at": EPOCH + at * DAY} for to, at in ch]}
            for i, c, e, s, ch in HISTORIES
        ],
        "nodes": len(nodes),
        "conversions": conversions,
        "timeInStage": times,
    }


def logistic():
    rng = np.random.default_rng(12)
    n, p = 120, 5
    X = rng.normal(size=(n, p)) * np.array([1.0, 3.0, 0.5, 10.0, 2.0]) + np.array([0.0, 5.0, -1.0, 40.0, 0.0])
    X[:, 4] = np.round(np.abs(X[:, 4]))  # a count
    logit = -0.7 + 0.9 * (X[:, 0]) - 0.3 * (X[:, 1] - 5) + 0.1 * (X[:, 3] - 40) + 0.4 * X[:, 4]
    y = (rng.uniform(size=n) < 1 / (1 + np.exp(-logit))).astype(int)
    mean = X.mean(axis=0)
    sd = X.std(axis=0)
    Z = (X - mean) / sd
    fits = []
    for lam in [1.0, 0.1, 10.0]:
        model = LogisticRegression(C=1.0 / lam, l1_ratio=0, solver="lbfgs", tol=1e-12, max_iter=10000).fit(Z, y)
        fits.append({"lambda": lam, "intercept": float(model.intercept_[0]), "coefficients": [float(c) for c in model.coef_[0]]})
    return {"X": X.tolist(), "y": y.tolist(), "means": mean.tolist(), "sds": sd.tolist(), "fits": fits}


def main():
    out = {
        "versions": {"lifelines": lifelines.__version__, "statsmodels": statsmodels.__version__, "scikit-learn": sklearn.__version__},
        "kaplanMeier": [{"name": name, "durations": d, "events": e, **km(d, e)} for name, d, e in KM_SETS],
        "wilson": [{"x": x, "n": n, "low": float(lo), "high": float(hi)} for x, n in WILSON_SETS for lo, hi in [proportion_confint(x, n, alpha=0.05, method="wilson")]],
        "funnel": funnel(),
        "logistic": logistic(),
    }
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump(out, f, indent=1, sort_keys=True)
        f.write("\n")
    print(f"wrote {os.path.relpath(OUT)}")


if __name__ == "__main__":
    main()
