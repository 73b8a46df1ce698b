"""
Reference values for reweave's k-anonymity figures (src/analytics/privacy), written to
test/fixtures/reference/k-anonymity.json, in plain Python (no packages) from the definitions:

  classes      residents with equal quasi-identifiers form a class (Sweeney 2002, IJUFKS 10(5));
               the six quasi-identifiers are building (within its housing area), Party member,
               household registration, building head, cultivation stage and the set of skills.
  levels       each quasi-identifier read at a level of its generalisation hierarchy (Samarati 2001):
               building 0 area/building, 1 area, 2 housing type, 3 dropped; skills 0 the list as stored (order included), 1 any
               or none, 2 dropped; the others 0 the value, 1 dropped. None is a value of its own.
  figures      classes, smallest class, residents alone, residents (and share) in classes below k.
  greedy       from level 0, raise the one attribute whose next level leaves the fewest residents
               below k (ties: more classes, then the attribute order above) until none is below k.

The records are drawn from a fixed linear congruential generator (no `random`, so the stream does not
depend on the Python version) and written into the fixture for the unit test to read back.

Run: python3 scripts/reference/k_anonymity.py (deterministic output)
"""
import json
import os

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "test", "fixtures", "reference", "k-anonymity.json")
ATTRIBUTES = ["building", "partyMember", "householdRegistered", "buildingHead", "stage", "skills"]
TOPS = {"building": 3, "partyMember": 1, "householdRegistered": 1, "buildingHead": 1, "stage": 1, "skills": 2}


class Lcg:
    """Numerical Recipes' 32-bit LCG: reproducible everywhere."""

    def __init__(self, seed):
        self.state = seed

    def below(self, n):
        self.state = (1664525 * self.state + 1013904223) % 2**32
        return (self.state >> 8) % n


def records(seed, n):
    g = Lcg(seed)
    areas = [("A", "COMMERCIAL"), ("B", "COMMERCIAL"), ("C", "URBAN_VILLAGE"), ("D", None)]
    stages = ["UNIDENTIFIED", "GOOD_PERSON", "CAPABLE", None]
    skill_pool = ["cooking", "repair", "law", "music"]
    out = []
    for _ in range(n):
        area, kind = areas[g.below(len(areas))]
        building = None if g.below(10) == 0 else str(1 + g.below(3))
        flag = lambda: [True, False, None][g.below(3)] if g.below(5) == 0 else bool(g.below(2))
        skills = [s for s in skill_pool if g.below(4) == 0]
        if len(skills) > 1 and g.below(3) == 0:
            skills = skills[::-1]  # the same skills in another order read differently
        out.append({
            "housingArea": area, "housingType": kind, "building": building,
            "partyMember": flag(), "householdRegistered": flag(), "buildingHead": flag(),
            "stage": stages[g.below(len(stages))], "skills": skills,
        })
    return out


def show(v):
    if v is None:
        return "\u2205"
    if isinstance(v, bool):
        return "true" if v else "false"
    return v


def value(r, attribute, level):
    if level == TOPS[attribute]:
        return ""
    if attribute == "building":
        return [show(r["housingArea"]) + "/" + show(r["building"]), show(r["housingArea"]), show(r["housingType"])][level]
    if attribute == "skills":
        return "|".join(r["skills"]) if level == 0 else show(len(r["skills"]) > 0)
    return show(r[attribute])


def figures(rs, k, levels):
    sizes = {}
    for r in rs:
        key = tuple(value(r, a, levels[a]) for a in ATTRIBUTES)
        sizes[key] = sizes.get(key, 0) + 1
    counts = list(sizes.values())
    below = sum(c for c in counts if c < k)
    return {
        "residents": len(rs), "classes": len(counts), "smallest": min(counts) if counts else 0,
        "unique": sum(1 for c in counts if c == 1), "k": k, "belowK": below,
        "belowKShare": below / len(rs) if rs else 0,
    }


def greedy(rs, k):
    levels = {a: 0 for a in ATTRIBUTES}
    f = figures(rs, k, levels)
    steps = [{"raised": None, "levels": dict(levels), "figures": f}]
    while f["belowK"] > 0:
        best = None
        for a in ATTRIBUTES:
            if levels[a] == TOPS[a]:
                continue
            nxt = dict(levels)
            nxt[a] += 1
            g = figures(rs, k, nxt)
            if best is None or g["belowK"] < best[2]["belowK"] or (g["belowK"] == best[2]["belowK"] and g["classes"] > best[2]["classes"]):
                best = (a, nxt, g)
        if best is None:
            break
        levels, f = best[1], best[2]
        steps.append({"raised": best[0], "levels": dict(levels), "figures": f})
    return {"steps": steps, "reached": f["belowK"] == 0}


def main():
    finest = {a: 0 for a in ATTRIBUTES}
    sets = []
    for name, seed, n in [("small", 7, 40), ("medium", 11, 300), ("tiny", 3, 4)]:
        rs = records(seed, n)
        fixed = []
        for levels in [finest, dict(finest, building=1), dict(finest, building=2, skills=1), dict(finest, stage=1, skills=2, buildingHead=1)]:
            for k in (1, 2, 5):
                fixed.append({"levels": levels, "k": k, "figures": figures(rs, k, levels)})
        sets.append({"name": name, "records": rs, "fixed": fixed, "greedy": {str(k): greedy(rs, k) for k in (2, 3, 5)}})
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump({"sets": sets}, f, ensure_ascii=False, separators=(",", ":"))
        f.write("\n")


if __name__ == "__main__":
    main()
