"""The scoring engine's results: frozen dataclasses, no behaviour beyond small conveniences.

Scores are percent of full marks (100 = target met) and stay unrounded floats; only the
report rounds, when it displays them.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Grade, TargetRange, TraditionalResult
from ..model.vocab import AdjustmentKind, DataType, MissingRule, Status
Target = float | TargetRange


@dataclass(frozen=True)
class RuleOutcome:
    """What a scoring rule makes of one actual: a score, or an error saying why not."""

    score: float | None
    error: str | None = None
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class MeasureScore:
    """One scored line: a scale item, a monitoring measure or a personal measure."""

    measure_id: str
    name: str
    objective_id: str | None
    #: nominal weight as declared in the scale (0 for monitoring measures)
    weight: float
    #: weight after the missing-data rule: `reweight` moves missing items' weight to the rest
    effective_weight: float
    target: Target | None
    actual: float | bool | None
    rule: str
    #: percent of full marks in [0, cap]; None when missing or unscorable (under `reweight`)
    score: float | None
    #: effective_weight × score / 100; None when the item is left out of the total
    points: float | None
    status: Status
    #: True when the actual is absent or null (still True under the `zero` rule)
    missing: bool
    note: str | None = None
    error: str | None = None
    cap: float | None = None
    evidence: str | None = None
    warnings: tuple[str, ...] = ()
    #: how the measure's values read (a `yesno` target of 1 is 是)
    data_type: DataType = "number"

    @property
    def scored(self) -> bool:
        """True when the item has a real score (not missing, not in error)."""
        return not self.missing and self.error is None


@dataclass(frozen=True)
class ObjectiveScore:
    score: float | None
    status: Status
    objective_id: str = ""
    name: str = ""
    perspective_id: str | None = None
    #: Σ effective weights of the items that rolled up into this objective
    weight: float = 0.0
    #: ids of the measures that rolled up (its own and its supporting department objectives')
    measures: tuple[str, ...] = ()


@dataclass(frozen=True)
class PerspectiveScore:
    score: float | None
    status: Status = "no-data"
    perspective_id: str = ""
    name: str = ""
    weight: float = 0.0


@dataclass(frozen=True)
class AdjustmentScore:
    """One bonus or deduction: what the results claim and what counts after the item's max."""

    id: str
    name: str
    kind: AdjustmentKind
    claimed: float
    applied: float
    max: float | None

    @property
    def clamped(self) -> bool:
        return self.applied != self.claimed


@dataclass(frozen=True)
class UnitScore:
    unit_id: str
    period_id: str
    items: tuple[MeasureScore, ...]
    objectives: dict[str, ObjectiveScore]
    perspectives: dict[str, PerspectiveScore]
    #: Σ points of the scale items, before bonus and deductions
    base_total: float
    bonus: float
    deductions: float
    vetoed: tuple[str, ...]
    #: max(0, base_total + bonus − deductions)
    total: float
    grade: Grade | None
    #: True when a veto item lowered the grade
    grade_capped: bool
    missing: tuple[str, ...]
    missing_rule: MissingRule
    traditional: TraditionalResult | None
    #: the grade the total alone would give (differs from `grade` when capped by a veto)
    uncapped_grade: Grade | None = None
    adjustments: tuple[AdjustmentScore, ...] = ()
    #: measure ids of items that could not be scored as written (no target, T = 0, ...)
    errors: tuple[str, ...] = ()
    #: Σ nominal weights of the scale (usually 100)
    nominal_weight: float = 0.0
    #: engine remarks: unknown bonus ids, negative adjustments, unknown veto ids, ...
    warnings: tuple[str, ...] = ()

    def item(self, measure_id: str) -> MeasureScore | None:
        return next((i for i in self.items if i.measure_id == measure_id), None)


@dataclass(frozen=True)
class PostScore:
    post_id: str
    name: str
    #: declared share of the person's work (equal split when not written)
    share: float
    #: share after the missing-data rule (a post without any score drops out under `reweight`)
    effective_share: float
    difficulty: str | None
    coefficient: float
    #: True when the post has no (known) difficulty class and 1.0 was used
    unclassified: bool
    score: float | None
    items: tuple[MeasureScore, ...] = ()


@dataclass(frozen=True)
class FinalAdjustment:
    """The leadership team's final adjustment of one person's score: what it decided, what
    counts within the rules' cap, and why."""

    claimed: float
    #: the claimed points clamped to ±cap (0 when the rules set no cap)
    applied: float
    #: the rules' `multi_post.adjustment_cap`; None when the rules allow no adjustment
    cap: float | None
    reason: str
    by: str | None = None

    @property
    def capped(self) -> bool:
        return self.applied != self.claimed


@dataclass(frozen=True)
class PersonScore:
    person_id: str
    name: str
    title: str | None
    posts: tuple[PostScore, ...]
    #: Σ share × post score
    raw: float | None
    #: Σ share × coefficient × post score (= raw when coefficients are off), before normalisation
    coefficient_score: float | None
    coefficients_applied: bool
    #: the period's unit-level normalisation factor, mean raw ÷ mean coefficient score over
    #: the people scored in the period; None when not applied (normalise or coefficients off)
    normalisation: float | None
    #: normalisation × coefficient_score (= coefficient_score when no factor was applied)
    normalised_score: float | None
    leadership_rating: float | None
    #: the leadership share actually blended in (0 when off or when the rating is missing)
    leadership_share: float
    #: the score after every remedy: the formula result plus the leadership team's final
    #: adjustment (= `formula` without one)
    adjusted: float | None
    #: True when a leadership share is set but this person has no rating (no blend was done)
    rating_missing: bool = False
    flags: tuple[str, ...] = ()
    missing_rule: MissingRule = "reweight"
    traditional_grade: str | None = None
    #: normalised_score blended with the leadership rating: what the formula gives
    formula: float | None = None
    #: the leadership team's final adjustment, shown beside the formula result
    final_adjustment: FinalAdjustment | None = None

    @property
    def multi_post(self) -> bool:
        return len(self.posts) > 1

    @property
    def unclassified_posts(self) -> tuple[str, ...]:
        return tuple(p.post_id for p in self.posts if p.unclassified)


@dataclass(frozen=True)
class GroupMean:
    count: int
    raw: float | None
    adjusted: float | None


@dataclass(frozen=True)
class FairnessSummary:
    """Mean scores of people with one post and with several (lesson 4), raw and adjusted."""

    single: GroupMean = field(default_factory=lambda: GroupMean(0, None, None))
    multi: GroupMean = field(default_factory=lambda: GroupMean(0, None, None))

    @property
    def raw_gap(self) -> float | None:
        """Several posts minus one post, before adjustment (negative: multi-post people score lower)."""
        return _gap(self.multi.raw, self.single.raw)

    @property
    def adjusted_gap(self) -> float | None:
        return _gap(self.multi.adjusted, self.single.adjusted)


def _gap(a: float | None, b: float | None) -> float | None:
    return None if a is None or b is None else a - b
