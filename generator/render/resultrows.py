"""A unit's scored period as rows and lines of text, shared by the results pages and downloads.

One builder, so a results page, its CSV and its XLSX show the same numbers rounded the same way:
scores, weights and points with two decimals as `bscportal score` prints them
(`generator.scoring.report.fixed`); targets and actuals as written, at most two decimals
(`report.show_target` / `report.show_actual`); a missing actual is the word 缺数, never 0.

Scores come from `SiteContext.scores` (`render/scores.py`): computed on the full unit, so
internal measures count towards the official total, with only the results the edition shows;
items the edition hides are summed into one "internal items" row so that the table still adds
up to the total.
"""
from __future__ import annotations

import math
import weakref
from dataclasses import dataclass, field
from typing import Any

from ..model import Period, Unit
from ..scoring import score_unit
from ..scoring.report import (MISSING_LABELS, RULE_LABELS, STATUS_LABELS, TRACK_LABELS, fixed,
                              number, show_actual, show_target)
from .edition import EditionView

#: what happened to a missing (or unscorable) line under each rule, in a few words
MISSING_EFFECT = {"reweight": "已剔除，权重按比例折算给其余指标", "zero": "按 0 分计"}


def r2(x: float | None) -> float | None:
    """The value a page shows with two decimals, as a number (for XLSX cells and rankings)."""
    return None if x is None else round(x + 0.0, 2)


def period_lines(period: Period) -> tuple[str, str]:
    """A period as two short lines for a chart axis: ("2008", "一季度")."""
    year = str(period.year)
    if period.kind == "quarter":
        q = (period.start.month - 1) // 3
        return year, ("一季度", "二季度", "三季度", "四季度")[q]
    if period.kind == "half":
        return year, "上半年" if period.start.month <= 6 else "下半年"
    if period.kind == "month":
        return year, f"{period.start.month}月"
    return year, "模拟考评" if period.track == "simulated" else "年度"


@dataclass(frozen=True)
class ItemRow:
    """One scale item as shown: display strings plus the rounded numbers behind them."""

    measure_id: str
    name: str
    objective: str
    perspective: str
    unit: str
    weight: float
    effective_weight: float
    target: str
    actual: str
    rule: str
    score: float | None
    points: float | None
    status: str          # on-track / at-risk / off-track / no-data / error
    status_name: str
    missing: bool
    #: what the missing-data rule did with this line ("" when scored normally)
    treatment: str
    note: str
    error: str
    warnings: tuple[str, ...]
    actual_value: float | bool | None = None

    @property
    def weight_text(self) -> str:
        return fixed(self.weight)

    @property
    def effective_weight_text(self) -> str:
        return fixed(self.effective_weight)

    @property
    def score_text(self) -> str:
        return fixed(self.score)

    @property
    def points_text(self) -> str:
        return fixed(self.points)


@dataclass(frozen=True)
class Hidden:
    """Scale items the edition does not list (internal measures); they count in the total."""

    count: int
    weight: float
    effective_weight: float
    points: float
    missing: int


@dataclass(frozen=True)
class AdjustmentRow:
    id: str
    name: str
    kind: str            # bonus / deduction
    kind_name: str
    claimed: float
    applied: float
    max: float | None
    clamped: bool


@dataclass
class PeriodResult:
    """Everything the results page, its downloads and the city pages show of one period."""

    unit: Unit
    period: Period
    score: Any                      # UnitScore with the edition's items (render/scores.py)
    rows: list[ItemRow]
    hidden: Hidden | None
    adjustments: list[AdjustmentRow]
    #: bonus/deduction points from items the edition hides (internal adjustment items)
    hidden_bonus: float
    hidden_deductions: float
    vetoes: list[tuple[str, str]]   # (id, name)
    #: the grade was lowered by a veto the edition does not show
    hidden_veto: bool
    note: str | None
    scale_note: str | None
    perspectives: list[dict] = field(default_factory=list)
    objectives: list[dict] = field(default_factory=list)
    warnings: tuple[str, ...] = ()

    # -- summary numbers, rounded as shown -------------------------------------------------
    @property
    def total(self) -> float:
        return r2(self.score.total)

    @property
    def total_text(self) -> str:
        return fixed(self.score.total)

    @property
    def base_text(self) -> str:
        return fixed(self.score.base_total)

    @property
    def bonus_text(self) -> str:
        return ("+" if self.score.bonus else "") + fixed(self.score.bonus)

    @property
    def deductions_text(self) -> str:
        return ("-" if self.score.deductions else "") + fixed(self.score.deductions)

    @property
    def grade_name(self) -> str:
        return self.score.grade.name if self.score.grade else "未达任何等次"

    @property
    def uncapped_grade_name(self) -> str | None:
        g = self.score.uncapped_grade
        return g.name if g else None

    @property
    def track_name(self) -> str:
        return TRACK_LABELS[self.period.track]

    @property
    def missing_rule(self) -> str:
        return self.score.missing_rule

    @property
    def missing_rule_text(self) -> str:
        return MISSING_LABELS[self.score.missing_rule]

    @property
    def missing_rows(self) -> list[ItemRow]:
        return [r for r in self.rows if r.missing or r.error]

    @property
    def missing_count(self) -> int:
        return sum(1 for r in self.rows if r.missing) + (self.hidden.missing if self.hidden else 0)

    @property
    def veto_text(self) -> str:
        if self.vetoes:
            return "、".join(name for _, name in self.vetoes)
        return "内部否决项" if self.hidden_veto else "无"

    @property
    def grade_note(self) -> str:
        """Why the grade is what it is when a veto capped it ("" otherwise)."""
        if not self.score.grade_capped:
            if self.score.vetoed:
                return f"触发一票否决，但按总分的等次（{self.grade_name}）本已不高于否决后的最高等次，未再降低"
            return ""
        what = "、".join(f"“{n}”" for _, n in self.vetoes) or "内部一票否决项"
        return (f"触发一票否决（{what}）：按总分 {self.total_text} 应为{self.uncapped_grade_name}，"
                f"按考核办法等次最高为{self.grade_name}")

    @property
    def traditional(self) -> Any:
        return self.score.traditional

    def traditional_grade_name(self) -> str | None:
        t = self.score.traditional
        if t is None:
            return None
        names = {g.id: g.name for g in self.unit.rules.grades}
        return names.get(t.grade, t.grade)


def _item_row(unit: Unit, line: Any, missing_rule: str) -> ItemRow:
    measure = unit.measure_index.get(line.measure_id)
    objective = unit.objective_index.get(line.objective_id or "")
    persp = {p.id: p.name for p in unit.perspectives}
    if line.error:
        status, status_name = "error", "无法计分"
    else:
        status, status_name = line.status, STATUS_LABELS[line.status]
    treatment = ""
    if line.missing or line.error:
        treatment = MISSING_EFFECT[missing_rule]
    return ItemRow(
        measure_id=line.measure_id,
        name=line.name,
        objective=objective.name if objective else (line.objective_id or ""),
        perspective=persp.get(objective.perspective, objective.perspective) if objective else "",
        unit=(measure.unit or "") if measure else "",
        weight=r2(line.weight),
        effective_weight=r2(line.effective_weight),
        target=show_target(line.target),
        actual=show_actual(line),
        rule=RULE_LABELS.get(line.rule, line.rule),
        score=r2(line.score),
        points=r2(line.points),
        status=status,
        status_name=status_name,
        missing=line.missing,
        treatment=treatment,
        note=line.note or "",
        error=line.error or "",
        warnings=tuple(line.warnings),
        actual_value=line.actual,
    )


def _hidden(ev: EditionView, unit: Unit, score: Any) -> Hidden | None:
    """The items of the full scale that the edition's score does not list."""
    full = score_unit(ev.scoring_units[unit.id], score.period_id)
    if full is None:
        return None
    shown = {i.measure_id for i in score.items}
    rest = [i for i in full.items if i.measure_id not in shown]
    if not rest:
        return None
    return Hidden(count=len(rest), weight=math.fsum(i.weight for i in rest),
                  effective_weight=math.fsum(i.effective_weight for i in rest),
                  points=math.fsum(i.points for i in rest if i.points is not None),
                  missing=sum(1 for i in rest if i.missing))


def period_result(ev: EditionView, unit: Unit, period: Period, score: Any) -> PeriodResult:
    """`score` is the edition's score of `unit` for `period` (`SiteContext.scores.score`)."""
    rows = [_item_row(unit, line, score.missing_rule) for line in score.items]
    scale = unit.scales.get(period.id)
    results = unit.results.get(period.id)
    adjustments = [AdjustmentRow(a.id, a.name, a.kind, "加分" if a.kind == "bonus" else "扣分",
                                 a.claimed, a.applied, a.max, a.clamped) for a in score.adjustments]
    shown_bonus = math.fsum(a.applied for a in score.adjustments if a.kind == "bonus")
    shown_deductions = math.fsum(a.applied for a in score.adjustments if a.kind == "deduction")
    veto_names = {v.id: v.name for v in scale.veto} if scale else {}
    persp_names = {p.id: p.name for p in unit.perspectives}
    perspectives = [{"id": p.perspective_id, "name": persp_names.get(p.perspective_id, p.name),
                     "weight": r2(p.weight), "score": r2(p.score), "status": p.status,
                     "status_name": STATUS_LABELS[p.status]}
                    for p in score.perspectives.values() if p.weight > 0 or p.score is not None]
    objectives = [{"id": o.objective_id, "name": o.name, "weight": r2(o.weight), "score": r2(o.score),
                   "status": o.status, "status_name": STATUS_LABELS[o.status],
                   "perspective": persp_names.get(o.perspective_id or "", o.perspective_id or "")}
                  for o in score.objectives.values() if o.measures]
    return PeriodResult(
        unit=unit, period=period, score=score, rows=rows,
        hidden=_hidden(ev, unit, score) if not ev.internal else None,
        adjustments=adjustments,
        hidden_bonus=max(0.0, score.bonus - shown_bonus),
        hidden_deductions=max(0.0, score.deductions - shown_deductions),
        vetoes=[(v, veto_names.get(v, v)) for v in score.vetoed],
        hidden_veto=bool(score.grade_capped and not score.vetoed),
        note=results.note if results else None,
        scale_note=scale.note if scale else None,
        perspectives=perspectives, objectives=objectives,
        warnings=tuple(score.warnings),
    )


_CACHE: "weakref.WeakKeyDictionary[Any, dict[str, list[PeriodResult]]]" = weakref.WeakKeyDictionary()


def city_results(site: Any) -> dict[str, list[PeriodResult]]:
    """Unit id → its `unit_periods`, for every unit of the edition (computed once per site)."""
    if site not in _CACHE:
        out: dict[str, list[PeriodResult]] = {}
        for unit in site.units:
            prs = []
            for period in unit.periods:
                score = site.scores.score(unit.id, period.id)
                if score is not None:
                    prs.append(period_result(site.ev, unit, period, score))
            out[unit.id] = prs
        _CACHE[site] = out
    return _CACHE[site]


def unit_periods(site: Any, unit: Unit) -> list[PeriodResult]:
    """Every period of the unit that this edition shows a score for, in time order."""
    return city_results(site).get(unit.id, [])


__all__ = ["ItemRow", "Hidden", "AdjustmentRow", "PeriodResult", "period_result", "unit_periods",
           "city_results", "period_lines", "r2", "fixed", "number", "MISSING_EFFECT"]
