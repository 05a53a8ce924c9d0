"""Tracking (督办, pilot lesson 2): what is overdue as of a date, and the status of an action plan
as its dates say. Pure functions of a unit and the as-of date (the build's date, or
`bscportal build --as-of`).

An action plan's status, from its dates where they tell (`action_status`):

- `cancelled` only when written so (dates cannot tell);
- `done` with an actual completion date on or before the as-of date, or when written `done`
  without one;
- `delayed` once its end date has passed without completion, or when written so;
- `planned` before its start date, otherwise `in-progress`.

Overdue items (`overdue`), each with how many days late it is on the as-of date:

- an action plan not done or cancelled whose end date has passed;
- a milestone not done (no `done: true`, no completion date) whose due date has passed, in a
  plan that is not cancelled;
- a measure's value not reported for a closed period whose due date has passed: an assessed
  measure without a value (no results file at all, or null / absent in it) and a monitoring
  measure reported as null (`scoring.reporting.missing_values`).

Each names its tracker: the milestone's, else the plan's `tracker`, else its `owner`; a
measure's `tracker`, else its `owner`.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..i18n import tr
from ..model import ActionPlan, Measure, Milestone, Period, Unit
from ..model.vocab import ActionStatus, TrackingKind
from .reporting import expected, missing_values


def action_status(a: ActionPlan, on: dt.date) -> ActionStatus:
    """The plan's status as of `on`, from its dates where they tell (module docstring)."""
    if a.status == "cancelled":
        return "cancelled"
    if a.completed is not None and a.completed <= on:
        return "done"
    if a.completed is None and a.status == "done":
        return "done"
    if a.end < on or a.status == "delayed":
        return "delayed"
    if on < a.start:
        return "planned"
    return "in-progress"


@dataclass(frozen=True)
class StatusConflict:
    """A written status that the dates contradict, and why."""

    action: ActionPlan
    written: ActionStatus
    derived: ActionStatus
    reason: str
    #: the field the reason is about (for the problem's position)
    field: str = "status"


def status_conflicts(a: ActionPlan, on: dt.date) -> tuple[StatusConflict, ...]:
    """What in the plan's written status (and its milestones) the dates contradict."""
    written = a.status
    out: list[StatusConflict] = []
    derived = action_status(a, on)
    open_ms = [m for m in a.milestones if not m.finished]
    if written == "done":
        if a.completed is not None and a.completed > on:
            out.append(StatusConflict(a, written, derived, tr("实际完成日期 {date} 还没到", date=a.completed.isoformat()),
                                      "completed"))
        if open_ms:
            out.append(StatusConflict(a, written, derived, tr("里程碑“{name}”还没有完成", name=open_ms[0].name)))
    elif written in ("planned", "in-progress", "delayed") and a.completed is not None and a.completed <= on:
        out.append(StatusConflict(a, written, "done", tr("已写实际完成日期 {date}", date=a.completed.isoformat())))
    elif written in ("planned", "in-progress") and a.end < on:
        out.append(StatusConflict(a, written, "delayed", tr("结束日期 {date} 已过，还没有实际完成日期", date=a.end.isoformat())))
    elif written == "planned" and any(m.finished for m in a.milestones):
        out.append(StatusConflict(a, written, derived, tr("已有完成的里程碑")))
    for m in a.milestones:
        if m.completed is not None and m.completed > on:
            out.append(StatusConflict(a, written or derived, derived,
                                      tr("里程碑“{name}”的实际完成日期 {date} 还没到", name=m.name,
                                         date=m.completed.isoformat()), "milestones"))
    return tuple(out)


@dataclass(frozen=True)
class OverdueItem:
    """One overdue thing of a unit as of the as-of date."""

    kind: TrackingKind
    unit_id: str
    #: the plan, milestone (its plan's id), or measure id
    ref: str
    name: str
    #: when it was due: the plan's end, the milestone's due date, the period's due date
    due: dt.date
    #: days past `due` on the as-of date (at least 1)
    days: int
    #: post or department id that follows it up (None: nobody named)
    tracker: str | None
    #: True when no tracker is named and the owner stands in
    tracker_is_owner: bool = False
    #: the plan a milestone belongs to
    action: ActionPlan | None = None
    milestone: Milestone | None = None
    measure: Measure | None = None
    #: the period a late value belongs to
    period: Period | None = None
    #: True when the assessed measure is in the period's scale (a monitoring one otherwise)
    assessed: bool = False
    #: True when the unit sent no results for the period at all
    unreported: bool = False
    #: the reason written beside a null value
    note: str | None = None


def _who(tracker: str | None, owner: str | None) -> tuple[str | None, bool]:
    return (tracker, False) if tracker is not None else (owner, owner is not None)


def overdue_actions(unit: Unit, on: dt.date) -> list[OverdueItem]:
    out = []
    for a in unit.actions:
        status = action_status(a, on)
        if status in ("done", "cancelled"):
            continue
        if a.end < on:
            who, by_owner = _who(a.tracker, a.owner)
            out.append(OverdueItem("action", unit.id, a.id, a.name, a.end, (on - a.end).days, who, by_owner,
                                   action=a))
        for m in a.milestones:
            if not m.finished and m.due < on:
                who, by_owner = _who(m.tracker or a.tracker, a.owner)
                out.append(OverdueItem("milestone", unit.id, a.id, m.name, m.due, (on - m.due).days, who,
                                       by_owner, action=a, milestone=m))
    return out


def closed(period: Period, on: dt.date) -> bool:
    """The period has ended and its due date for results has passed."""
    return period.due is not None and period.end < on and period.due < on


def late_values(unit: Unit, on: dt.date) -> list[OverdueItem]:
    """Values still missing for every closed period the unit must report."""
    out = []
    for period in unit.periods:
        if not closed(period, on) or not expected(unit, period.id):
            continue
        assert period.due is not None
        days = (on - period.due).days
        if period.id in unit.results:
            lines = [(v.measure, v.assessed, v.note) for v in missing_values(unit, period.id)]
            unreported = False
        else:
            scale = unit.scales[period.id]
            lines = [(unit.measure_index[i.measure], True, None) for i in scale.items
                     if i.measure in unit.measure_index]
            unreported = True
        for measure, assessed, note in lines:
            who, by_owner = _who(measure.tracker, measure.owner)
            out.append(OverdueItem("value", unit.id, measure.id, measure.name, period.due, days, who, by_owner,
                                   measure=measure, period=period, assessed=assessed,
                                   unreported=unreported, note=note))
    return out


def overdue(unit: Unit, on: dt.date) -> tuple[OverdueItem, ...]:
    """Every overdue item of the unit as of `on`: longest overdue first, then by kind and name."""
    order = {"action": 0, "milestone": 1, "value": 2}
    items = overdue_actions(unit, on) + late_values(unit, on)
    return tuple(sorted(items, key=lambda i: (-i.days, order[i.kind], i.ref, i.name)))
