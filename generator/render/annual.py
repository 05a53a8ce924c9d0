"""The city's annual assessments: every unit's result for an annual period, ranked.

Used by the ranking page, the dual-track page and the city-wide downloads. Ranks are
competition ranks on the total as shown (`scoring.ranking`); "类别内名次" ranks among units of
the same kind. Without the ranking (a public edition with `publish_ranking: false`) entries
keep registry order.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..i18n import tr
from ..model import Period
from ..scoring.ranking import Ranked, rank
from .context import SiteContext
from .resultrows import PeriodResult


@dataclass(frozen=True)
class CityEntry:
    """One unit's result in a city-wide annual table."""

    ranked: Ranked[PeriodResult]
    #: the unit kind's name
    kind: str

    @property
    def result(self) -> PeriodResult:
        return self.ranked.item

    @property
    def rank(self) -> int:
        return self.ranked.rank

    @property
    def kind_rank(self) -> int:
        return self.ranked.group_rank


@dataclass(frozen=True)
class AnnualPeriod:
    period: Period
    entries: tuple[CityEntry, ...]

    @property
    def id(self) -> str:
        return self.period.id

    @property
    def name(self) -> str:
        return tr("{year}年度", year=self.period.year)

    @property
    def simulated(self) -> bool:
        return all(e.result.period.track == "simulated" for e in self.entries)

    def grade_counts(self) -> list[tuple[str, int]]:
        """(grade as shown, number of units) in order of first appearance."""
        counts: dict[str, int] = {}
        for e in self.entries:
            counts[e.result.grade] = counts.get(e.result.grade, 0) + 1
        return list(counts.items())


def annual_periods(site: SiteContext) -> list[AnnualPeriod]:
    """Every annual period some unit has a result for, oldest first, with ranked entries."""
    by_id: dict[str, list[PeriodResult]] = {}
    periods: dict[str, Period] = {}
    for unit in site.units:
        for pr in site.scores.results(unit):
            if pr.period.kind != "year":
                continue
            by_id.setdefault(pr.period.id, []).append(pr)
            periods.setdefault(pr.period.id, pr.period)
    order = {u.id: i for i, u in enumerate(site.units)}
    out = []
    for pid in sorted(by_id, key=lambda p: (periods[p].end, periods[p].start, p)):
        ranked = rank(by_id[pid], total=lambda pr: pr.score.total, group=lambda pr: pr.unit.entry.kind)
        entries = [CityEntry(r, site.kind_names.get(r.item.unit.entry.kind, r.item.unit.entry.kind))
                   for r in ranked]
        if site.ev.show_ranking:
            entries.sort(key=lambda e: (e.rank, order.get(e.result.unit.id, 0)))
        else:
            entries.sort(key=lambda e: order.get(e.result.unit.id, 0))
        out.append(AnnualPeriod(periods[pid], tuple(entries)))
    return out
