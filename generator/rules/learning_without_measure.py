"""BSC204 (warning) the learning-and-growth perspective has no measure.

Pilot lesson 3: human, information and organisation capital are thin at township level.
A unit whose map has a learning perspective (`learning: true`, or id `learning`) should
measure at least one objective there.

FAIL: objectives L1 and L2 in `learning`, no measure points at either.

PASS: a measure such as 干部培训覆盖率 with `objective: L1`.
"""
from __future__ import annotations

from typing import Iterator

from ..i18n import tr
from ..problems import Problem, Severity
from . import Context
from ._util import at

CODE = "BSC204"
NAME = "learning-without-measure"
SEVERITY = Severity.WARNING


def check(ctx: Context) -> Iterator[Problem]:
    for unit in ctx.units():
        if not unit.objectives:
            continue
        learning = [p for p in unit.perspectives if p.learning or p.id == "learning"]
        for persp in learning:
            objs = [o for o in unit.all_objectives if o.perspective == persp.id]
            measured = [o for o in objs if unit.measures_of(o.id)]
            if not measured:
                anchor = objs[0] if objs else unit.objectives[0]
                yield at(ctx, anchor, "perspective" if objs else "id", code=CODE, unit=unit,
                         severity=SEVERITY,
                         message=tr("“{perspective}”层面没有任何指标：人力、信息、组织资本也需要可衡量的指标"
                                    "（如培训覆盖率、信息系统使用率）", perspective=persp.name))
