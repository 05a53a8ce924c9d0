"""The home page: the city's rollout at a glance, benchmark units, latest articles and period."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from ...model import Period, Stage, Unit
from .. import paths
from ..context import SiteContext
from ..resultrows import PeriodResult
from ..output import Output, page
from ..reporting import open_period, period_reports, shows_reporting
from ..tracking import tracking_report

KIND = "home"
#: how many articles the home page lists
LATEST_ARTICLES = 5


@dataclass(frozen=True)
class StageCount:
    stage: Stage
    count: int
    #: share of all units, in percent
    pct: float


@dataclass(frozen=True)
class Benchmark:
    unit: Unit
    latest: PeriodResult | None
    stage: str
    kind: str


@dataclass(frozen=True)
class LatestPeriod:
    period: Period
    #: the units with a result for it
    units: tuple[Unit, ...]


def stage_counts(site: SiteContext) -> list[StageCount]:
    """Units per rollout stage, in stage order, with the share for a bar."""
    total = len(site.units) or 1
    out = []
    for s in site.city.info.stages:
        n = sum(1 for u in site.units if u.entry.stage == s.id)
        out.append(StageCount(s, n, round(100 * n / total, 1)))
    return out


def latest_period(site: SiteContext) -> LatestPeriod | None:
    """The latest city-wide assessment: the newest annual period with results this edition
    shows (a half-year period that one unit runs is not the city's latest assessment), and the
    units that have them. Falls back to the newest period of any kind."""
    seen: dict[str, tuple[Period, list[Unit]]] = {}
    for u in site.units:
        for pr in site.scores.results(u):
            seen.setdefault(pr.period.id, (pr.period, []))[1].append(u)
    if not seen:
        return None
    annual = [v for v in seen.values() if v[0].kind == "year"]
    period, units = max(annual or list(seen.values()), key=lambda v: (v[0].end, len(v[1]), v[0].id))
    return LatestPeriod(period, tuple(units))


def outputs(site: SiteContext) -> Iterable[Output]:
    benchmarks = [Benchmark(u, site.scores.latest(u.id), site.stage_names.get(u.entry.stage, u.entry.stage),
                            site.kind_names.get(u.entry.kind, u.entry.kind))
                  for u in site.units if u.entry.benchmark]
    yield page("home.md.j2", paths.HOME,
               site=site, city=site.city, stages=stage_counts(site), benchmarks=benchmarks,
               articles=list(site.articles[:LATEST_ARTICLES]), latest=latest_period(site),
               total=len(site.units), with_system=sum(1 for u in site.units if u.has_system),
               reporting=open_period(period_reports(site.ev, site.as_of)) if shows_reporting(site.ev) else None,
               tracking=tracking_report(site.ev, site.as_of))
