"""BSC108 an assessed measure cannot be scored as written.

For each scale item: a rule that compares with a target needs a target for that period (or
its year); `ratio` needs a positive target; `linear` needs a floor other than the target; `range` needs a target range
`{min, max}`; a range target needs the `range` rule (or `bands`).

FAIL::

    # measures.yml: targets: {2008: 0}
    # assessment/2008.yml
    - {measure: M-P1-2, weight: 10, rule: ratio}

PASS: use `rule: linear` with a `floor`, or `bands`, for a target of 0.
"""
from __future__ import annotations

from typing import Iterator

from ..model import TargetRange
from ..problems import Problem, Severity
from . import Context
from ._util import at

CODE = "BSC108"
NAME = "unscorable-item"
SEVERITY = Severity.ERROR

_NEEDS_TARGET = {"ratio", "linear", "range"}


def check(ctx: Context) -> Iterator[Problem]:
    for unit in ctx.units():
        for pid, scale in unit.scales.items():
            period = unit.period_index.get(pid)
            if period is None:
                continue
            for item in scale.items:
                measure = unit.measure_index.get(item.measure)
                if measure is None:
                    continue
                target = measure.target_for(pid, period.year)
                if item.rule in _NEEDS_TARGET and target is None:
                    yield at(ctx, item, "measure", code=CODE, unit=unit,
                             message=f"指标 {measure.id}（{measure.name}）没有 {pid} 或 {period.year} 年的目标值，"
                                     f"按 {item.rule} 规则无法计分：请在指标卡的 targets 中补上")
                elif item.rule == "ratio" and isinstance(target, (int, float)) and target <= 0:
                    yield at(ctx, item, "rule", code=CODE, unit=unit,
                             message=f"指标 {measure.id} 的目标值为 {target:g}，完成率（ratio）只能用于正的目标值："
                                     "请改用 linear（写 floor）或 bands 规则")
                elif item.rule == "linear" and isinstance(target, (int, float)) and item.floor == target:
                    yield at(ctx, item, "floor", code=CODE, unit=unit,
                             message=f"指标 {measure.id} 的零分值 floor 等于目标值 {target:g}，线性插值无法计算："
                                     "floor 应是得 0 分的实际值（越高越好的指标 floor 低于目标）")
                elif item.rule == "range" and not isinstance(target, TargetRange):
                    yield at(ctx, item, "rule", code=CODE, unit=unit,
                             message=f"range（区间）规则需要区间目标，指标 {measure.id} 的目标是单个数值："
                                     "请把目标写成 {min: 下限, max: 上限}，或改用其他规则")
                elif isinstance(target, TargetRange) and item.rule not in ("range", "bands", "manual", "done"):
                    yield at(ctx, item, "rule", code=CODE, unit=unit,
                             message=f"指标 {measure.id} 的目标是区间，请用 range 或 bands 规则计分")
