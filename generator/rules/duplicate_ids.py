"""BSC101 duplicate id: every id must be unique where it is looked up.

Units in the registry; perspectives, themes, stages, kinds of the city; and inside a unit:
themes, objectives (unit card and sub-cards together), measures (likewise), action plans,
departments, posts, sub maps, periods, grades, difficulty classes, and the measures, bonus,
deduction and veto items of one scale.

FAIL::

    measures:
      - id: M1
        ...
      - id: M1      # the second M1: which one would a result belong to?

PASS: give the second measure its own id, e.g. `M2`.
"""
from __future__ import annotations

from typing import Any, Iterable, Iterator

from ..i18n import tr, tr_p
from ..model import Unit
from ..problems import Problem, Severity
from . import Context
from ._util import at, kind

CODE = "BSC101"
NAME = "duplicate-id"
SEVERITY = Severity.ERROR


def _dups(ctx: Context, items: Iterable[Any], what: str, unit: Unit | None,
          attr: str = "id") -> Iterator[Problem]:
    seen: dict[str, Any] = {}
    for item in items:
        value = getattr(item, attr)
        if value in seen:
            first = ctx.locator.mark(seen[value], attr)
            elsewhere = ("" if first.path == ctx.locator.file_of(item)
                         else tr_p("where an id was first used", "，{path}", path=first.path))
            yield at(ctx, item, attr, code=CODE, unit=unit,
                     message=tr("{what}编号 `{id}` 重复（第 {line} 行{elsewhere} 已经用过）："
                                "编号必须唯一，请换一个",
                                what=what, id=value, line=first.line, elsewhere=elsewhere))
        else:
            seen[value] = item


def check(ctx: Context) -> Iterator[Problem]:
    info = ctx.city.info
    yield from _dups(ctx, ctx.city.registry.units, kind("unit"), None)
    yield from _dups(ctx, info.perspectives, kind("perspective"), None)
    yield from _dups(ctx, info.themes, kind("city theme"), None)
    yield from _dups(ctx, info.stages, kind("stage"), None)
    yield from _dups(ctx, info.kinds, kind("unit kind"), None)
    yield from _dups(ctx, info.rules.periods, kind("period"), None)
    yield from _dups(ctx, info.rules.grades, kind("grade"), None)
    yield from _dups(ctx, info.rules.difficulty, kind("difficulty"), None)
    yield from _dups(ctx, ctx.city.glossary.terms, kind("term"), None)
    for unit in ctx.units():
        yield from _dups(ctx, unit.themes, kind("theme"), unit)
        if unit.info and unit.info.perspectives:
            yield from _dups(ctx, unit.info.perspectives, kind("perspective"), unit)
        yield from _dups(ctx, unit.all_objectives, kind("objective"), unit)
        yield from _dups(ctx, unit.all_measures, kind("measure"), unit)
        yield from _dups(ctx, unit.actions, kind("action"), unit)
        yield from _dups(ctx, unit.departments, kind("department"), unit)
        yield from _dups(ctx, unit.posts, kind("post"), unit)
        yield from _dups(ctx, unit.maps, kind("sub-map"), unit)
        if unit.own_rules:
            yield from _dups(ctx, unit.own_rules.periods, kind("period"), unit)
            yield from _dups(ctx, unit.own_rules.grades, kind("grade"), unit)
            yield from _dups(ctx, unit.own_rules.difficulty, kind("difficulty"), unit)
        for person in unit.people:
            yield from _dups(ctx, person.measures, kind("personal measure"), unit)
            yield from _dups(ctx, person.posts, kind("person's post"), unit, attr="post")
        for scale in unit.scales.values():
            yield from _dups(ctx, scale.items, kind("scale item"), unit, attr="measure")
            yield from _dups(ctx, list(scale.bonus) + list(scale.deductions) + list(scale.veto),
                             kind("scale extra"), unit)
