"""One synthetic unit's people (`people/<id>.yml`): posts held and personal scorecards."""
from __future__ import annotations

from typing import Any

from .corpus import Profile
from .draw import Draw
from .strategy import Plan

SHARES = {2: ((0.6, 0.4), (0.7, 0.3), (0.5, 0.5), (0.8, 0.2)), 3: ((0.5, 0.3, 0.2), (0.4, 0.4, 0.2))}


def personal_measure(d: Draw, mid: str, post: str, weight: int, plan: Plan) -> dict[str, Any]:
    m: dict[str, Any] = {"id": mid, "name": d.pick(d.pools.measures), "post": post,
                         "supports": d.pick(list(plan.objectives))}
    kind = d.rng.choices(("percent", "count", "done"), (55, 35, 10))[0]
    if kind == "done":
        m.update({"unit": "是/否", "target": 1, "weight": weight, "rule": "done"})
    elif kind == "percent":
        m.update({"unit": "%", "target": d.pick((80, 85, 90, 95, 98, 100)), "weight": weight,
                  "rule": "ratio", "cap": 100})
    else:
        m.update({"unit": d.pick(("件", "次", "人", "户")), "target": d.rng.randint(5, 60),
                  "weight": weight, "rule": "ratio", "cap": d.pick((100, 110))})
    return m


def people_files(d: Draw, prof: Profile, plan: Plan) -> dict[str, dict[str, Any]]:
    """person id → the person's file; every post is held by someone when there are enough people."""
    posts = list(plan.posts)
    d.rng.shuffle(posts)
    n = min(d.jitter(prof.people, 3), len(posts))
    held: list[list[str]] = [[p] for p in posts[:n]]
    for post in posts[n:]:
        candidates = [h for h in held if len(h) < 3]
        if candidates:
            d.pick(candidates).append(post)
    taken: set[str] = set()
    out: dict[str, dict[str, Any]] = {}
    for mine in held:
        pid, name = d.person(taken)
        person: dict[str, Any] = {"id": pid, "name": name,
                                  "title": "、".join(plan.posts[p] for p in mine)}
        if len(mine) == 1:
            person["posts"] = [{"post": mine[0]}]
        else:
            shares = d.pick(SHARES[len(mine)])
            person["posts"] = [{"post": p, "share": s} for p, s in zip(mine, shares)]
        measures: list[dict[str, Any]] = []
        for post in mine:
            for w in d.weights(d.rng.randint(1, 3)):
                measures.append(personal_measure(d, f"{pid}-{len(measures) + 1}", post, w, plan))
        person["measures"] = measures
        if d.chance(0.2):
            person["note"] = d.text(d.rng.randint(30, 70))
        out[pid] = person
    return out
