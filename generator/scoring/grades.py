"""Grades from the total, and the cap a veto item puts on them."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Sequence

from ..model import AssessmentRules, Grade


def grade_for(total: float, grades: Sequence[Grade]) -> Grade | None:
    """The highest grade whose `min` ≤ total (grades run high to low); None below them all."""
    for grade in sorted(grades, key=lambda g: g.min, reverse=True):
        if grade.min <= total:
            return grade
    return None


def veto_cap(rules: AssessmentRules) -> Grade:
    """The best grade a vetoed unit can get: `rules.veto_grade`, else the lowest grade."""
    by_id = {g.id: g for g in rules.grades}
    if rules.veto_grade is not None and rules.veto_grade in by_id:
        return by_id[rules.veto_grade]
    return min(rules.grades, key=lambda g: g.min)


def capped_grade(grade: Grade | None, rules: AssessmentRules, vetoed: bool) -> tuple[Grade | None, bool]:
    """(grade after any veto, whether the veto lowered it)."""
    if not vetoed or grade is None:
        return grade, False
    cap = veto_cap(rules)
    if grade.min > cap.min:
        return cap, True
    return grade, False


ComparisonKind = Literal["agree", "higher", "lower", "unknown"]


@dataclass(frozen=True)
class GradeComparison:
    """How a BSC grade compares with another grade (the traditional assessment's) of the same
    grade list, by position in that list (high to low)."""

    kind: ComparisonKind
    #: grade steps by which the BSC grade is better (> 0) or worse (< 0); None when not comparable
    steps: int | None


def compare_grades(bsc: str | None, other: str | None, grades: Sequence[Grade]) -> GradeComparison:
    """Compare grade ids; `unknown` when either is missing from the grade list."""
    ids = [g.id for g in grades]
    if bsc not in ids or other not in ids:
        return GradeComparison("unknown", None)
    steps = ids.index(other) - ids.index(bsc)  # > 0: the BSC grade sits higher in the list
    if steps == 0:
        return GradeComparison("agree", 0)
    return GradeComparison("higher" if steps > 0 else "lower", steps)
