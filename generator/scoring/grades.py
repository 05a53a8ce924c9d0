"""Grades from the total, and the cap a veto item puts on them."""
from __future__ import annotations

from typing import Sequence

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
