"""BSC105 scale measure not on the cards; a scale for a period the rules do not define.

Every assessed measure must be on the unit card or a department sub-card, where its indicator
card (definition, target, owner) lives. Everything on the cards but not in the scale is a
monitoring indicator.

FAIL::

    # assessment/2008.yml
    items:
      - {measure: M-X-9, weight: 10}   # no measure M-X-9 in measures.yml or departments.yml

PASS: add the measure to measures.yml first, or correct the id.
"""
from __future__ import annotations

from typing import Iterator

from ..i18n import tr
from ..problems import Problem, Severity
from . import Context
from ._util import at
from .references import _hint

CODE = "BSC105"
NAME = "scale-measure-not-on-card"
SEVERITY = Severity.ERROR


def check(ctx: Context) -> Iterator[Problem]:
    for unit, scale in ctx.scales():
        if scale.period not in unit.period_index:
            yield at(ctx, scale, "period", code=CODE, unit=unit,
                     message=tr("考核期 `{period}` 不在考核办法的 periods 中：{hint}",
                                period=scale.period, hint=_hint(unit.period_index)))
        for item in scale.items:
            if item.measure not in unit.measure_index:
                yield at(ctx, item, "measure", code=CODE, unit=unit,
                         message=tr("考核指标 `{id}` 不在本单位的总卡或部门分卡上："
                                    "请先在 measures.yml 或 departments.yml 中建立它的指标卡。{hint}",
                                    id=item.measure, hint=_hint(unit.measure_index)))
