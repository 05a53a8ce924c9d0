"""BSC211 (warning) the learning-and-growth measures are all head counts, or all drivers.

Pilot lesson 3: a learning-and-growth perspective measured only by how many people were
trained (人、人次、名) says nothing about what they can now do; one measured only by activities
(driver measures) never shows whether the capital grew. Keep at least one measure that is
not a head count and at least one outcome measure (e.g. 岗位知识测试合格率, 机关作风评议得分).

FAIL::

    - {id: M-L1, name: 培训人次, objective: L1, type: driver, unit: 人次}
    - {id: M-L2, name: 信息员人数, objective: L2, type: driver, unit: 人}

PASS: add or change one measure to an outcome such as
`{id: M-L3, name: 机关作风评议得分, objective: L3, type: outcome, unit: 分}`.
"""
from __future__ import annotations

from typing import Iterator

from ..i18n import tr, tr_n
from ..model import Measure
from ..problems import Problem, Severity
from . import Context
from ._util import at, learning_objectives

CODE = "BSC211"
NAME = "learning-measures-one-sided"
SEVERITY = Severity.WARNING

#: units of measure that count heads
HEAD_COUNT_UNITS = frozenset({"人", "人次", "名", "人数", "名次"})  # i18n: data


def check(ctx: Context) -> Iterator[Problem]:
    for unit in ctx.units():
        measures = [m for o in learning_objectives(unit) for m in unit.measures_of(o.id)]
        if not measures:
            continue
        heads = all((m.unit or "").strip() in HEAD_COUNT_UNITS for m in measures)
        drivers = all(m.type == "driver" for m in measures)
        if heads or drivers:
            yield at(ctx, measures[0], "type", code=CODE, unit=unit, severity=SEVERITY,
                     message=tr("{which}：只数培训了多少人、做了多少事，看不出能力和机制是否真的提高。"
                                "请至少设一个结果指标（如岗位知识测试合格率、作风评议得分）",
                                which=_which(measures, heads, drivers)))


def _which(measures: list[Measure], heads: bool, drivers: bool) -> str:
    """What is one-sided about the learning measures."""
    n = len(measures)
    if n == 1 and drivers:
        return tr("学习与成长层面只有 1 个指标（{name}），是驱动（过程）指标", name=measures[0].name)
    if n == 1:
        return tr("学习与成长层面只有 1 个指标（{name}），是人数、人次", name=measures[0].name)
    if heads and drivers:
        return tr_n("学习与成长层面的 {n} 个指标都是人数、人次，且都是驱动（过程）指标",
                    "学习与成长层面的 {n} 个指标都是人数、人次，且都是驱动（过程）指标", n, n=n)
    if drivers:
        return tr_n("学习与成长层面的 {n} 个指标都是驱动（过程）指标",
                    "学习与成长层面的 {n} 个指标都是驱动（过程）指标", n, n=n)
    return tr_n("学习与成长层面的 {n} 个指标都是人数、人次", "学习与成长层面的 {n} 个指标都是人数、人次", n, n=n)
