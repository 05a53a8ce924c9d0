"""BSC201 (warning) more assessed measures than the city's maximum.

Pilot lesson 1: scoring every indicator makes too many; keep the vital few in the scale and
leave the rest as monitoring indicators. The maximum is `settings.max_assessed_measures` in
city.yml (20 by default).

FAIL: a scale with 24 items when the maximum is 20.

PASS: 14 assessed items; the other 10 measures stay on the card as monitoring indicators.
"""
from __future__ import annotations

from typing import Iterator

from ..i18n import tr_n
from ..problems import Problem, Severity
from . import Context
from ._util import at

CODE = "BSC201"
NAME = "too-many-assessed"
SEVERITY = Severity.WARNING


def check(ctx: Context) -> Iterator[Problem]:
    limit = ctx.city.info.settings.max_assessed_measures
    for unit, scale in ctx.scales():
        if len(scale.items) > limit:
            yield at(ctx, scale, "items", code=CODE, unit=unit, severity=SEVERITY, key=True,
                     message=tr_n("考核量表 {period} 有 {n} 个考核指标，超过上限 {limit}："
                                  "考核指标宜少而精，其余指标可作为监控指标留在计分卡上",
                                  "考核量表 {period} 有 {n} 个考核指标，超过上限 {limit}："
                                  "考核指标宜少而精，其余指标可作为监控指标留在计分卡上",
                                  len(scale.items), period=scale.period, n=len(scale.items), limit=limit))
