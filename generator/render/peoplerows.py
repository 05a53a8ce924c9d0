"""Person-level results as typed rows (internal edition only), shared by the people-results
page, its downloads and the fairness overview."""
from __future__ import annotations

from dataclasses import dataclass

from ..model import Period, Unit
from ..scoring import FairnessSummary, MeasureScore, PersonScore, PostScore, fairness, score_people
from ..scoring.grades import GradeComparison, compare_grades, grade_for
from ..i18n import record_sep, tr
from . import fmt


@dataclass(frozen=True)
class PostRow:
    score: PostScore
    #: the difficulty class's name ("未分类" without one)
    difficulty: str

    @property
    def reshared(self) -> bool:
        """The missing-data rule moved this post's share (a post without any score)."""
        return abs(self.score.share - self.score.effective_share) > 1e-9

    @property
    def text(self) -> str:
        s = self.score
        return tr("{post}（占比 {share}，系数 {coefficient}，得分 {score}）", post=s.name,
                  share=fmt.share(s.effective_share), coefficient=fmt.value(s.coefficient),
                  score=fmt.missing() if s.score is None else fmt.score(s.score))


@dataclass(frozen=True)
class MissingLine:
    post: str
    line: MeasureScore


@dataclass(frozen=True)
class PersonRow:
    score: PersonScore
    posts: tuple[PostRow, ...]
    #: the grade the adjusted score would give ("" without a score)
    grade: str
    #: the person's traditional grade's name ("" without one)
    traditional: str
    comparison: GradeComparison | None

    @property
    def id(self) -> str:
        return self.score.person_id

    @property
    def name(self) -> str:
        return self.score.name

    @property
    def title(self) -> str:
        return self.score.title or ""

    @property
    def multi(self) -> bool:
        return self.score.multi_post

    @property
    def posts_text(self) -> str:
        return fmt.join((p.text for p in self.posts), record_sep())

    @property
    def raw(self) -> float | None:
        return self.score.raw

    @property
    def coefficient_score(self) -> float | None:
        return self.score.coefficient_score

    @property
    def normalisation(self) -> float | None:
        return self.score.normalisation

    @property
    def normalised_score(self) -> float | None:
        return self.score.normalised_score

    @property
    def rating(self) -> float | None:
        return self.score.leadership_rating

    @property
    def share(self) -> float:
        return self.score.leadership_share

    @property
    def adjusted(self) -> float | None:
        return self.score.adjusted

    @property
    def formula(self) -> float | None:
        """The formula result, before the leadership team's final adjustment."""
        return self.score.formula

    @property
    def final_text(self) -> str:
        """The final adjustment as it counts: +2.00, or NONE without one."""
        f = self.score.final_adjustment
        return fmt.NONE if f is None else fmt.signed(f.applied)

    @property
    def delta(self) -> float | None:
        s = self.score
        return None if s.adjusted is None or s.raw is None else s.adjusted - s.raw

    @property
    def flags(self) -> tuple[str, ...]:
        return self.score.flags

    @property
    def missing(self) -> list[MissingLine]:
        return [MissingLine(p.score.name, line) for p in self.posts for line in p.score.items
                if line.missing or line.error]

    @property
    def comparison_text(self) -> str:
        """How the BSC grade compares with the traditional one ("" when they agree or cannot)."""
        c = self.comparison
        return fmt.comparison(c) if c is not None and c.kind in ("higher", "lower") else ""


@dataclass(frozen=True)
class PeoplePeriod:
    period: Period
    rows: tuple[PersonRow, ...]
    fair: FairnessSummary

    @property
    def normalisation(self) -> float | None:
        return next((r.normalisation for r in self.rows if r.normalisation is not None), None)

    @property
    def has_final(self) -> bool:
        """Some person's score carries a leadership team's final adjustment."""
        return any(r.score.final_adjustment is not None for r in self.rows)

    @property
    def gap_change(self) -> str:
        """Whether the adjustment narrowed the gap between one-post and several-post people."""
        raw, adjusted = self.fair.raw_gap, self.fair.adjusted_gap
        if raw is None or adjusted is None:
            return fmt.NONE
        change = abs(raw) - abs(adjusted)
        if fmt.score(abs(change)) == fmt.score(0):
            return tr("不变")
        if change > 0:
            return tr("差距缩小 {change}", change=fmt.score(abs(change)))
        return tr("差距扩大 {change}", change=fmt.score(abs(change)))


def person_rows(unit: Unit, scores: tuple[PersonScore, ...]) -> tuple[PersonRow, ...]:
    grades = unit.rules.grades
    names = {g.id: g.name for g in grades}
    difficulty = {d.id: d.name for d in unit.rules.difficulty}
    rows = []
    for s in scores:
        grade = grade_for(s.adjusted, grades) if s.adjusted is not None else None
        comparison = None
        if grade is not None and s.traditional_grade is not None:
            comparison = compare_grades(grade.id, s.traditional_grade, grades)
        rows.append(PersonRow(
            score=s,
            posts=tuple(PostRow(p, difficulty.get(p.difficulty or "", p.difficulty or tr("未分类"))) for p in s.posts),
            grade=grade.name if grade else "",
            traditional=names.get(s.traditional_grade, s.traditional_grade) if s.traditional_grade else "",
            comparison=comparison))
    return tuple(rows)


def people_periods(unit: Unit) -> list[PeoplePeriod]:
    """Every period with person results, in time order."""
    out = []
    for period in unit.periods:
        results = unit.results.get(period.id)
        if results is None or not results.people or not unit.people:
            continue
        scores = score_people(unit, period.id)
        out.append(PeoplePeriod(period, person_rows(unit, scores), fairness(scores)))
    return out
