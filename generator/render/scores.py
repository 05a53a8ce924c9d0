"""Statuses and scores as an edition shows them.

Scores are computed on the full unit (internal measures count towards the official total) but
only with the results the edition may show (`EditionView.scoring_units`); items and statuses of
entities the edition hides are then dropped.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from ..model import Period, Unit
from .edition import EditionView

from ..scoring import latest_period as _latest_period
from ..scoring import latest_status as _latest_status
from ..scoring import score_unit as _score_unit

STATUS_NAMES = {
    "on-track": "正常",
    "at-risk": "预警",
    "off-track": "落后",
    "no-data": "暂无数据",
}


@dataclass(frozen=True)
class Latest:
    period: Period
    score: Any  # generator.scoring.UnitScore with only the items this edition shows
    #: scale items the edition hides (internal measures), counted in the total
    hidden_items: int = 0


class Scores:
    """Per-edition, per-build memo of statuses and scores (one computation per unit)."""

    def __init__(self, ev: EditionView) -> None:
        self.ev = ev
        self._status: dict[str, dict[str, str]] = {}
        self._latest: dict[str, Latest | None] = {}
        self._scored: dict[tuple[str, str], Any] = {}

    def _visible_ids(self, unit: Unit) -> set[str]:
        return {o.id for o in unit.all_objectives} | {m.id for m in unit.all_measures}

    def status(self, unit_id: str) -> dict[str, str]:
        """Objective and measure id → status, latest period this edition shows."""
        if unit_id not in self._status:
            shown = self.ev.city.units[unit_id]
            out: dict[str, str] = {}
            if shown.has_system:
                raw = _latest_status(self.ev.scoring_units[unit_id])
                visible = self._visible_ids(shown)
                out = {k: v for k, v in raw.items() if k in visible}
            self._status[unit_id] = out
        return self._status[unit_id]

    def score(self, unit_id: str, period_id: str) -> Any:
        """The unit's score for a period (items the edition hides removed), or None."""
        key = (unit_id, period_id)
        if key not in self._scored:
            shown = self.ev.city.units[unit_id]
            result = None
            if period_id in shown.results:
                full = _score_unit(self.ev.scoring_units[unit_id], period_id)
                if full is not None:
                    visible = self._visible_ids(shown)
                    scale = shown.scales.get(period_id)
                    adj = {a.id for a in (scale.bonus + scale.deductions + scale.veto)} if scale else set()
                    result = dataclasses.replace(
                        full,
                        items=tuple(i for i in full.items if i.measure_id in visible),
                        objectives={k: v for k, v in full.objectives.items() if k in visible},
                        adjustments=tuple(a for a in full.adjustments if a.id in adj),
                        vetoed=tuple(v for v in full.vetoed if v in adj),
                        missing=tuple(m for m in full.missing if m in visible),
                        errors=tuple(m for m in full.errors if m in visible),
                        warnings=full.warnings if self.ev.internal else (),
                    )
            self._scored[key] = result
        return self._scored[key]

    def latest(self, unit_id: str) -> Latest | None:
        """The latest assessed period the edition shows, with its score."""
        if unit_id not in self._latest:
            result = None
            period = _latest_period(self.ev.scoring_units[unit_id])
            if period is not None:
                score = self.score(unit_id, period.id)
                if score is not None:
                    full_items = len(self.ev.scoring_units[unit_id].scales[period.id].items)
                    result = Latest(period, score, full_items - len(score.items))
            self._latest[unit_id] = result
        return self._latest[unit_id]
