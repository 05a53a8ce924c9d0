"""Rollout progress over time: units per stage at the end of each year, from the registry."""
from __future__ import annotations

import datetime as dt
from typing import Iterable

from ..context import SiteContext
from . import Output, page

KIND = "rollout"


def stage_on(entry, day: dt.date) -> str | None:
    """The unit's stage on a day (None before it joined the rollout)."""
    current = None
    for step in entry.rollout:
        if step.since <= day:
            current = step.stage
    return current


def progress(site: SiteContext) -> list[dict]:
    steps = [s.since for u in site.units for s in u.entry.rollout]
    if not steps:
        return []
    years = range(min(steps).year, max(steps).year + 1)
    total = len(site.units) or 1
    rows = []
    for y in years:
        day = dt.date(y, 12, 31)
        counts = {s.id: 0 for s in site.city.info.stages}
        for u in site.units:
            st = stage_on(u.entry, day)
            if st in counts:
                counts[st] += 1
        joined = sum(counts.values())
        rows.append({"year": y, "counts": counts, "joined": joined,
                     "pct": {k: round(100 * v / total, 1) for k, v in counts.items()}})
    return rows


def events(site: SiteContext) -> list[dict]:
    """Every stage change, newest first."""
    out = []
    for u in site.units:
        for s in u.entry.rollout:
            out.append({"date": s.since, "unit": u, "stage": site.stage_names.get(s.stage, s.stage),
                        "note": s.note})
    out.sort(key=lambda e: (e["date"], e["unit"].id), reverse=True)
    return out


def outputs(site: SiteContext) -> Iterable[Output]:
    yield page("rollout.md.j2", "city/rollout.md", site=site, stages=site.city.info.stages,
               rows=progress(site), events=events(site), total=len(site.units))
