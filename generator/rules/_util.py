"""Small helpers shared by the rules."""
from __future__ import annotations

from typing import Any

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
