"""BSC203 (warning) a scale weighted mostly on driver (process) measures.

Pilot lesson 1: the scale should be mostly outcome indicators. The share is the drivers'
weight over the total; the limit is `settings.driver_share_warning` (0.5 by default).

FAIL: drivers carry 70 of 100 points.

PASS: outcomes carry 60, drivers 40.
"""
from __future__ import annotations

from typing import Iterator

from ..i18n import tr
from ..problems import Problem, Severity
from . import Context
from ._util import at

CODE = "BSC203"
NAME = "driver-heavy-scale"
SEVERITY = Severity.WARNING


def check(ctx: Context) -> Iterator[Problem]:
    limit = ctx.city.info.settings.driver_share_warning
    for unit, scale in ctx.scales():
        total = sum(i.weight for i in scale.items)
        drivers = sum(i.weight for i in scale.items
                      if (m := unit.measure_index.get(i.measure)) is not None and m.type == "driver")
        if total > 0 and drivers / total > limit:
            yield at(ctx, scale, "items", code=CODE, unit=unit, severity=SEVERITY, key=True,
                     message=tr("考核量表 {period} 中驱动（过程）指标占权重 {share:.0%}，超过 {limit:.0%}："
                                "考核应以结果指标为主，过程指标可作为监控指标",
                                period=scale.period, share=drivers / total, limit=limit))
