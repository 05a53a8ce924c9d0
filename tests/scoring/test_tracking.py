"""Tracking (督办): action statuses from dates, contradictions, and what is overdue as of a date.
Days counted by hand in the comments."""
from __future__ import annotations

import datetime as dt

from generator.model import ActionPlan, Actual, Milestone, Period
from generator.scoring.tracking import action_status, closed, overdue, status_conflicts

from .factories import item, make_unit, measure, objective, results, rules, scale

D = dt.date


def plan(**kw) -> ActionPlan:
    data = dict(id="A1", name="劳务服务站", objectives=["o1"], owner="econ", start=D(2009, 1, 1), end=D(2009, 6, 30))
    data.update(kw)
    return ActionPlan(**data)


def test_status_from_dates() -> None:
    a = plan()
    assert action_status(a, D(2008, 12, 31)) == "planned"
    assert action_status(a, D(2009, 3, 1)) == "in-progress"
    assert action_status(a, D(2009, 6, 30)) == "in-progress"      # due today: not yet late
    assert action_status(a, D(2009, 7, 1)) == "delayed"
    done = plan(completed=D(2009, 6, 20))
    assert action_status(done, D(2009, 6, 19)) == "in-progress"   # completion still to come
    assert action_status(done, D(2009, 7, 1)) == "done"
    assert action_status(plan(status="cancelled"), D(2010, 1, 1)) == "cancelled"
    assert action_status(plan(status="done"), D(2010, 1, 1)) == "done"          # written, no date
    assert action_status(plan(status="delayed"), D(2009, 3, 1)) == "delayed"


def test_written_status_contradicting_dates() -> None:
    on = D(2009, 8, 1)
    assert status_conflicts(plan(status="in-progress"), D(2009, 3, 1)) == ()
    [c] = status_conflicts(plan(status="in-progress"), on)
    assert (c.written, c.derived) == ("in-progress", "delayed") and "2009-06-30" in c.reason
    [c] = status_conflicts(plan(status="delayed", completed=D(2009, 7, 10)), on)
    assert c.derived == "done"
    [c] = status_conflicts(plan(status="done", milestones=[Milestone(name="建档", due=D(2009, 5, 1))]), on)
    assert "建档" in c.reason
    [c] = status_conflicts(plan(status="planned", milestones=[Milestone(name="挂牌", due=D(2009, 2, 1), done=True)]),
                           D(2009, 3, 1))
    assert c.reason == "已有完成的里程碑"
    [c] = status_conflicts(plan(milestones=[Milestone(name="挂牌", due=D(2009, 2, 1), completed=D(2009, 9, 1))]), on)
    assert c.field == "milestones"
    assert status_conflicts(plan(), on) == ()                       # nothing written, nothing to contradict


def _unit(actions=(), *, res=None, due=D(2010, 1, 20)):
    periods = [Period(id="2009", name="2009年度", year=2009, start=D(2009, 1, 1), end=D(2009, 12, 31), due=due)]
    ms = [measure("m1", "o1", 100, year="2009", name="群众满意度", owner="office", tracker="clerk"),
          measure("m2", "o1", 50, year="2009", name="办结率", owner="office")]
    return make_unit(measures=ms, objectives=[objective("o1")], actions=actions,
                     own_rules=rules(periods=periods),
                     scales={"2009": scale([item("m1", 60), item("m2", 40)], period="2009")},
                     results={} if res is None else {"2009": res})


def test_overdue_actions_and_milestones() -> None:
    a = plan(tracker="clerk", milestones=[
        Milestone(name="挂牌", due=D(2009, 3, 1), done=True),
        Milestone(name="全部建档", due=D(2009, 5, 31)),
        Milestone(name="验收", due=D(2009, 6, 30), completed=D(2009, 7, 3))])
    unit = _unit([a, plan(id="A2", status="cancelled"), plan(id="A3", completed=D(2009, 6, 1))],
                 res=results({"m1": 84, "m2": 40}, period="2009"))
    items = overdue(unit, D(2009, 7, 15))
    # A1 ended 2009-06-30: 15 days late on 07-15; its milestone 全部建档 due 05-31: 45 days late
    assert [(i.kind, i.ref, i.name, i.days, i.tracker) for i in items] == [
        ("milestone", "A1", "全部建档", 45, "clerk"),
        ("action", "A1", "劳务服务站", 15, "clerk")]
    assert not items[0].tracker_is_owner


def test_owner_stands_in_for_a_missing_tracker() -> None:
    unit = _unit([plan()], res=results({"m1": 84, "m2": 40}, period="2009"))
    [i] = overdue(unit, D(2009, 7, 2))
    assert (i.tracker, i.tracker_is_owner, i.days) == ("econ", True, 2)


def test_late_values_of_a_closed_period() -> None:
    res = results({"m1": Actual(value=None, note="统计局年报未出"), "m2": 48}, period="2009")
    unit = _unit(res=res)
    assert overdue(unit, D(2010, 1, 20)) == ()                      # due today: not late yet
    [i] = overdue(unit, D(2010, 2, 1))
    # due 2010-01-20 → 12 days late on 2010-02-01
    assert (i.kind, i.ref, i.days, i.tracker, i.note, i.assessed, i.unreported) == (
        "value", "m1", 12, "clerk", "统计局年报未出", True, False)


def test_a_period_not_reported_at_all_makes_every_assessed_value_late() -> None:
    unit = _unit()
    items = overdue(unit, D(2010, 3, 1))
    # 2010-01-20 → 2010-03-01: 11 + 28 + 1 = 40 days
    assert [(i.ref, i.days, i.unreported, i.tracker) for i in items] == [("m1", 40, True, "clerk"),
                                                                        ("m2", 40, True, "office")]


def test_closed_needs_a_due_date() -> None:
    p = Period(id="2009", name="2009年度", year=2009, start=D(2009, 1, 1), end=D(2009, 12, 31))
    assert not closed(p, D(2011, 1, 1))
    assert overdue(_unit(due=None), D(2011, 1, 1)) == ()
