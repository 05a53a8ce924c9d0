"""Typed rows of the reporting-status pages (报送情况): per period, which units were expected to
report, who reported (on time or late), who is overdue, which measures lack values and why,
and counts per unit kind.

Statuses come from the full city (`EditionView.source`): whether a unit reported is not a
secret, but the missing-value notes are listed only from results the edition shows, so the
public edition (when the city publishes the page at all) never names an unpublished value.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..model import Period, Unit
from ..model.vocab import REPORT_STATUS, ReportStatus
from ..scoring.reporting import MissingValue, expected, missing_values, status
from .edition import EditionView

#: statuses that count as reported
REPORTED: tuple[ReportStatus, ...] = ("on-time", "reported", "late")


@dataclass(frozen=True)
class UnitReport:
    unit: Unit
    kind: str
    period: Period
    status: ReportStatus
    reported: dt.date | None
    #: measures without a value (only where this edition shows the results)
    missing: tuple[MissingValue, ...]

    @property
    def label(self) -> str:
        return REPORT_STATUS.label(self.status)

    @property
    def days_late(self) -> int | None:
        if self.status == "late" and self.reported and self.period.due:
            return (self.reported - self.period.due).days
        return None


@dataclass(frozen=True)
class KindCount:
    kind: str
    expected: int
    reported: int
    late: int
    overdue: int
    pending: int


@dataclass(frozen=True)
class PeriodReport:
    id: str
    name: str
    end: dt.date
    annual: bool
    #: the due dates of the units' periods (usually one)
    dues: tuple[dt.date, ...]
    units: tuple[UnitReport, ...]
    kinds: tuple[KindCount, ...]

    def count(self, *statuses: ReportStatus) -> int:
        return sum(1 for u in self.units if u.status in statuses)

    @property
    def reported(self) -> int:
        return self.count(*REPORTED)

    @property
    def missing(self) -> tuple[UnitReport, ...]:
        return tuple(u for u in self.units if u.missing)


def _kinds(units: list[UnitReport]) -> tuple[KindCount, ...]:
    names: list[str] = []
    for u in units:
        if u.kind not in names:
            names.append(u.kind)
    out = []
    for name in names:
        mine = [u for u in units if u.kind == name]
        out.append(KindCount(name, len(mine), sum(1 for u in mine if u.status in REPORTED),
                             sum(1 for u in mine if u.status == "late"),
                             sum(1 for u in mine if u.status == "overdue"),
                             sum(1 for u in mine if u.status == "pending")))
    return tuple(out)


def period_reports(ev: EditionView, on: dt.date) -> list[PeriodReport]:
    """One report per period id that some unit of the edition must report, newest first."""
    kinds = {k.id: k.name for k in ev.city.info.kinds}
    rows: dict[str, list[UnitReport]] = {}
    periods: dict[str, Period] = {}
    for entry in ev.city.registry.units:
        shown = ev.city.units.get(entry.id)
        if shown is None:
            continue
        full = ev.source.units[entry.id]
        for period in full.periods:
            if not expected(full, period.id):
                continue
            periods.setdefault(period.id, period)
            results = full.results.get(period.id)
            rows.setdefault(period.id, []).append(UnitReport(
                shown, kinds.get(entry.kind, entry.kind), period, status(full, period, on),
                results.reported if results else None,
                missing_values(shown, period.id) if period.id in shown.results else ()))
    out = []
    for pid, units in rows.items():
        p = periods[pid]
        dues = tuple(sorted({u.period.due for u in units if u.period.due is not None}))
        out.append(PeriodReport(pid, p.name, p.end, p.kind == "year", dues, tuple(units), _kinds(units)))
    return sorted(out, key=lambda r: (r.end, r.id), reverse=True)


def open_period(reports: list[PeriodReport]) -> PeriodReport | None:
    """The period whose reporting is current: the newest annual one (a half-year period that
    one unit runs is not the city's round), else the newest of any kind."""
    annual = [r for r in reports if r.annual]
    pool = annual or reports
    return max(pool, key=lambda r: (r.end, len(r.units), r.id)) if pool else None


def shows_reporting(ev: EditionView) -> bool:
    return ev.internal or ev.source.info.settings.publish_reporting
