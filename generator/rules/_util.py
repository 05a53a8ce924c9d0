"""Small helpers shared by the rules."""
from __future__ import annotations

from typing import Any, Callable

from ..i18n import tr_p
from ..model import Objective, Perspective, Unit
from ..problems import Problem, Severity
from . import Context


def at(ctx: Context, obj: Any, *sub: str | int, code: str, message: str, unit: Unit | None,
       severity: Severity = Severity.ERROR, key: bool = False) -> Problem:
    mark = ctx.locator.mark(obj, *sub, key=key)
    return mark.problem(code, message, severity, unit.id if unit else None)


def learning_perspectives(unit: Unit) -> list[Perspective]:
    """The unit's learning-and-growth perspectives (`learning: true`, or id `learning`)."""
    return [p for p in unit.perspectives if p.learning or p.id == "learning"]


def learning_objectives(unit: Unit) -> list[Objective]:
    """Objectives (unit card and sub-cards) in a learning-and-growth perspective."""
    ids = {p.id for p in learning_perspectives(unit)}
    return [o for o in unit.all_objectives if o.perspective in ids]


#: what an id names, as the messages say it (`重复的{what}编号`, `找不到{what}`): lower case in
#: English, to sit inside a sentence
_KINDS: dict[str, Callable[[], str]] = {
    "unit": lambda: tr_p("kind of id", "单位"),
    "perspective": lambda: tr_p("kind of id", "层面"),
    "city theme": lambda: tr_p("kind of id", "市级战略主题"),
    "stage": lambda: tr_p("kind of id", "推行阶段"),
    "unit kind": lambda: tr_p("kind of id", "单位类别"),
    "period": lambda: tr_p("kind of id", "考核期"),
    "grade": lambda: tr_p("kind of id", "等次"),
    "difficulty": lambda: tr_p("kind of id", "岗位难度类别"),
    "term": lambda: tr_p("kind of id", "术语"),
    "theme": lambda: tr_p("kind of id", "战略主题"),
    "objective": lambda: tr_p("kind of id", "目标"),
    "unit objective": lambda: tr_p("kind of id", "总卡目标"),
    "measure": lambda: tr_p("kind of id", "指标"),
    "action": lambda: tr_p("kind of id", "行动方案"),
    "department": lambda: tr_p("kind of id", "部门"),
    "post": lambda: tr_p("kind of id", "岗位"),
    "owner": lambda: tr_p("kind of id", "岗位或部门"),
    "held post": lambda: tr_p("kind of id", "此人所任的岗位"),
    "person's post": lambda: tr_p("kind of id", "所任岗位"),
    "sub-map": lambda: tr_p("kind of id", "分战略地图"),
    "personal measure": lambda: tr_p("kind of id", "个人指标"),
    "scale item": lambda: tr_p("kind of id", "考核量表中的指标"),
    "scale extra": lambda: tr_p("kind of id", "加分/扣分/否决项"),
}


def kind(key: str) -> str:
    """The name of a kind of id (`unit`, `objective`, `owner` …) in the current language."""
    return _KINDS[key]()
