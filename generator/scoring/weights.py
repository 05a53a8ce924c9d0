"""The missing-data rule: effective weights and points of a set of lines scored together.

`reweight` leaves unscored lines (missing actual, or unscorable as written) out and scales the
others' weights up to the same nominal total; `zero` scores them 0 at their full weight. Both
keep `missing=True` on the line, so the gap is always visible.
"""
from __future__ import annotations

import dataclasses
import math
from typing import Iterable, Sequence

from .records import MeasureScore, MissingRule


def apply_missing_rule(lines: Sequence[MeasureScore], rule: MissingRule) -> tuple[MeasureScore, ...]:
    nominal = math.fsum(line.weight for line in lines)
    scored = math.fsum(line.weight for line in lines if line.scored)
    out: list[MeasureScore] = []
    for line in lines:
        score = line.score if line.scored else None
        if rule == "zero":
            score = 0.0 if score is None else score
            out.append(dataclasses.replace(line, effective_weight=line.weight, score=score,
                                           points=line.weight * score / 100))
        elif score is not None and scored > 0:
            weight = line.weight * nominal / scored
            out.append(dataclasses.replace(line, effective_weight=weight, points=weight * score / 100))
        else:
            out.append(dataclasses.replace(line, effective_weight=0.0, score=None, points=None))
    return tuple(out)


def weighted_mean(pairs: Iterable[tuple[float, float | None]]) -> float | None:
    """Σwᵢsᵢ / Σwᵢ over pairs with a score and a positive weight; None when there are none.

    `math.fsum` keeps the result independent of the order of the pairs.
    """
    kept = [(w, s) for w, s in pairs if s is not None and w > 0]
    total = math.fsum(w for w, _ in kept)
    if total <= 0:
        return None
    return math.fsum(w * s for w, s in kept) / total


def total_points(lines: Iterable[MeasureScore]) -> float:
    return math.fsum(line.points for line in lines if line.points is not None)
