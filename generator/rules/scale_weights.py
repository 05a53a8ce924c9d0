"""BSC104 scale weights must add up to 100.

The assessment scale (考核量表) of a period shares 100 points among its assessed measures.

FAIL::

    items:
      - {measure: M1, weight: 60}
      - {measure: M2, weight: 35}    # 95 in all

PASS: weights 60 and 40.
"""
from __future__ import annotations

from typing import Iterator

from ..i18n import tr
from ..problems import Problem, Severity
from . import Context
from ._util import at

CODE = "BSC104"
NAME = "scale-weights"
SEVERITY = Severity.ERROR


def check(ctx: Context) -> Iterator[Problem]:
    for unit, scale in ctx.scales():
        total = sum(item.weight for item in scale.items)
        if abs(total - 100) > 0.01:
            diff = 100 - total
            how = tr("还差 {n:g}", n=diff) if diff > 0 else tr("多了 {n:g}", n=-diff)
            yield at(ctx, scale, "items", code=CODE, unit=unit, key=True,
                     message=tr("考核量表 {period} 的权重合计为 {total:g}，应为 100（{how}）："
                                "请调整各考核指标的 weight", period=scale.period, total=total, how=how))
