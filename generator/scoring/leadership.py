"""The leadership team's final composite rating as the pilots described it (lesson 4): a
recorded adjustment of a person's formula score, with its reason, within a cap the rules set.

    final = max(0, formula + clamp(points, −cap, +cap))

The rules' `multi_post.adjustment_cap` is the cap; without one no adjustment counts (applied 0,
and `check` warns, BSC214). The formula result stays beside the final one on every page.
"""
from __future__ import annotations

from ..i18n import tr
from ..model import LeadershipAdjustment
from .records import FinalAdjustment


def final_adjustment(decided: LeadershipAdjustment | None, cap: float | None) -> FinalAdjustment | None:
    """What a recorded adjustment counts for under the cap; None when nothing was recorded."""
    if decided is None:
        return None
    limit = cap if cap is not None else 0.0
    applied = max(-limit, min(limit, decided.points))
    return FinalAdjustment(claimed=decided.points, applied=applied, cap=cap, reason=decided.reason,
                           by=decided.by)


def apply(formula: float | None, adjustment: FinalAdjustment | None) -> float | None:
    """The final score: the formula result plus the applied adjustment, never below 0."""
    if formula is None or adjustment is None:
        return formula
    return max(0.0, formula + adjustment.applied)


def flag(adjustment: FinalAdjustment | None) -> str | None:
    """A remark when the cap changed the adjustment (or the rules allow none)."""
    if adjustment is None or not adjustment.capped:
        return None
    if adjustment.cap is None:
        return tr("考核办法没有规定领导班子最终调整的上限（multi_post.adjustment_cap），调整未计入")
    return tr("领导班子最终调整 {claimed:+g} 分超过上限 {cap:g} 分，按 {applied:+g} 分计",
              claimed=adjustment.claimed, cap=adjustment.cap, applied=adjustment.applied)
