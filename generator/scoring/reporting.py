"""Who has reported a period's values (报送情况): one status per unit and period, pure.

A unit is expected to report a period when it has an assessment scale for it. Its status:

- `on-time`: the results file exists and its `reported` date is not after the period's `due`
  date (or the period has no due date);
- `reported`: the results file exists, without a reporting date (on time or not is unknown);
- `late`: reported after the due date;
- `overdue`: no results file and the due date has passed;
- `pending`: no results file yet, the due date not reached (or none set).

"Today" is the build's date: `SOURCE_DATE_EPOCH` when set (reproducible builds, tests), else
the machine's date.
"""
from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass

from ..model import Actual, Measure, Period, Unit
from ..model.vocab import ReportStatus


def today() -> dt.date:
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date()
    return dt.date.today()


def expected(unit: Unit, period_id: str) -> bool:
    """True when the unit must report the period (it has a scale for it)."""
    return period_id in unit.scales and period_id in unit.period_index


def status(unit: Unit, period: Period, on: dt.date) -> ReportStatus:
    results = unit.results.get(period.id)
    if results is not None:
        if period.due is None:
            return "on-time" if results.reported is not None else "reported"
        if results.reported is None:
            return "reported"
        return "late" if results.reported > period.due else "on-time"
    if period.due is not None and period.due < on:
        return "overdue"
    return "pending"


@dataclass(frozen=True)
class MissingValue:
    """A measure without a value in a reported period, and the reason given (if any)."""

    measure: Measure
    assessed: bool
    note: str | None


def missing_values(unit: Unit, period_id: str) -> tuple[MissingValue, ...]:
    """Assessed measures without a value (absent or null), and monitoring measures reported
    as null; with their notes."""
    results = unit.results.get(period_id)
    scale = unit.scales.get(period_id)
    if results is None or scale is None:
        return ()
    assessed = [i.measure for i in scale.items]
    out = []
    for m in unit.all_measures:
        raw = results.actuals.get(m.id)
        value = raw.value if isinstance(raw, Actual) else raw
        note = raw.note if isinstance(raw, Actual) else None
        is_assessed = m.id in assessed
        if value is None and (is_assessed or m.id in results.actuals):
            out.append(MissingValue(m, is_assessed, note))
    return tuple(sorted(out, key=lambda v: (not v.assessed, assessed.index(v.measure.id) if v.assessed else 0)))
