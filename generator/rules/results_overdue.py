"""BSC208 a closed period whose due date for results has passed, and no results file.

A period in the rules may carry `due`, the date by which units report their values (the
reporting form). Once the period has ended and that date has passed, every unit with an
assessment scale for the period should have its results file; a missing one is a unit that has
not reported (or whose form was not imported yet). Periods without `due` are not judged.

FAIL::

    # rules.yml (today is after 2010-01-20)
    periods:
      - id: 2009
        end: 2009-12-31
        due: 2010-01-20
    # assessment/2009.yml exists, results/2009.yml does not

PASS: import the unit's filled-in form (`bscportal import xlsx`), or write `results/2009.yml`.
"""
from __future__ import annotations

from typing import Iterator

from ..i18n import tr
from ..problems import Problem, Severity
from ..scoring.reporting import expected
from . import Context
from ._util import at

CODE = "BSC208"
NAME = "results-overdue"
SEVERITY = Severity.WARNING


def check(ctx: Context) -> Iterator[Problem]:
    on = ctx.as_of
    for unit in ctx.units():
        for period in unit.periods:
            due = period.due
            if due is None or not (period.end < on and due < on) or period.id in unit.results:
                continue
            if expected(unit, period.id):
                yield at(ctx, period, "due", code=CODE, unit=unit, severity=SEVERITY,
                         message=tr("{unit} 的 {period} 已过报送截止日期 {due}，还没有考核结果 "
                                    "results/{id}.yml：请催报，收到填报表后用 bscportal import xlsx 导入",
                                    unit=unit.name, period=period.name, due=due.isoformat(), id=period.id))
