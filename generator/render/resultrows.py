"""A unit's scored period as typed rows, shared by the results pages, their downloads and the
`score` command, so all of them show the same numbers (formatted by `fmt`).

Scores come from `Scores` (`render/scores.py`): computed on the full unit, so internal
measures count towards the official total, with only the results the edition shows; items the
edition hides are summed into one `Hidden` row so that the table still adds up to the total.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

from ..i18n import colon, record_sep, tr, tr_p
from ..model import Approval, Period, Unit
from ..model.vocab import ADJUSTMENT, MISSING_RULE, RULE, TRACK, AdjustmentKind, Status
from ..scoring import AdjustmentScore, MeasureScore, UnitScore
from ..scoring.grades import GradeComparison, compare_grades
from . import fmt


@dataclass(frozen=True)
class ItemRow:
    """One scale item as a results table shows it: the engine's line and the names around it."""

    line: MeasureScore
    objective: str
    perspective: str
    #: the measure's unit of measure ("" when none)
    unit: str
    #: what the missing-data rule did with this line ("" when scored normally)
    treatment: str

    @property
    def measure_id(self) -> str:
        return self.line.measure_id

    @property
    def name(self) -> str:
        return self.line.name

    @property
    def missing(self) -> bool:
        return self.line.missing

    @property
    def error(self) -> str:
        return self.line.error or ""

    @property
    def status(self) -> Status | str:
        """The line's status light, or `error` for a line that cannot be scored."""
        return "error" if self.line.error else self.line.status

    @property
    def target(self) -> str:
        return fmt.target(self.line.target, self.line.data_type)

    @property
    def actual(self) -> str:
        return fmt.actual(self.line.actual, self.line.data_type)

    @property
    def rule(self) -> str:
        return RULE.label(self.line.rule)

    @property
    def notes(self) -> str:
        """Error, note and engine remarks in one line (for downloads)."""
        parts = (self.error and fmt.unscorable() + colon() + self.error, self.line.note or "", *self.line.warnings)
        return fmt.join((p for p in parts if p), record_sep())


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
    score: AdjustmentScore

    @property
    def kind(self) -> AdjustmentKind:
        return self.score.kind

    @property
    def kind_name(self) -> str:
        return ADJUSTMENT.label(self.score.kind)

    @property
    def applied_text(self) -> str:
        """As it counts: +2.00 for a bonus, -1.00 for a deduction."""
        a = self.score.applied
        return fmt.signed(a) if self.kind == "bonus" else fmt.deduction(a)


@dataclass(frozen=True)
class Named:
    id: str
    name: str


@dataclass(frozen=True)
class PerspectiveResult:
    id: str
    name: str
    weight: float
    score: float | None
    status: Status


@dataclass(frozen=True)
class ObjectiveResult:
    id: str
    name: str
    #: the perspective's name
    perspective: str
    #: Σ effective weights of the measures that rolled up (its own and supporting ones')
    weight: float
    score: float | None
    status: Status


@dataclass(frozen=True)
class PeriodResult:
    """Everything the results page, its downloads and the city pages show of one period."""

    unit: Unit
    period: Period
    #: the edition's score (items it hides removed; `Scores.score`)
    score: UnitScore
    rows: tuple[ItemRow, ...]
    hidden: Hidden | None
    adjustments: tuple[AdjustmentRow, ...]
    #: bonus/deduction points from items the edition hides (internal adjustment items)
    hidden_bonus: float
    hidden_deductions: float
    vetoes: tuple[Named, ...]
    #: the grade was lowered by a veto the edition does not show
    hidden_veto: bool
    note: str | None
    scale_note: str | None
    perspectives: tuple[PerspectiveResult, ...] = ()
    objectives: tuple[ObjectiveResult, ...] = ()
    warnings: tuple[str, ...] = field(default=())
    #: who approved the period's scale and its results (审定), when recorded
    scale_approved: Approval | None = None
    results_approved: Approval | None = None

    # -- decisions and sentences about the period ----------------------------------------------
    @property
    def grade(self) -> str:
        """The grade as every table shows it (with 否决封顶 when a veto lowered it)."""
        return fmt.grade_text(self.score.grade, self.score.grade_capped)

    @property
    def track(self) -> str:
        return TRACK.label(self.period.track)

    @property
    def missing_rule(self) -> str:
        return self.score.missing_rule

    @property
    def missing_rule_text(self) -> str:
        return MISSING_RULE.label(self.score.missing_rule)

    @property
    def missing_effect(self) -> str:
        return MISSING_RULE.detail(self.score.missing_rule)

    @property
    def missing_rows(self) -> list[ItemRow]:
        return [r for r in self.rows if r.missing or r.error]

    @property
    def missing_count(self) -> int:
        return sum(1 for r in self.rows if r.missing) + (self.hidden.missing if self.hidden else 0)

    @property
    def effective_weight(self) -> float:
        """Σ effective weights, the hidden items' included."""
        return math.fsum(r.line.effective_weight for r in self.rows) + (
            self.hidden.effective_weight if self.hidden else 0.0)

    @property
    def veto(self) -> str:
        if self.vetoes:
            return fmt.join(v.name for v in self.vetoes)
        return tr("内部否决项") if self.hidden_veto else tr_p("veto", "无")

    @property
    def grade_note(self) -> str:
        """Why the grade is what it is when a veto was triggered ("" otherwise)."""
        s = self.score
        if not s.grade_capped:
            if s.vetoed:
                return tr("触发一票否决，但按总分的等次（{grade}）本已不高于否决后的最高等次，未再降低",
                          grade=fmt.grade(s.grade))
            return ""
        what = fmt.join(tr("“{name}”", name=v.name) for v in self.vetoes) or tr("内部一票否决项")
        return tr("触发一票否决（{vetoes}）：按总分 {total} 应为{uncapped}，按考核办法等次最高为{grade}",
                  vetoes=what, total=fmt.score(s.total), uncapped=fmt.grade(s.uncapped_grade),
                  grade=fmt.grade(s.grade))

    @property
    def traditional_grade(self) -> str | None:
        t = self.score.traditional
        if t is None:
            return None
        names = {g.id: g.name for g in self.unit.rules.grades}
        return names.get(t.grade, t.grade)

    @property
    def comparison(self) -> GradeComparison | None:
        """The BSC grade against the traditional one; None without a traditional result."""
        t = self.score.traditional
        if t is None:
            return None
        bsc = self.score.grade.id if self.score.grade else None
        return compare_grades(bsc, t.grade, self.unit.rules.grades)

    @property
    def comparison_text(self) -> str:
        c = self.comparison
        return fmt.comparison(c) if c else ""


def _item_row(unit: Unit, line: MeasureScore, missing_rule: str) -> ItemRow:
    measure = unit.measure_index.get(line.measure_id)
    objective = unit.objective_index.get(line.objective_id or "")
    persp = {p.id: p.name for p in unit.perspectives}
    return ItemRow(
        line=line,
        objective=objective.name if objective else (line.objective_id or ""),
        perspective=persp.get(objective.perspective, objective.perspective) if objective else "",
        unit=(measure.unit or "") if measure else "",
        treatment=MISSING_RULE.detail(missing_rule) if (line.missing or line.error) else "",
    )


def hidden_items(full: UnitScore, shown: UnitScore) -> Hidden | None:
    """The items of the full scale that the edition's score does not list."""
    listed = {i.measure_id for i in shown.items}
    rest = [i for i in full.items if i.measure_id not in listed]
    if not rest:
        return None
    return Hidden(count=len(rest), weight=math.fsum(i.weight for i in rest),
                  effective_weight=math.fsum(i.effective_weight for i in rest),
                  points=math.fsum(i.points for i in rest if i.points is not None),
                  missing=sum(1 for i in rest if i.missing))


def period_result(unit: Unit, period: Period, score: UnitScore, hidden: Hidden | None = None) -> PeriodResult:
    """`score` is the edition's score of `unit` for `period`; `hidden`, what it leaves out."""
    scale = unit.scales.get(period.id)
    results = unit.results.get(period.id)
    shown_bonus = math.fsum(a.applied for a in score.adjustments if a.kind == "bonus")
    shown_deductions = math.fsum(a.applied for a in score.adjustments if a.kind == "deduction")
    veto_names = {v.id: v.name for v in scale.veto} if scale else {}
    persp_names = {p.id: p.name for p in unit.perspectives}
    return PeriodResult(
        unit=unit, period=period, score=score,
        rows=tuple(_item_row(unit, line, score.missing_rule) for line in score.items),
        hidden=hidden,
        adjustments=tuple(AdjustmentRow(a) for a in score.adjustments),
        hidden_bonus=max(0.0, score.bonus - shown_bonus),
        hidden_deductions=max(0.0, score.deductions - shown_deductions),
        vetoes=tuple(Named(v, veto_names.get(v, v)) for v in score.vetoed),
        hidden_veto=bool(score.grade_capped and not score.vetoed),
        note=results.note if results else None,
        scale_note=scale.note if scale else None,
        scale_approved=scale.approved if scale else None,
        results_approved=results.approved if results else None,
        perspectives=tuple(
            PerspectiveResult(p.perspective_id, persp_names.get(p.perspective_id, p.name), p.weight,
                              p.score, p.status)
            for p in score.perspectives.values() if p.weight > 0 or p.score is not None),
        objectives=tuple(
            ObjectiveResult(o.objective_id, o.name, persp_names.get(o.perspective_id or "", o.perspective_id or ""),
                            o.weight, o.score, o.status)
            for o in score.objectives.values() if o.measures),
        warnings=tuple(score.warnings),
    )
