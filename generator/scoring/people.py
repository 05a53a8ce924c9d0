"""Personal scores for people who hold one or several posts (pilot lesson 4).

Each post's score is the weighted mean of that post's personal measures. The raw score is
Σ share × post score; the adjusted score applies the two remedies the pilots proposed, and
keeps every step visible:

1. difficulty coefficients (`rules.multi_post.coefficients`): Σ share × coefficient × post
   score, with 1.0 (and a flag) for a post without a known difficulty class;
2. normalisation (`rules.multi_post.normalise`, on by default, only with coefficients): every
   coefficient score of the period is multiplied by one unit-level factor
   k = (mean raw) ÷ (mean coefficient score) over the people scored in the period, so the
   coefficients move points between people instead of raising everyone (with k the mean
   normalised score equals the mean raw score);
3. a leadership-team rating (`rules.multi_post.leadership_share` s > 0):
   (1 − s) × normalised score + s × rating; no blend (and a flag) when the rating is missing.
   This is the formula result (`formula`);
4. the leadership team's final adjustment (`final_adjustment` in the person's results, with
   its reason), within ± `rules.multi_post.adjustment_cap` (`leadership`): the adjusted score
   = formula + applied adjustment, shown beside the formula result.

Missing data follows the period's missing rule, at both levels: a missing personal actual is
left out (or scored 0), and so is a post that has no score at all.
"""
from __future__ import annotations

import math
from dataclasses import replace
from typing import Iterable, Sequence

from ..i18n import tr
from ..model import AssessmentRules, Person, PersonResult, Unit
from . import leadership
from .measures import score_personal
from .records import FairnessSummary, GroupMean, MissingRule, PersonScore, PostScore
from .weights import apply_missing_rule, weighted_mean


def _coefficient(unit: Unit, post_id: str) -> tuple[str | None, float, bool]:
    """(difficulty class id, coefficient, unclassified?) of a post."""
    post = unit.post_index.get(post_id)
    classes = {d.id: d for d in unit.rules.difficulty}
    if post is None or post.difficulty is None or post.difficulty not in classes:
        return (post.difficulty if post else None), 1.0, True
    return post.difficulty, classes[post.difficulty].coefficient, False


def _post_scores(unit: Unit, person: Person, result: PersonResult | None,
                 rules: AssessmentRules, missing_rule: MissingRule,
                 period_id: str) -> tuple[PostScore, ...]:
    actuals = result.actuals if result else {}
    unit_results = unit.results.get(period_id)
    unit_actuals = unit_results.actuals if unit_results else {}
    period = unit.period_index.get(period_id)
    year = period.year if period else None
    n = len(person.posts)
    posts: list[PostScore] = []
    for assignment in person.posts:
        lines = apply_missing_rule(
            [score_personal(unit, pm, actuals, unit_actuals, rules, period_id, year)
             for pm in person.measures if pm.post == assignment.post],
            missing_rule)
        score = weighted_mean((l.effective_weight, l.score) for l in lines)
        difficulty, coefficient, unclassified = _coefficient(unit, assignment.post)
        post = unit.post_index.get(assignment.post)
        share = assignment.share if assignment.share is not None else 1 / n
        posts.append(PostScore(post_id=assignment.post, name=post.name if post else assignment.post,
                               share=share, effective_share=share, difficulty=difficulty,
                               coefficient=coefficient, unclassified=unclassified, score=score,
                               items=lines))
    return tuple(posts)


def _apply_share_rule(posts: Sequence[PostScore], missing_rule: MissingRule) -> tuple[PostScore, ...]:
    """Posts without a score: left out with the others' shares scaled up, or scored 0."""
    if missing_rule == "zero":
        return tuple(p if p.score is not None else replace(p, score=0.0) for p in posts)
    total = math.fsum(p.share for p in posts)
    scored = math.fsum(p.share for p in posts if p.score is not None)
    return tuple(replace(p, effective_share=p.share * total / scored
                         if p.score is not None and scored > 0 else 0.0) for p in posts)


def _blend(score: float | None, rating: float | None, share: float) -> float | None:
    """(1 − share) × score + share × rating; the score itself when there is nothing to blend."""
    if score is None or rating is None or share <= 0:
        return score
    return (1 - share) * score + share * rating


def score_person(unit: Unit, person: Person, result: PersonResult | None,
                 missing_rule: MissingRule, period_id: str = "") -> PersonScore:
    """One person's scores, before normalisation: that needs everyone's scores, so
    `score_people` applies it (the normalised score here is the coefficient score)."""
    rules = unit.rules
    as_scored = _post_scores(unit, person, result, rules, missing_rule, period_id)
    flags: list[str] = []
    for p in as_scored:
        if p.score is None:
            if missing_rule == "zero":
                flags.append(tr("岗位 {post} 没有可计分的个人指标，按 0 分计", post=p.name))
            else:
                flags.append(tr("岗位 {post} 没有可计分的个人指标，不计入，其余岗位按占比折算", post=p.name))
    posts = _apply_share_rule(as_scored, missing_rule)
    held = {a.post for a in person.posts}
    for pm in person.measures:
        if pm.post not in held:
            flags.append(tr("个人指标 {id} 所属岗位 {post} 不在此人的岗位中，未计入", id=pm.id, post=pm.post))
    # (effective share, coefficient, score) of every post that counts
    counted = [(p.effective_share, p.coefficient, p.score) for p in posts
               if p.score is not None and p.effective_share > 0]
    raw = math.fsum(share * score for share, _, score in counted) if counted else None

    coefficients = rules.multi_post.coefficients
    if coefficients:
        for p in posts:
            if p.unclassified:
                if p.difficulty:
                    flags.append(tr("岗位 {post} 难度类别 {difficulty} 不在考核办法中，系数按 1.0 计",
                                    post=p.name, difficulty=p.difficulty))
                else:
                    flags.append(tr("岗位 {post} 没有岗位难度类别，系数按 1.0 计", post=p.name))
        coefficient_score = (math.fsum(share * coef * score for share, coef, score in counted)
                             if counted else None)
    else:
        coefficient_score = raw

    rating = result.leadership_rating if result else None
    share = rules.multi_post.leadership_share
    rating_missing = share > 0 and rating is None
    if rating_missing:
        flags.append(tr("缺少领导班子综合评价，未做加权"))
    applied_share = share if share > 0 and rating is not None else 0.0
    formula = _blend(coefficient_score, rating, applied_share)
    final = leadership.final_adjustment(result.final_adjustment if result else None,
                                        rules.multi_post.adjustment_cap)
    remark = leadership.flag(final)
    if remark:
        flags.append(remark)
    return PersonScore(
        person_id=person.id, name=person.name, title=person.title, posts=posts, raw=raw,
        coefficient_score=coefficient_score, coefficients_applied=coefficients,
        normalisation=None, normalised_score=coefficient_score,
        leadership_rating=rating, leadership_share=applied_share,
        adjusted=leadership.apply(formula, final),
        rating_missing=rating_missing, flags=tuple(flags), missing_rule=missing_rule,
        traditional_grade=result.traditional_grade if result else None,
        formula=formula, final_adjustment=final)


def score_people(unit: Unit, period_id: str) -> tuple[PersonScore, ...]:
    """Every person with results in the period; () when the period has no results.

    A period whose results have no `people:` block did not assess people (e.g. personal
    cards assessed only in annual periods): nobody is scored. Where the block exists, a person
    missing from it is reported with no score (missing), never 0.
    """
    results = unit.results.get(period_id)
    if results is None or not results.people:
        return ()
    scale = unit.scales.get(period_id)
    missing_rule: MissingRule = (scale.missing if scale and scale.missing else None) or unit.rules.missing
    scores = tuple(score_person(unit, person, results.people.get(person.id), missing_rule, period_id)
                   for person in unit.people)
    multi = unit.rules.multi_post
    factor = normalisation_factor(scores) if multi.coefficients and multi.normalise else None
    if factor is None:
        return scores
    return tuple(_normalised(s, factor) for s in scores)


def normalisation_factor(scores: Iterable[PersonScore]) -> float | None:
    """Mean raw ÷ mean coefficient score over the people with a score; None when nobody has
    one (or every coefficient score is 0, when there is nothing to scale)."""
    pairs = [(s.raw, s.coefficient_score) for s in scores
             if s.raw is not None and s.coefficient_score is not None]
    coefficient_total = math.fsum(c for _, c in pairs)
    if not pairs or coefficient_total <= 0:
        return None
    return math.fsum(r for r, _ in pairs) / coefficient_total  # the counts cancel


def _normalised(s: PersonScore, factor: float) -> PersonScore:
    normalised = None if s.coefficient_score is None else s.coefficient_score * factor
    formula = _blend(normalised, s.leadership_rating, s.leadership_share)
    return replace(s, normalisation=factor, normalised_score=normalised, formula=formula,
                   adjusted=leadership.apply(formula, s.final_adjustment))


def _group(people: Iterable[PersonScore]) -> GroupMean:
    people = list(people)
    raw = [p.raw for p in people if p.raw is not None]
    adjusted = [p.adjusted for p in people if p.adjusted is not None]
    return GroupMean(count=len(people),
                     raw=math.fsum(raw) / len(raw) if raw else None,
                     adjusted=math.fsum(adjusted) / len(adjusted) if adjusted else None)


def fairness(people_scores: Iterable[PersonScore]) -> FairnessSummary:
    """Mean raw and adjusted scores of people with one post vs several."""
    people = list(people_scores)
    return FairnessSummary(single=_group(p for p in people if not p.multi_post),
                           multi=_group(p for p in people if p.multi_post))
