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
    """The latest assessment period with results this edition shows, and how many units have them."""
    best = None
    for u in site.units:
        latest = site.scores.latest(u.id)
        if latest is None:
            continue
        key = (latest.period.end, latest.period.id)
        if best is None or key > best[0]:
            best = (key, latest.period)
    if best is None:
        return None
    period = best[1]
    units = [u for u in site.units if period.id in u.results]
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
