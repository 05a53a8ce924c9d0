"""Small model objects built directly in Python for the scoring tests (no example data)."""
from __future__ import annotations

import datetime as dt
from typing import Any, Iterable

from generator.model import (ActionPlan, AssessmentRules, Department, DifficultyClass, Grade, Measure,
                             Objective, Period, Person, Perspective, Post, RegistryEntry,
                             ResultsFile, Scale, ScaleItem, Unit)
from generator.model.assessment import MultiPost
from generator.model.registry import RolloutStep

PERSPECTIVES = (
    Perspective(id="stakeholder", name="利益相关者"),
    Perspective(id="customer", name="服务对象"),
    Perspective(id="process", name="内部流程"),
    Perspective(id="learning", name="学习与成长", learning=True),
)

GRADES = [
    Grade(id="excellent", name="优秀", min=90),
    Grade(id="good", name="良好", min=80),
    Grade(id="pass", name="合格", min=60),
    Grade(id="fail", name="不合格", min=0),
]

PERIODS = [
    Period(id="2007", name="2007年度", year=2007, start=dt.date(2007, 1, 1), end=dt.date(2007, 12, 31),
           track="simulated"),
    Period(id="2008", name="2008年度", year=2008, start=dt.date(2008, 1, 1), end=dt.date(2008, 12, 31),
           track="dual-track"),
    Period(id="2009", name="2009年度", year=2009, start=dt.date(2009, 1, 1), end=dt.date(2009, 12, 31)),
]


def rules(**kw: Any) -> AssessmentRules:
    data: dict[str, Any] = dict(periods=PERIODS, grades=GRADES)
    data.update(kw)
    return AssessmentRules(**data)


def measure(id: str, objective: str = "o1", target: Any = 100, *, polarity: str = "up",
            year: str = "2008", **kw: Any) -> Measure:
    targets = {} if target is None else {year: target}
    return Measure(id=id, name=kw.pop("name", f"指标{id}"), objective=objective,
                   type=kw.pop("type", "outcome"), polarity=polarity, targets=targets, **kw)


def objective(id: str, perspective: str = "customer", **kw: Any) -> Objective:
    return Objective(id=id, name=kw.pop("name", f"目标{id}"), perspective=perspective, **kw)


def item(measure_id: str, weight: float, rule: str = "ratio", **kw: Any) -> ScaleItem:
    return ScaleItem(measure=measure_id, weight=weight, rule=rule, **kw)


def scale(items: Iterable[ScaleItem], period: str = "2008", **kw: Any) -> Scale:
    return Scale(period=period, items=list(items), **kw)


def results(actuals: dict[str, Any] | None = None, period: str = "2008", **kw: Any) -> ResultsFile:
    return ResultsFile(period=period, actuals=actuals or {}, **kw)


def make_unit(*, measures: Iterable[Measure] = (), objectives: Iterable[Objective] = (),
              scales: dict[str, Scale] | None = None, results: dict[str, ResultsFile] | None = None,
              departments: Iterable[Department] = (), posts: Iterable[Post] = (),
              people: Iterable[Person] = (), own_rules: AssessmentRules | None = None,
              city_rules: AssessmentRules | None = None, actions: Iterable[ActionPlan] = ()) -> Unit:
    entry = RegistryEntry(id="hainan", name="海南乡", kind="township",
                          rollout=[RolloutStep(stage="pilot", since=dt.date(2005, 11, 1))])
    return Unit(entry=entry, city_rules=city_rules or rules(), city_perspectives=PERSPECTIVES,
                objectives=tuple(objectives), measures=tuple(measures),
                departments=tuple(departments), posts=tuple(posts), people=tuple(people),
                actions=tuple(actions),
                own_rules=own_rules, scales=scales or {}, results=results or {})


def simple_unit(items: Iterable[ScaleItem], actuals: dict[str, Any], *,
                measures: Iterable[Measure] | None = None, own_rules: AssessmentRules | None = None,
                scale_kw: dict[str, Any] | None = None, results_kw: dict[str, Any] | None = None,
                objectives: Iterable[Objective] = (objective("o1"),)) -> Unit:
    """A unit with one objective, one measure per item (target 100 unless given) and one period."""
    items = list(items)
    if measures is None:
        measures = [measure(i.measure) for i in items]
    return make_unit(measures=measures, objectives=objectives,
                     scales={"2008": scale(items, **(scale_kw or {}))},
                     results={"2008": results(actuals, **(results_kw or {}))}, own_rules=own_rules)


__all__ = ["rules", "measure", "objective", "item", "scale", "results", "make_unit", "simple_unit",
           "Department", "DifficultyClass", "Person", "Post", "MultiPost", "PERSPECTIVES", "GRADES",
           "PERIODS"]
