"""Status lights from a score: on-track / at-risk / off-track, or no-data without a score."""
from __future__ import annotations

from typing import Protocol

from .records import Status


class ThresholdLike(Protocol):
    """`Thresholds` on a measure card or `StatusThresholds` in the assessment rules (read-only)."""

    @property
    def on_track(self) -> float: ...

    @property
    def at_risk(self) -> float: ...


def status_of(score: float | None, thresholds: ThresholdLike) -> Status:
    if score is None:
        return "no-data"
    if score >= thresholds.on_track:
        return "on-track"
    if score >= thresholds.at_risk:
        return "at-risk"
    return "off-track"
