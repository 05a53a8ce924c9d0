"""BSC108 an assessed measure cannot be scored as written.

Each scale item must meet its scoring rule's precondition (`generator.scoring.rules`; the
engine checks the same function before scoring): a rule that compares with a target needs a
target for that period (or its year); `ratio` needs a single positive target and a measure that
is not a range measure; `linear` needs a floor other than the target; `range` needs a target
range `{min, max}` (with a `tolerance` when the range is 0–0).

FAIL::

    # measures.yml: targets: {2008: 0}
    # assessment/2008.yml
    - {measure: M-P1-2, weight: 10, rule: ratio}

PASS: use `rule: linear` with a `floor`, or `bands`, for a target of 0.
"""
from __future__ import annotations

from typing import Iterator

from ..i18n import tr
from ..problems import Problem, Severity
from ..scoring import cascade
from ..scoring.rules import precondition
from . import Context
from ._util import at

CODE = "BSC108"
NAME = "unscorable-item"
SEVERITY = Severity.ERROR


def check(ctx: Context) -> Iterator[Problem]:
    for unit, scale in ctx.scales():
        period = unit.period_index.get(scale.period)
        if period is None:
            continue
        for item in scale.items:
            measure = unit.measure_index.get(item.measure)
            if measure is None:
                continue
            target = cascade.target(unit, measure, period.id, period.year)
            unmet = precondition(target, item, measure.polarity)
            if unmet is not None:
                yield at(ctx, item, unmet.field, code=CODE, unit=unit,
                         message=tr("指标 {id}（{name}）{period}：{reason}", id=measure.id,
                                    name=measure.name, period=period.name, reason=unmet.message))
