"""Bonus and deduction items (each clamped to its `max`) and the veto items that were triggered."""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Mapping, Sequence

from ..i18n import tr
from ..model import Adjustment, ResultsFile, Scale
from ..model.vocab import AdjustmentKind
from .records import AdjustmentScore


@dataclass(frozen=True)
class Adjusted:
    items: tuple[AdjustmentScore, ...]
    bonus: float
    deductions: float
    vetoed: tuple[str, ...]
    warnings: tuple[str, ...]


def _apply(kind: AdjustmentKind, declared: Sequence[Adjustment],
           claimed: Mapping[str, float]) -> tuple[list[AdjustmentScore], list[str]]:
    index = {a.id: a for a in declared}
    label = tr("加分项") if kind == "bonus" else tr("扣分项")
    items: list[AdjustmentScore] = []
    warnings: list[str] = []
    for aid, value in claimed.items():
        adj = index.get(aid)
        if adj is None:
            warnings.append(tr("{label} {id} 不在本期考核量表中，未计入", label=label, id=aid))
            continue
        applied = value
        if not math.isfinite(value) or value < 0:
            warnings.append(tr("{label} {id} 的分值 {value:g} 应为不小于 0 的数，按 0 计", label=label, id=aid,
                               value=value))
            applied = 0.0
        if adj.max is not None and applied > adj.max:
            warnings.append(tr("{label} {id}（{name}）{value:g} 分超过上限 {max:g}，按 {max:g} 计", label=label,
                               id=aid, name=adj.name, value=value, max=adj.max))
            applied = adj.max
        items.append(AdjustmentScore(id=aid, name=adj.name, kind=kind, claimed=value,
                                     applied=applied, max=adj.max))
    return items, warnings


def adjust(scale: Scale, results: ResultsFile) -> Adjusted:
    bonus, w1 = _apply("bonus", scale.bonus, results.bonus)
    deductions, w2 = _apply("deduction", scale.deductions, results.deductions)
    declared_veto = {a.id for a in scale.veto}
    vetoed = tuple(dict.fromkeys(v for v in results.veto if v in declared_veto))
    w3 = [tr("一票否决项 {id} 不在本期考核量表中，未计入", id=v) for v in results.veto if v not in declared_veto]
    return Adjusted(items=tuple(bonus + deductions),
                    bonus=math.fsum(a.applied for a in bonus),
                    deductions=math.fsum(a.applied for a in deductions),
                    vetoed=vetoed, warnings=tuple(w1 + w2 + w3))
