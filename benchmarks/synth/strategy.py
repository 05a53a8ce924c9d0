"""One synthetic unit's strategy files: unit.yml, map.yml, measures.yml, departments.yml,
posts.yml and actions.yml (as data to be written as YAML), sized after a benchmark unit."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from .corpus import Profile
from .draw import Draw

DEFAULT_PERSPECTIVES = ("stakeholder", "public", "process", "learning")
OWN_PERSPECTIVES = (("social", "社会满意"), ("clients", "服务对象与群众"), ("work", "重点工作"),
                    ("team", "队伍建设"))
LETTERS = ("S", "C", "P", "L")
CAPITALS = ("human", "information", "organisation")
UNITS = {"percent": ("%",), "number": ("件", "人", "万元", "个", "次", "所", "户", "公里", "天", "项"),
         "yesno": ("是/否",), "rating": ("分",)}
YEARS = (2007, 2008, 2009, 2010)


@dataclass
class Plan:
    """The ids one unit's files refer to each other by."""

    cadence: str                      # "quarter" or "half"
    sub_periods: list[str]            # e.g. 2008-q1 … (sub-year periods that have targets)
    perspectives: list[str] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)
    objectives: dict[str, str] = field(default_factory=dict)        # id → perspective
    lead_posts: list[str] = field(default_factory=list)
    posts: dict[str, str] = field(default_factory=dict)             # id → name
    departments: dict[str, str] = field(default_factory=dict)       # id → name
    heads: dict[str, str] = field(default_factory=dict)             # department id → head post
    measures: list[dict[str, Any]] = field(default_factory=list)    # unit card and sub-cards


def unit_file(d: Draw, uid: str, name: str, prof: Profile, plan: Plan) -> dict[str, Any]:
    themes = []
    for i, theme in enumerate(d.names(d.pools.themes, d.jitter(prof.themes, 3, 0.2)), 1):
        tid = f"T{i}"
        plan.themes.append(tid)
        themes.append({"id": tid, "name": theme, "description": d.text(d.rng.randint(25, 50)),
                       "aligns_to": sorted(d.sample(("C1", "C2", "C3", "C4"), d.rng.randint(1, 2)))})
    out: dict[str, Any] = {
        "id": uid, "mission": d.text(d.jitter(50, 20)), "vision": d.text(d.jitter(65, 20)),
        "values": d.names(d.pools.values, d.rng.randint(4, 6)),
        "summary": name + d.text(d.jitter(prof.summary_chars, 60)), "themes": themes}
    if prof.own_perspectives and d.chance(0.5):
        plan.perspectives = [p for p, _ in OWN_PERSPECTIVES]
        out["perspectives"] = [{"id": p, "name": n, "description": d.text(d.rng.randint(15, 35)),
                                **({"learning": True} if p == "team" else {})} for p, n in OWN_PERSPECTIVES]
    else:
        plan.perspectives = list(DEFAULT_PERSPECTIVES)
    if d.chance(0.5):
        out["updated_note"] = d.text(d.rng.randint(40, 90))
    return out


def posts_file(d: Draw, prof: Profile, plan: Plan, depts: int) -> dict[str, Any]:
    """Leadership posts, then one or two posts per department (their heads first)."""
    dept_posts = round(depts * 1.5)
    posts = []
    for i, name in enumerate(d.names(d.pools.posts, d.jitter(prof.posts - dept_posts, 4)), 1):
        pid = f"lead-{i}"
        plan.lead_posts.append(pid)
        plan.posts[pid] = name
        posts.append({"id": pid, "name": name, "difficulty": d.pick("AABBBC"),
                      **({"duties": d.text(d.rng.randint(15, 35))} if d.chance(0.6) else {})})
    for dept, dept_name in zip([f"dept-{k}" for k in range(1, depts + 1)], d.names(d.pools.departments, depts)):
        plan.departments[dept] = dept_name
        roles = ["负责人"] + (["干事"] if d.chance(0.5) else [])
        for j, role in enumerate(roles, 1):
            pid = f"{dept}-{j}"
            plan.posts[pid] = f"{dept_name}{role}"
            if j == 1:
                plan.heads[dept] = pid
            posts.append({"id": pid, "name": f"{dept_name}{role}", "department": dept,
                          "difficulty": d.pick("ABBC")})
    return {"posts": posts}


def _series(d: Draw, data_type: str, polarity: str) -> tuple[float, float]:
    """(baseline, yearly step) of a measure's targets."""
    if data_type == "percent":
        return (round(d.rng.uniform(40, 90), 1), d.rng.choice((1, 2, 3, 5))) if polarity == "up" else \
            (round(d.rng.uniform(2, 15), 1), -d.rng.choice((0.2, 0.5, 1)))
    if data_type == "rating":
        return round(d.rng.uniform(75, 85)), 2
    base = round(10 ** d.rng.uniform(0.7, 3.3))
    step = max(1, round(base * d.rng.uniform(0.03, 0.12)))
    return (base, step) if polarity == "up" else (base, -min(step, base // 5 or 1))


def _targets(d: Draw, m: dict[str, Any], plan: Plan) -> dict[str, Any]:
    dtype, pol = m["data_type"], m["polarity"]
    years = YEARS[d.rng.randint(0, 1):]
    if dtype == "yesno":
        return {str(y): 1 for y in years}
    if pol == "range":
        low = d.rng.randint(30, 45)
        return {str(y): {"min": low - i, "max": low + 8 - i} for i, y in enumerate(years)}
    if pol == "down" and dtype == "number" and d.chance(0.25):
        return {str(y): 0 for y in years}           # accidents, cases: bands, not ratio
    base, step = _series(d, dtype, pol)
    m["baseline"] = {"period": "2006", "value": base} if d.chance(0.5) else None
    out: dict[str, Any] = {}
    for i, y in enumerate(years, 1):
        value = round(base + step * i, 1)
        value = min(value, 100) if dtype in ("percent", "rating") else value
        out[str(y)] = max(value, 0.1) if dtype == "percent" else max(value, 1)
        if m["frequency"] != "yearly":
            for p in (p for p in plan.sub_periods if p.startswith(f"{y}-")):
                if d.chance(0.4):
                    out[p] = round(out[str(y)] * d.rng.uniform(0.45, 0.95), 1)
    return out


def measure(d: Draw, mid: str, name: str, objective: str, outcome: bool, plan: Plan,
            def_chars: int) -> dict[str, Any]:
    dtype = d.rng.choices(("percent", "number", "yesno", "rating"), (60, 32, 5, 3))[0]
    pol = "up" if dtype in ("yesno", "rating") else d.rng.choices(("up", "down", "range"), (80, 16, 4))[0]
    if pol == "range":
        dtype = "number"
    m: dict[str, Any] = {
        "id": mid, "name": name, "objective": objective, "type": "outcome" if outcome else "driver",
        "definition": d.text(d.jitter(def_chars, 10, 0.5)),
        "unit": d.pick(UNITS[dtype]), "data_type": dtype, "polarity": pol,
        "frequency": d.pick(("yearly", "half-yearly" if plan.cadence == "half" else "quarterly")),
    }
    for key, p, chars in (("purpose", 0.15, 30), ("formula", 0.1, 20)):
        if d.chance(p):
            m[key] = d.text(chars)
    m["targets"] = _targets(d, m, plan)     # may set m["baseline"] (None: none)
    if m.get("baseline") is None:
        m.pop("baseline", None)
    if d.chance(0.1):
        m["thresholds"] = {"on_track": 100, "at_risk": d.pick((85, 90, 95))}
    m["source"] = d.pick(d.pools.sources)
    m["owner"] = d.pick(list(plan.posts))
    m["tracker"] = d.pick(list(plan.posts))
    if d.chance(0.12):
        m["notes"] = d.text(d.rng.randint(20, 60))
    if d.chance(0.03):
        m["internal"] = True
    plan.measures.append(m)
    return m


def map_and_measures(d: Draw, prof: Profile, plan: Plan) -> tuple[dict[str, Any], dict[str, Any]]:
    n = d.jitter(prof.objectives, 8)
    shares = (0.18, 0.24, 0.36, 0.22)
    counts = [max(1, round(n * s)) for s in shares]
    names = iter(d.names(d.pools.objectives, sum(counts)))
    objectives: list[dict[str, Any]] = []
    above: list[str] = []
    for level, (persp, letter, count) in enumerate(zip(plan.perspectives, LETTERS, counts)):
        here = []
        for i in range(1, count + 1):
            oid = f"{letter}{i}"
            o: dict[str, Any] = {"id": oid, "name": next(names), "perspective": persp,
                                 "theme": d.pick(plan.themes), "owner": d.pick(plan.lead_posts)}
            if level == 0 and i == 1:
                o["owner"] = plan.lead_posts[0]     # the unit's heads own its top objectives
            if d.chance(0.25):
                o["description"] = d.text(d.rng.randint(20, 50))
            if above:
                o["drives"] = d.sample(above, d.rng.randint(1, 2))
            if level == 3:
                o["capital"] = d.pick(CAPITALS)
            objectives.append(o)
            plan.objectives[oid] = persp
            here.append(oid)
        above = here
    per = max(1, round(d.jitter(prof.measures, 10) / len(objectives)))
    measures: list[dict[str, Any]] = []
    names = iter(d.names(d.pools.measures, len(objectives) * (per + 1)))
    for o in objectives:
        for k in range(1, max(1, per + d.rng.randint(-1, 1)) + 1):
            outcome = o["perspective"] in plan.perspectives[:2] or d.chance(0.2)
            measures.append(measure(d, f"M-{o['id']}-{k}", next(names), o["id"], outcome, plan,
                                    prof.definition_chars))
    maps: list[dict[str, Any]] = [{"id": f"map-{t.lower()}", "name": f"{t}分战略地图", "theme": t}
                                  for t in plan.themes]
    maps += [{"id": f"map-{dep}", "name": f"{name}分战略地图", "department": dep}
             for dep, name in plan.departments.items()]
    if d.chance(0.5):
        chain = [o["id"] for o in objectives[::-1][:: max(1, len(objectives) // 5)]][:5]
        maps.append({"id": "map-chain", "name": "一条因果链", "objectives": chain,
                     "description": d.text(40)})
    return {"objectives": objectives, "maps": maps}, {"measures": measures}


def departments_file(d: Draw, prof: Profile, plan: Plan) -> dict[str, Any]:
    card = list(plan.objectives)
    per_obj = max(1, round(prof.dept_objectives / max(prof.departments, 1)))
    per_meas = max(1, round(prof.dept_measures / max(prof.departments, 1)))
    out = []
    names = iter(d.names(d.pools.objectives, len(plan.departments) * (per_obj + 1)))
    mnames = iter(d.names(d.pools.measures, len(plan.departments) * (per_meas + per_obj + 2)))
    for k, (dep, name) in enumerate(plan.departments.items(), 1):
        objectives: list[dict[str, Any]] = []
        measures: list[dict[str, Any]] = []
        for i in range(1, per_obj + d.rng.randint(0, 1) + 1):
            oid = f"D-{k}-{i}"
            persp = d.pick(plan.perspectives[1:])
            objectives.append({"id": oid, "name": next(names), "perspective": persp,
                               "supports": d.sample(card, d.rng.randint(1, 2)),
                               **({"capital": d.pick(CAPITALS)} if persp == plan.perspectives[-1] else {})})
        for i in range(1, max(len(objectives), per_meas + d.rng.randint(0, 1)) + 1):
            objective = str(objectives[i - 1]["id"] if i <= len(objectives) else d.pick(objectives)["id"])
            measures.append(measure(d, f"M-D{k}-{i}", next(mnames), objective, d.chance(0.3), plan,
                                    prof.definition_chars))
        out.append({"id": dep, "name": name, "description": d.text(d.rng.randint(20, 45)),
                    "head": plan.heads[dep],
                    "objectives": objectives, "measures": measures})
    return {"departments": out}


def actions_file(d: Draw, prof: Profile, plan: Plan) -> dict[str, Any]:
    out = []
    for i, name in enumerate(d.names(d.pools.actions, d.jitter(prof.actions, 3)), 1):
        start = dt.date(d.rng.randint(2007, 2010), d.rng.randint(1, 12), 1)
        end = start + dt.timedelta(days=d.rng.randint(120, 900))
        a: dict[str, Any] = {"id": f"A{i:02d}", "name": name}
        if d.chance(0.8):
            a["description"] = d.text(d.rng.randint(30, 70))
        a.update({"objectives": d.sample(list(plan.objectives), d.rng.randint(1, 2)),
                  "owner": d.pick(list(plan.posts)), "start": start, "end": end,
                  "budget": d.pick((3, 12, 45, 120, 860, 3200))})
        # as the benchmark units write it: a completion date when done; a status only for a
        # delay announced ahead; otherwise the status follows from the dates
        state = d.pick(("planned", "in-progress", "in-progress", "done", "delayed"))
        if state == "done":
            a["completed"] = end - dt.timedelta(days=d.rng.randint(0, 30))
        elif state == "delayed":
            a["status"] = "delayed"
        steps = sorted(start + (end - start) * (j + 1) / 4 for j in range(d.rng.randint(0, 3)))
        if steps:
            a["milestones"] = [{"name": d.pick(d.pools.milestones), "due": due,
                                **({"done": True} if due < dt.date(2009, 12, 31) else {})} for due in steps]
        if d.chance(0.05):
            a["internal"] = True
        out.append(a)
    return {"actions": out}
