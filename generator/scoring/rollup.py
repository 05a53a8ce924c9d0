"""Objective and perspective scores: weighted means of the scores of the items under them.

An item belongs to its measure's objective. A department objective's items also count for
every unit objective it `supports` (transitively), so a unit objective's score covers its
sub-cards. Perspectives partition the items by the perspective of the item's own objective.
"""
from __future__ import annotations

import math
from typing import Iterable, Sequence

from ..model import Unit
from .records import MeasureScore, ObjectiveScore, PerspectiveScore
from .status import ThresholdLike, status_of
from .weights import weighted_mean


def supporters(unit: Unit) -> dict[str, tuple[str, ...]]:
    """Objective id → itself and every objective that supports it, directly or not."""
    children: dict[str, list[str]] = {o.id: [] for o in unit.all_objectives}
    for o in unit.all_objectives:
        for parent in o.supports:
            children.setdefault(parent, []).append(o.id)
    out: dict[str, tuple[str, ...]] = {}
    for root in (o.id for o in unit.all_objectives):
        seen: list[str] = []
        stack = [root]
        while stack:
            oid = stack.pop()
            if oid in seen:
                continue  # cycles are reported by `check`; here they just stop the walk
            seen.append(oid)
            stack.extend(children.get(oid, ()))
        out[root] = tuple(seen)
    return out


def _mean(lines: Iterable[MeasureScore]) -> tuple[float | None, float]:
    lines = list(lines)
    return (weighted_mean((l.effective_weight, l.score) for l in lines),
            math.fsum(l.effective_weight for l in lines))


def objective_scores(unit: Unit, lines: Sequence[MeasureScore],
                     thresholds: ThresholdLike) -> dict[str, ObjectiveScore]:
    """Every objective of the unit (unit card and sub-cards); no-data where nothing is scored."""
    by_objective: dict[str, list[MeasureScore]] = {}
    for line in lines:
        if line.objective_id is not None:
            by_objective.setdefault(line.objective_id, []).append(line)
    out: dict[str, ObjectiveScore] = {}
    for oid, family in supporters(unit).items():
        mine = [l for member in family for l in by_objective.get(member, ())]
        score, weight = _mean(mine)
        objective = unit.objective_index.get(oid)
        out[oid] = ObjectiveScore(
            score=score, status=status_of(score, thresholds), objective_id=oid,
            name=objective.name if objective else oid,
            perspective_id=objective.perspective if objective else None,
            weight=weight, measures=tuple(dict.fromkeys(l.measure_id for l in mine)))
    return out


def perspective_scores(unit: Unit, lines: Sequence[MeasureScore],
                       thresholds: ThresholdLike) -> dict[str, PerspectiveScore]:
    """Every perspective of the unit, in map order, plus any other one an objective names."""
    names = {p.id: p.name for p in unit.perspectives}
    by_perspective: dict[str, list[MeasureScore]] = {pid: [] for pid in names}
    for line in lines:
        objective = unit.objective_index.get(line.objective_id or "")
        if objective is not None:
            by_perspective.setdefault(objective.perspective, []).append(line)
    out: dict[str, PerspectiveScore] = {}
    for pid, mine in by_perspective.items():
        score, weight = _mean(mine)
        out[pid] = PerspectiveScore(score=score, status=status_of(score, thresholds),
                                    perspective_id=pid, name=names.get(pid, pid), weight=weight)
    return out
