"""Score one line: a scale item, a monitoring measure or a personal measure.

The line's weight here is nominal; `weights.apply_missing_rule` then sets the effective
weight and points of every line of a scale (or of a post) together.
"""
from __future__ import annotations

from typing import Mapping

from ..i18n import tr
from ..model import AssessmentRules, Measure, PersonalMeasure, ScaleItem, Unit
from ..model.assessment import ScoringParams
from ..model.vocab import DataType
from . import cascade
from .actuals import read_actual
from .records import MeasureScore, Target
from .rules import apply_rule, effective_cap
from .status import ThresholdLike, status_of


def score_line(*, measure_id: str, name: str, objective_id: str | None, weight: float,
               target: Target | None, raw_actual: object, params: ScoringParams, polarity: str,
               default_cap: float, thresholds: ThresholdLike, note: str | None = None,
               error: str | None = None, data_type: DataType = "number") -> MeasureScore:
    """One line scored by its rule; a missing actual gives score None and status no-data."""
    reading = read_actual(raw_actual)
    cap = effective_cap(params, default_cap)
    score: float | None = None
    warnings: tuple[str, ...] = ()
    if error is None and reading.value is not None:
        outcome, cap = apply_rule(reading.value, target, params, polarity, default_cap)
        score, error, warnings = outcome.score, outcome.error, outcome.warnings
    return MeasureScore(
        measure_id=measure_id, name=name, objective_id=objective_id,
        weight=weight, effective_weight=weight, target=target, actual=reading.value,
        rule=params.rule, score=score,
        points=None if score is None else weight * score / 100,
        status=status_of(_status_basis(score, reading.value, target, params), thresholds),
        missing=reading.missing,
        note=reading.note or note, error=error, cap=cap, evidence=reading.evidence,
        warnings=warnings, data_type=data_type)


def _status_basis(score: float | None, actual: float | bool | None, target: Target | None,
                  params: ScoringParams) -> float | None:
    """What the status lights compare with their thresholds: normally the score; for a manual
    rating with a numeric target, how much of the target was reached (87 of 88 is 98.9 %,
    at risk, not "off track" because 87 < 100)."""
    if (params.rule == "manual" and score is not None and isinstance(target, (int, float))
            and not isinstance(target, bool) and target > 0 and actual is not None):
        return float(actual) / float(target) * 100
    return score


def score_item(unit: Unit, item: ScaleItem, period_id: str, year: int | None,
               actuals: Mapping[str, object], rules: AssessmentRules) -> MeasureScore:
    """A scale item against its measure's target for the period (or its year); a measure that
    derives from another takes its target and actual from it (`cascade`)."""
    measure = unit.measure_index.get(item.measure)
    if measure is None:
        return score_line(measure_id=item.measure, name=item.measure, objective_id=None,
                          weight=item.weight, target=None, raw_actual=actuals.get(item.measure),
                          params=item, polarity="up", default_cap=rules.score_cap,
                          thresholds=rules.status, note=item.note,
                          error=tr("指标卡中没有指标 {measure}", measure=item.measure))
    return score_line(measure_id=measure.id, name=measure.name, objective_id=measure.objective,
                      weight=item.weight, target=cascade.target(unit, measure, period_id, year),
                      raw_actual=cascade.actual(unit, actuals, measure), params=item, polarity=measure.polarity,
                      default_cap=rules.score_cap, thresholds=measure.thresholds or rules.status,
                      note=item.note, data_type=measure.data_type)


def monitoring_params(measure: Measure) -> ScoringParams:
    """How a measure outside the scale is scored for its status light."""
    if measure.polarity == "range":
        return ScoringParams.model_validate({"rule": "range"})
    if measure.data_type == "yesno":
        return ScoringParams.model_validate({"rule": "done"})
    return ScoringParams.model_validate({"rule": "ratio"})


def score_monitoring(unit: Unit, measure: Measure, period_id: str, year: int | None,
                     actuals: Mapping[str, object], rules: AssessmentRules) -> MeasureScore:
    """A monitoring measure (on the card, not in the scale): weight 0, scored for its status."""
    return score_line(measure_id=measure.id, name=measure.name, objective_id=measure.objective,
                      weight=0.0, target=cascade.target(unit, measure, period_id, year),
                      raw_actual=cascade.actual(unit, actuals, measure), params=monitoring_params(measure),
                      polarity=measure.polarity, default_cap=rules.score_cap,
                      thresholds=measure.thresholds or rules.status, data_type=measure.data_type)


def score_personal(unit: Unit, pm: PersonalMeasure, actuals: Mapping[str, object],
                   unit_actuals: Mapping[str, object], rules: AssessmentRules, period_id: str = "",
                   year: int | None = None) -> MeasureScore:
    """A personal-scorecard measure against its target for the period; one that derives from a
    unit or department measure takes that measure's target and actual (`cascade`)."""
    return score_line(measure_id=pm.id, name=pm.name, objective_id=pm.supports,
                      weight=pm.weight, target=cascade.personal_target(unit, pm, period_id, year),
                      raw_actual=cascade.personal_actual(unit, pm, actuals, unit_actuals),
                      params=pm, polarity=pm.polarity, default_cap=rules.score_cap,
                      thresholds=rules.status)
