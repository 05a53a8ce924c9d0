"""The home page: the city's rollout at a glance, benchmark units, latest articles and period."""
from __future__ import annotations

from typing import Iterable

from ..context import SiteContext
from . import Output, page

KIND = "home"
#: how many articles the home page lists
LATEST_ARTICLES = 5


def stage_counts(site: SiteContext) -> list[dict]:
    """Units per rollout stage, in stage order, with the share for a bar."""
    total = len(site.units) or 1
    out = []
    for s in site.city.info.stages:
        n = sum(1 for u in site.units if u.entry.stage == s.id)
        out.append({"stage": s, "count": n, "pct": round(100 * n / total, 1)})
    return out


def latest_period(site: SiteContext) -> dict | None:
    """The latest city-wide assessment: the newest annual period with results this edition
    shows (a half-year period that one unit runs is not the city's latest assessment), and the
    units that have them. Falls back to the newest period of any kind."""
    seen: dict[str, tuple[object, list]] = {}
    for u in site.units:
        for period in u.assessed_periods:
            if site.scores.score(u.id, period.id) is None:
                continue
            entry = seen.setdefault(period.id, (period, []))
            entry[1].append(u)
    if not seen:
        return None
    annual = [v for v in seen.values() if getattr(v[0], "kind", "") == "year"]
    pool = annual or list(seen.values())
    period, units = max(pool, key=lambda v: (v[0].end, len(v[1]), v[0].id))
    return {"period": period, "units": units}


def outputs(site: SiteContext) -> Iterable[Output]:
    benchmarks = [{"unit": u, "latest": site.scores.latest(u.id),
                   "stage": site.stage_names.get(u.entry.stage, u.entry.stage),
                   "kind": site.kind_names.get(u.entry.kind, u.entry.kind)}
                  for u in site.units if u.entry.benchmark]
    yield page("home.md.j2", "index.md",
               site=site, city=site.city, stages=stage_counts(site), benchmarks=benchmarks,
               articles=list(site.articles[:LATEST_ARTICLES]), latest=latest_period(site),
               total=len(site.units), with_system=sum(1 for u in site.units if u.has_system))
