"""BSC202 (warning) all weights in a scale are equal.

Pilot lesson 1: equal weights hide priorities; weight measures by their importance to the
strategy.

FAIL::

    items:
      - {measure: M1, weight: 25}
      - {measure: M2, weight: 25}
      - {measure: M3, weight: 25}
      - {measure: M4, weight: 25}

PASS: weights 40, 25, 20, 15.
"""
from __future__ import annotations

from typing import Iterator

from ..i18n import tr_n
from ..problems import Problem, Severity
from . import Context
from ._util import at

CODE = "BSC202"
NAME = "equal-weights"
SEVERITY = Severity.WARNING


def check(ctx: Context) -> Iterator[Problem]:
    for unit, scale in ctx.scales():
        weights = {round(item.weight, 6) for item in scale.items}
        if len(scale.items) >= 3 and len(weights) == 1:
            yield at(ctx, scale, "items", code=CODE, unit=unit, severity=SEVERITY, key=True,
                     message=tr_n("考核量表 {period} 的 {n} 个指标权重全部相同："
                                  "平均分配权重看不出工作重点，请按指标对战略的重要程度设置权重",
                                  "考核量表 {period} 的 {n} 个指标权重全部相同："
                                  "平均分配权重看不出工作重点，请按指标对战略的重要程度设置权重",
                                  len(scale.items), period=scale.period, n=len(scale.items)))
