"""BSC206 (warning) an objective has no measure.

An objective nobody measures cannot be tracked; every box on the map should have at least
one measure on the unit card or a sub-card.

FAIL: objective P3 with no measure whose `objective` is P3.

PASS: add a measure with `objective: P3`.
"""
from __future__ import annotations

from typing import Iterator

from ..i18n import tr
from ..problems import Problem, Severity
from . import Context
from ._util import at

CODE = "BSC206"
NAME = "objective-without-measure"
SEVERITY = Severity.WARNING


def check(ctx: Context) -> Iterator[Problem]:
    for unit in ctx.units():
        if not unit.all_measures:
            continue  # a unit that has a map but no card yet gets one message, not dozens
        measured = {m.objective for m in unit.all_measures}
        for obj in unit.all_objectives:
            if obj.id not in measured:
                yield at(ctx, obj, "id", code=CODE, unit=unit, severity=SEVERITY,
                         message=tr("目标 {id}（{name}）没有任何指标：请在指标卡中为它设置至少一个指标",
                                    id=obj.id, name=obj.name))
