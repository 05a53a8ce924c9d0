"""BSC209 (warning) an action plan's written status contradicts its dates.

Pilot lesson 2 (tracking): a status set by hand goes stale; the dates say more. An action
plan's status is worked out from its dates (see docs/format.md, `status`): write `completed`
when it is done, and a status only where the dates cannot tell (`cancelled`). Where a status is
written, `check` compares it with the dates as of the build's date (`bscportal check --as-of`,
`bscportal build --as-of`): `done` while a milestone is open or the completion date is still to
come; `planned` or `in-progress` after the end date without completion; any open status with a
completion date already passed; `planned` with a milestone done; a milestone completed in the
future.

FAIL::

    - id: A07
      start: 2008-11-01
      end: 2010-03-31
      status: in-progress      # as of 2010-06-30: the end date has passed
      milestones:
        - {name: 第二轮轮训和测试, due: 2010-03-31}

PASS: `completed: 2010-03-28` on the plan (and on its milestone), or `status: delayed`, or no
`status` at all (shown as 延期 from the dates and listed on the 督办 page).
"""
from __future__ import annotations

from typing import Iterator

from ..model.vocab import ACTION_STATUS
from ..i18n import tr
from ..problems import Problem, Severity
from ..scoring.tracking import status_conflicts
from . import Context
from ._util import at

CODE = "BSC209"
NAME = "action-status-contradicts-dates"
SEVERITY = Severity.WARNING


def check(ctx: Context) -> Iterator[Problem]:
    for unit in ctx.units():
        for a in unit.actions:
            for c in status_conflicts(a, ctx.as_of):
                yield at(ctx, a, c.field, code=CODE, unit=unit, severity=SEVERITY,
                         message=tr("行动方案 {id}（{name}）写的状态是“{written}”，但截至 {date} {reason}："
                                    "按日期应为“{derived}”。请写实际完成日期 completed，或改正状态"
                                    "（一般不必写 status，按日期推算）",
                                    id=a.id, name=a.name, written=ACTION_STATUS.label(c.written),
                                    date=ctx.as_of.isoformat(), reason=c.reason,
                                    derived=ACTION_STATUS.label(c.derived)))
