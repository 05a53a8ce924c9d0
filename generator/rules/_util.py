"""Small helpers shared by the rules."""
from __future__ import annotations

from typing import Any

from ..model import Unit
from ..problems import Problem, Severity
from . import Context


def at(ctx: Context, obj: Any, *sub: str | int, code: str, message: str, unit: Unit | None,
       severity: Severity = Severity.ERROR, key: bool = False) -> Problem:
    mark = ctx.locator.mark(obj, *sub, key=key)
    return mark.problem(code, message, severity, unit.id if unit else None)
