"""Scoring a unit's period, and the latest status lights for its strategy map."""
from __future__ import annotations

import math

from ..i18n import tr
from ..model import Period, Unit
from .adjustments import adjust
from .grades import capped_grade, grade_for
from .measures import score_item, score_monitoring
from .records import MeasureScore, Status, UnitScore
from .rollup import objective_scores, perspective_scores, supporters
from .status import status_of
from .weights import apply_missing_rule, total_points, weighted_mean


def _year(unit: Unit, period_id: str) -> int | None:
    period = unit.period_index.get(period_id)
    return period.year if period else None


def score_unit(unit: Unit, period_id: str) -> UnitScore | None:
    """The unit's assessment for a period; None when the period has no scale or no results."""
    scale = unit.scales.get(period_id)
    results = unit.results.get(period_id)
    if scale is None or results is None:
        return None
    rules = unit.rules
    year = _year(unit, period_id)
    missing_rule = scale.missing or rules.missing
    lines = apply_missing_rule(
        [score_item(unit, item, period_id, year, results.actuals, rules)
         for item in scale.items],
        missing_rule)
    base_total = total_points(lines)
    adjusted = adjust(scale, results)
    total = max(0.0, base_total + adjusted.bonus - adjusted.deductions)
    uncapped = grade_for(total, rules.grades)
    grade, grade_capped = capped_grade(uncapped, rules, bool(adjusted.vetoed))
    warnings = list(adjusted.warnings)
    if rules.veto_grade is not None and rules.veto_grade not in {g.id for g in rules.grades}:
        warnings.append(tr("一票否决后的最高等次 {grade} 不在等次表中，按最低等次计", grade=rules.veto_grade))
    return UnitScore(
        unit_id=unit.id, period_id=period_id, items=lines,
        objectives=objective_scores(unit, lines, rules.status),
        perspectives=perspective_scores(unit, lines, rules.status),
        base_total=base_total, bonus=adjusted.bonus, deductions=adjusted.deductions,
        vetoed=adjusted.vetoed, total=total, grade=grade, grade_capped=grade_capped,
        missing=tuple(l.measure_id for l in lines if l.missing),
        missing_rule=missing_rule, traditional=results.traditional,
        uncapped_grade=uncapped, adjustments=adjusted.items,
        errors=tuple(l.measure_id for l in lines if l.error is not None),
        nominal_weight=math.fsum(l.weight for l in lines), warnings=tuple(warnings))


def latest_period(unit: Unit) -> Period | None:
    """The last period (in the rules' time order) that has both a scale and results."""
    assessed = unit.assessed_periods
    return assessed[-1] if assessed else None


def period_lines(unit: Unit, period: Period) -> tuple[UnitScore, tuple[MeasureScore, ...]]:
    """An assessed period's unit score and a scored line for every measure of the unit.

    Scale items keep their scale score; measures outside the scale (monitoring measures) are
    scored by `ratio` (`range` for range polarity, `done` for yes/no) against their target.
    """
    scored = score_unit(unit, period.id)
    assert scored is not None  # an assessed period has a scale and results
    by_id = {line.measure_id: line for line in scored.items}
    results = unit.results[period.id]
    lines = tuple(by_id.get(m.id) or score_monitoring(unit, m, period.id, period.year, results.actuals, unit.rules)
                  for m in unit.all_measures)
    return scored, lines


def latest_values(unit: Unit) -> dict[str, tuple[str, MeasureScore]]:
    """Measure id → (period id, scored line) of the most recent assessed period with a value.

    A yearly measure has no value in a half-year period; its latest light should still come
    from the last year it was reported, with the period said beside it.
    """
    out: dict[str, tuple[str, MeasureScore]] = {}
    for period in reversed(unit.assessed_periods):
        if len(out) == len(unit.all_measures):
            break
        for line in period_lines(unit, period)[1]:
            if line.measure_id not in out and line.score is not None:
                out[line.measure_id] = (period.id, line)
    return out


def latest_status(unit: Unit) -> dict[str, Status]:
    """Objective and measure id → status in the latest assessed period, for strategy maps.

    An objective's status comes from its assessed items (as in `score_unit`); an objective with
    none falls back to the plain mean of its monitoring measures' scores, so it still gets a
    light when its measures are only monitored. A measure without a value in the latest period
    takes its status from the most recent period where it had one (`latest_values`), and an
    objective with no data at all from those. Everything is no-data before any assessment.
    """
    rules = unit.rules
    out: dict[str, Status] = {o.id: "no-data" for o in unit.all_objectives}
    out.update({m.id: "no-data" for m in unit.all_measures})
    period = latest_period(unit)
    if period is None:
        return out
    scored, lines = period_lines(unit, period)
    # the latest period is scored once; earlier periods only while some measure lacks a value
    earlier = latest_values(unit) if any(l.score is None for l in lines) else {}
    for line in lines:
        status = line.status
        if status == "no-data" and line.measure_id in earlier:
            status = earlier[line.measure_id][1].status
        out[line.measure_id] = status
    monitoring = [l for l in lines if l.weight == 0]
    for oid, family in supporters(unit).items():
        assessed = scored.objectives.get(oid)
        if assessed is not None and assessed.score is not None:
            out[oid] = assessed.status
            continue
        mean = weighted_mean((1.0, l.score) for l in monitoring if l.objective_id in family)
        if mean is None:
            mean = weighted_mean((1.0, line.score) for m_id, (_, line) in earlier.items()
                                 if line.objective_id in family)
        out[oid] = status_of(mean, rules.status)
    return out
