"""Statuses, scores and period results as an edition shows them.

Scores are computed on the full unit (internal measures count towards the official total) but
only with the results the edition may show (`EditionView.scoring_units`); items and statuses of
entities the edition hides are then dropped, and summed into a `Hidden` row in the public
edition so that tables still add up.
"""
from __future__ import annotations

import dataclasses

from ..model import Unit
from ..model.vocab import Status
from ..scoring import UnitScore
from ..scoring import latest_status as _latest_status
from ..scoring import score_unit as _score_unit
from .edition import EditionView
from .resultrows import PeriodResult, hidden_items, period_result


class Scores:
    """Per-edition, per-build memo of statuses, scores and period results (one computation
    per unit and period)."""

    def __init__(self, ev: EditionView) -> None:
        self.ev = ev
        self._status: dict[str, dict[str, Status]] = {}
        self._scored: dict[tuple[str, str], UnitScore | None] = {}
        self._results: dict[str, list[PeriodResult]] = {}

    @staticmethod
    def _visible_ids(unit: Unit) -> set[str]:
        return {o.id for o in unit.all_objectives} | {m.id for m in unit.all_measures}

    def status(self, unit_id: str) -> dict[str, Status]:
        """Objective and measure id → status, latest period this edition shows."""
        if unit_id not in self._status:
            shown = self.ev.city.units[unit_id]
            out: dict[str, Status] = {}
            if shown.has_system:
                raw = _latest_status(self.ev.scoring_units[unit_id])
                visible = self._visible_ids(shown)
                out = {k: v for k, v in raw.items() if k in visible}
            self._status[unit_id] = out
        return self._status[unit_id]

    def _full(self, unit_id: str, period_id: str) -> UnitScore | None:
        return _score_unit(self.ev.scoring_units[unit_id], period_id)

    def score(self, unit_id: str, period_id: str) -> UnitScore | None:
        """The unit's score for a period (items the edition hides removed), or None."""
        key = (unit_id, period_id)
        if key not in self._scored:
            shown = self.ev.city.units[unit_id]
            result = None
            full = self._full(unit_id, period_id) if period_id in shown.results else None
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

    def latest(self, unit_id: str) -> PeriodResult | None:
        """The latest assessed period the edition shows a result for."""
        results = self.results(self.ev.city.units[unit_id])
        return results[-1] if results else None

    def results(self, unit: Unit) -> list[PeriodResult]:
        """Every period of the unit that this edition shows a score for, in time order."""
        if unit.id not in self._results:
            out = []
            for period in unit.periods:
                score = self.score(unit.id, period.id)
                if score is None:
                    continue
                hidden = None
                if not self.ev.internal:
                    full = self._full(unit.id, period.id)
                    hidden = hidden_items(full, score) if full is not None else None
                out.append(period_result(unit, period, score, hidden))
            self._results[unit.id] = out
        return self._results[unit.id]
