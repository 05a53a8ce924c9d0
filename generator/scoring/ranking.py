"""Ranking units by their totals: competition ranks ("1, 2, 2, 4"), overall and within a group.

Totals are ranked as shown (`SHOWN_DECIMALS`), so two units whose totals read the same share
a rank.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Generic, Sequence, TypeVar

#: scores, weights and points are shown, and totals ranked, with this many decimals
SHOWN_DECIMALS = 2

T = TypeVar("T")


def shown(x: float) -> float:
    """A score as it is shown and ranked (`-0.0` becomes `0.0`)."""
    return round(x, SHOWN_DECIMALS) + 0.0


def competition_ranks(values: Sequence[float]) -> list[int]:
    """Rank of each value, highest first; equal values share the best rank (1, 2, 2, 4)."""
    order = sorted(values, reverse=True)
    return [order.index(v) + 1 for v in values]


@dataclass(frozen=True)
class Ranked(Generic[T]):
    item: T
    #: the total as ranked (rounded as shown)
    total: float
    rank: int
    #: rank among the items of the same group (e.g. units of the same kind)
    group_rank: int


def rank(items: Sequence[T], total: Callable[[T], float], group: Callable[[T], str]) -> list[Ranked[T]]:
    """Every item with its overall and in-group competition rank, in the items' order."""
    totals = [shown(total(i)) for i in items]
    ranks = competition_ranks(totals)
    groups = [group(i) for i in items]
    out = []
    for k, item in enumerate(items):
        same = [totals[j] for j in range(len(items)) if groups[j] == groups[k]]
        out.append(Ranked(item, totals[k], ranks[k], competition_ranks(same)[same.index(totals[k])]))
    return out
