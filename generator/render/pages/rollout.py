"""Rollout progress over time: units per stage at the end of each year, from the registry."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterable

from ...model import RegistryEntry, Unit
from .. import paths
from ..context import SiteContext
from ..output import Output, page

KIND = "rollout"


@dataclass(frozen=True)
class YearRow:
    year: int
    #: stage id → units in that stage at the end of the year
    counts: dict[str, int]
    joined: int
    #: stage id → share of all units, in percent
    pct: dict[str, float]


@dataclass(frozen=True)
class StageEvent:
    date: dt.date
    unit: Unit
    #: the stage's name
    stage: str
    note: str | None


def stage_on(entry: RegistryEntry, day: dt.date) -> str | None:
    """The unit's stage on a day (None before it joined the rollout)."""
    current = None
    for step in entry.rollout:
        if step.since <= day:
            current = step.stage
    return current


def progress(site: SiteContext) -> list[YearRow]:
    steps = [s.since for u in site.units for s in u.entry.rollout]
    if not steps:
        return []
    total = len(site.units) or 1
    rows = []
    for y in range(min(steps).year, max(steps).year + 1):
        day = dt.date(y, 12, 31)
        counts = {s.id: 0 for s in site.city.info.stages}
        for u in site.units:
            st = stage_on(u.entry, day)
            if st in counts:
                counts[st] += 1
        rows.append(YearRow(y, counts, sum(counts.values()),
                            {k: round(100 * v / total, 1) for k, v in counts.items()}))
    return rows


def events(site: SiteContext) -> list[StageEvent]:
    """Every stage change, newest first."""
    out = [StageEvent(s.since, u, site.stage_names.get(s.stage, s.stage), s.note)
           for u in site.units for s in u.entry.rollout]
    out.sort(key=lambda e: (e.date, e.unit.id), reverse=True)
    return out


def outputs(site: SiteContext) -> Iterable[Output]:
    yield page("rollout.md.j2", paths.ROLLOUT, site=site, stages=site.city.info.stages,
               rows=progress(site), events=events(site), total=len(site.units))
