"""Personal scores for people with several posts (lesson 4): raw, coefficients, normalisation,
leadership blend."""
from __future__ import annotations

import math
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.model import DifficultyClass, PersonalMeasure, PostAssignment
from generator.model.assessment import MultiPost
from generator.model.results import PersonResult
from generator.scoring import FairnessSummary, PersonScore, fairness, score_people

from .factories import Person, Post, item, make_unit, measure, objective, results, rules, scale

DIFFICULTY = [DifficultyClass(id="A", name="繁重", coefficient=1.2),
              DifficultyClass(id="B", name="一般", coefficient=1.0),
              DifficultyClass(id="C", name="较轻", coefficient=0.9)]
POSTS = [Post(id="sec", name="党委副书记", difficulty="A"),
         Post(id="discipline", name="纪委书记", difficulty="B"),
         Post(id="armed", name="武装部长"),                      # no difficulty class
         Post(id="clerk", name="文书", difficulty="C")]


def pm(id: str, post: str, weight: float, rule: str = "ratio", target: Any = 100, **kw: Any) -> PersonalMeasure:
    return PersonalMeasure(id=id, name=f"个人指标{id}", post=post, weight=weight, rule=rule,
                           target=target, **kw)


ZHANG = Person(id="zhang", name="张三", title="党委副书记",
               posts=[PostAssignment(post="sec", share=0.5), PostAssignment(post="discipline", share=0.3),
                      PostAssignment(post="armed", share=0.2)],
               measures=[pm("p1", "sec", 60), pm("p2", "sec", 40, "done", target=None),
                         pm("p3", "discipline", 100, "manual", target=None),
                         pm("p4", "armed", 100, target=10)])
LI = Person(id="li", name="李四", posts=[PostAssignment(post="clerk")], measures=[pm("p5", "clerk", 100)])
WANG = Person(id="wang", name="王五", posts=[PostAssignment(post="sec"), PostAssignment(post="clerk")],
              measures=[pm("w1", "sec", 100), pm("w2", "clerk", 100)])

PEOPLE_RESULTS = {
    "zhang": PersonResult(actuals={"p1": 90, "p2": True, "p3": 80, "p4": 7}, leadership_rating=90),
    "li": PersonResult(actuals={"p5": 100}),
    "wang": PersonResult(actuals={"w1": None, "w2": 80}, leadership_rating=70),
}


def people_unit(people_results: dict[str, PersonResult] | None = None, *, missing: str = "reweight",
                **multi: Any):
    """Plain multiplication by default (normalise off): the tests of normalisation turn it on."""
    r = rules(difficulty=DIFFICULTY, missing=missing,
              multi_post=MultiPost(**{"coefficients": True, "normalise": False, "leadership_share": 0.2,
                                      **multi}))
    return make_unit(measures=[measure("m1")], objectives=[objective("o1")], posts=POSTS,
                     people=[ZHANG, LI, WANG], own_rules=r,
                     scales={"2008": scale([item("m1", 100)])},
                     results={"2008": results({"m1": 100},
                                              people=PEOPLE_RESULTS if people_results is None else people_results)})


def by_id(scores: tuple[PersonScore, ...]) -> dict[str, PersonScore]:
    return {p.person_id: p for p in scores}


def test_multi_post_raw_coefficients_and_leadership_blend() -> None:
    zhang = by_id(score_people(people_unit(), "2008"))["zhang"]
    posts = {p.post_id: p for p in zhang.posts}
    assert posts["sec"].score == pytest.approx(94)  # (60 × 90 + 40 × 100) / 100
    assert posts["discipline"].score == pytest.approx(80)
    assert posts["armed"].score == pytest.approx(70)  # 7/10
    # raw = 0.5 × 94 + 0.3 × 80 + 0.2 × 70 = 47 + 24 + 14 = 85
    assert zhang.raw == pytest.approx(85)
    # coefficients: 0.5 × 1.2 × 94 + 0.3 × 1.0 × 80 + 0.2 × 1.0 (unclassified) × 70 = 56.4 + 24 + 14 = 94.4
    assert zhang.coefficient_score == pytest.approx(94.4)
    # leadership 0.2: 0.8 × 94.4 + 0.2 × 90 = 75.52 + 18 = 93.52
    assert zhang.adjusted == pytest.approx(93.52)
    assert zhang.leadership_share == 0.2 and zhang.leadership_rating == 90
    assert zhang.multi_post and zhang.coefficients_applied
    assert zhang.unclassified_posts == ("armed",)
    assert posts["armed"].coefficient == 1.0 and posts["sec"].coefficient == 1.2
    assert any("武装部长" in f for f in zhang.flags)
    assert not zhang.rating_missing
    # normalise off: no factor, the normalised score is the coefficient score
    assert zhang.normalisation is None and zhang.normalised_score == pytest.approx(94.4)


def test_single_post_with_coefficient_and_missing_rating() -> None:
    li = by_id(score_people(people_unit(), "2008"))["li"]
    assert li.posts[0].share == 1.0  # no share written → equal split of one post
    assert li.raw == pytest.approx(100)  # 100/100
    assert li.coefficient_score == pytest.approx(90)  # 1.0 × 0.9 × 100
    assert li.adjusted == pytest.approx(90)  # no rating → no blend
    assert li.rating_missing and li.leadership_share == 0
    assert any("领导班子" in f for f in li.flags)
    assert not li.multi_post


def test_post_without_any_score_reweights_shares() -> None:
    wang = by_id(score_people(people_unit(), "2008"))["wang"]
    posts = {p.post_id: p for p in wang.posts}
    assert posts["sec"].score is None and posts["sec"].share == 0.5 and posts["sec"].effective_share == 0
    assert posts["clerk"].effective_share == pytest.approx(1.0)  # 0.5 × 1 / 0.5
    assert wang.raw == pytest.approx(80)
    assert wang.coefficient_score == pytest.approx(72)  # 1.0 × 0.9 × 80
    assert wang.adjusted == pytest.approx(71.6)  # 0.8 × 72 + 0.2 × 70 = 57.6 + 14
    assert posts["sec"].items[0].missing
    assert wang.flags


def test_missing_personal_actual_under_zero() -> None:
    wang = by_id(score_people(people_unit(missing="zero"), "2008"))["wang"]
    assert wang.missing_rule == "zero"
    # sec post: its only measure is missing → 0; raw = 0.5 × 0 + 0.5 × 80 = 40
    assert wang.raw == pytest.approx(40)
    # coefficients: 0.5 × 1.2 × 0 + 0.5 × 0.9 × 80 = 36
    assert wang.coefficient_score == pytest.approx(36)


def test_coefficients_off_keeps_raw() -> None:
    zhang = by_id(score_people(people_unit(coefficients=False), "2008"))["zhang"]
    assert zhang.coefficient_score == pytest.approx(85) and not zhang.coefficients_applied
    assert zhang.adjusted == pytest.approx(86)  # 0.8 × 85 + 0.2 × 90 = 68 + 18
    assert not any("系数" in f for f in zhang.flags)


def test_no_leadership_share_no_blend() -> None:
    zhang = by_id(score_people(people_unit(leadership_share=0.0), "2008"))["zhang"]
    assert zhang.adjusted == pytest.approx(94.4)
    assert zhang.leadership_share == 0 and not zhang.rating_missing


def test_period_without_people_block_scores_nobody() -> None:
    assert score_people(people_unit({}), "2008") == ()


def test_person_without_results_has_no_score() -> None:
    # li and wang have (empty) entries, zhang none: zhang is reported missing, not scored 0
    scores = by_id(score_people(people_unit({"li": PersonResult(), "wang": PersonResult()}), "2008"))
    assert scores["zhang"].raw is None and scores["zhang"].adjusted is None
    assert all(i.missing for p in scores["zhang"].posts for i in p.items)


def test_no_results_file_gives_nothing() -> None:
    assert score_people(people_unit(), "2009") == ()


def test_fairness_summary() -> None:
    summary = fairness(score_people(people_unit(), "2008"))
    assert isinstance(summary, FairnessSummary)
    assert summary.single.count == 1 and summary.multi.count == 2
    assert summary.single.raw == pytest.approx(100) and summary.single.adjusted == pytest.approx(90)
    assert summary.multi.raw == pytest.approx(82.5)  # (85 + 80) / 2
    assert summary.multi.adjusted == pytest.approx(82.56)  # (93.52 + 71.6) / 2
    assert summary.raw_gap == pytest.approx(-17.5)
    assert summary.adjusted_gap == pytest.approx(-7.44)


# -- normalisation (rules.multi_post.normalise) ----------------------------------------------

def test_normalise_is_on_by_default() -> None:
    assert MultiPost().normalise is True


def test_normalisation_scales_every_coefficient_score_by_one_unit_factor() -> None:
    scores = by_id(score_people(people_unit(normalise=True), "2008"))
    zhang, li, wang = scores["zhang"], scores["li"], scores["wang"]
    # raw: zhang 85, li 100, wang 80 → mean 265 / 3
    # coefficient scores: zhang 94.4, li 90, wang 72 → mean 256.4 / 3
    # k = (265 / 3) ÷ (256.4 / 3) = 265 / 256.4 ≈ 1.03354
    k = 265 / 256.4
    assert all(s.normalisation == pytest.approx(k) for s in scores.values())
    # the steps before normalisation are kept as they were
    assert zhang.raw == pytest.approx(85) and zhang.coefficient_score == pytest.approx(94.4)
    # zhang: 94.4 × k = 25016 / 256.4 ≈ 97.566; 0.8 × that + 0.2 × 90 ≈ 78.053 + 18 = 96.053
    assert zhang.normalised_score == pytest.approx(25016 / 256.4)
    assert zhang.adjusted == pytest.approx(0.8 * 25016 / 256.4 + 18)
    assert zhang.adjusted == pytest.approx(96.053, abs=1e-3)
    # li: 90 × k = 23850 / 256.4 ≈ 93.019; no rating → no blend
    assert li.normalised_score == pytest.approx(23850 / 256.4)
    assert li.adjusted == pytest.approx(93.019, abs=1e-3)
    # wang: 72 × k = 19080 / 256.4 ≈ 74.415; 0.8 × that + 0.2 × 70 ≈ 59.532 + 14 = 73.532
    assert wang.normalised_score == pytest.approx(19080 / 256.4)
    assert wang.adjusted == pytest.approx(73.532, abs=1e-3)
    # the normalised scores keep the mean raw score: (25016 + 23850 + 19080) / 256.4 / 3 = 265 / 3
    assert math.fsum(s.normalised_score for s in scores.values()) / 3 == pytest.approx(265 / 3)


def test_normalisation_off_is_plain_multiplication() -> None:
    scores = by_id(score_people(people_unit(normalise=False, leadership_share=0.0), "2008"))
    assert all(s.normalisation is None for s in scores.values())
    # 94.4, 90 and 72 as multiplied: mean 256.4 / 3 ≈ 85.47 against a raw mean of 265 / 3 ≈ 88.33
    assert [scores[p].adjusted for p in ("zhang", "li", "wang")] == [pytest.approx(94.4), pytest.approx(90),
                                                                     pytest.approx(72)]


def test_normalisation_without_coefficients_does_nothing() -> None:
    zhang = by_id(score_people(people_unit(coefficients=False, normalise=True), "2008"))["zhang"]
    assert zhang.normalisation is None
    assert zhang.normalised_score == pytest.approx(85) and zhang.adjusted == pytest.approx(86)


def test_normalisation_leaves_out_people_without_a_score() -> None:
    # zhang has no results: the factor is over li and wang only
    scores = by_id(score_people(people_unit({"li": PEOPLE_RESULTS["li"], "wang": PEOPLE_RESULTS["wang"]},
                                            normalise=True, leadership_share=0.0), "2008"))
    # raw 100 and 80 (mean 90); coefficient scores 90 and 72 (both posts counted are class C, 0.9): mean 81
    # k = 90 / 81 = 10 / 9, which undoes the common 0.9: normalised = raw
    assert scores["li"].normalisation == pytest.approx(10 / 9)
    assert scores["li"].adjusted == pytest.approx(100) and scores["wang"].adjusted == pytest.approx(80)
    assert scores["zhang"].raw is None and scores["zhang"].normalised_score is None
    assert scores["zhang"].adjusted is None


def test_fairness_with_normalisation() -> None:
    summary = fairness(score_people(people_unit(normalise=True), "2008"))
    # single: li 23850 / 256.4 ≈ 93.019; multi: (96.053 + 73.532) / 2 ≈ 84.792
    assert summary.single.adjusted == pytest.approx(23850 / 256.4)
    assert summary.multi.adjusted == pytest.approx((0.8 * 25016 / 256.4 + 18 + 0.8 * 19080 / 256.4 + 14) / 2)
    # gap −17.5 before; ≈ −8.23 after (−7.44 with plain multiplication, which also lowered li to 90)
    assert summary.adjusted_gap == pytest.approx(-8.226, abs=1e-3)


MULTI_POSTS = ["sec", "discipline", "armed", "clerk"]


@st.composite
def people_periods(draw: Any) -> tuple[list, dict[str, PersonResult], str]:
    """A few people, each with 1–3 posts (random shares) and one personal measure a post."""
    people, people_results = [], {}
    for i in range(draw(st.integers(1, 6))):
        posts = draw(st.lists(st.sampled_from(MULTI_POSTS), min_size=1, max_size=3, unique=True))
        weights = [draw(st.integers(1, 10)) for _ in posts]
        shares = [w / sum(weights) for w in weights]
        shares[-1] = 1 - math.fsum(shares[:-1])
        measures = [pm(f"m{i}-{post}", post, 100) for post in posts]
        people.append(Person(id=f"p{i}", name=f"人员{i}",
                             posts=[PostAssignment(post=post, share=share) for post, share in zip(posts, shares)],
                             measures=measures))
        if draw(st.booleans()) or i == 0:
            actual = st.one_of(st.none(), st.floats(0, 150, allow_nan=False))
            people_results[f"p{i}"] = PersonResult(actuals={m.id: draw(actual) for m in measures})
    return people, people_results, draw(st.sampled_from(["reweight", "zero"]))


@settings(max_examples=200, deadline=None)
@given(people_periods())
def test_normalised_mean_equals_raw_mean_without_a_leadership_blend(case) -> None:
    people, people_results, missing = case
    r = rules(difficulty=DIFFICULTY, missing=missing,
              multi_post=MultiPost(coefficients=True, normalise=True, leadership_share=0.0))
    unit = make_unit(measures=[measure("m1")], objectives=[objective("o1")], posts=POSTS, people=people,
                     own_rules=r, scales={"2008": scale([item("m1", 100)])},
                     results={"2008": results({"m1": 100}, people=people_results)})
    scored = [s for s in score_people(unit, "2008") if s.raw is not None]
    assert all(s.adjusted is not None for s in scored)
    if not scored:
        return
    mean_raw = math.fsum(s.raw for s in scored) / len(scored)
    mean_adjusted = math.fsum(s.adjusted for s in scored) / len(scored)
    assert mean_adjusted == pytest.approx(mean_raw, rel=1e-9, abs=1e-9)


def test_fairness_of_nobody() -> None:
    summary = fairness(())
    assert summary.single.count == 0 and summary.raw_gap is None


def test_personal_measure_for_a_post_the_person_does_not_hold_is_flagged() -> None:
    stray = LI.model_copy(update={"measures": [*LI.measures, pm("x1", "sec", 50)]})
    r = rules(difficulty=DIFFICULTY)
    unit = make_unit(measures=[measure("m1")], objectives=[objective("o1")], posts=POSTS, people=[stray],
                     own_rules=r, scales={"2008": scale([item("m1", 100)])},
                     results={"2008": results({"m1": 100}, people={"li": PersonResult(actuals={"p5": 100, "x1": 0})})})
    li = score_people(unit, "2008")[0]
    assert li.raw == pytest.approx(100)  # x1 not counted
    assert any("x1" in f for f in li.flags)


def test_personal_target_per_period_overrides_general_target() -> None:
    from generator.model import PersonalMeasure
    pm = PersonalMeasure(id="x", name="x", post="p", target=10, targets={"2009": 12, "2009-q1": 3}, weight=100)
    assert pm.target_for("2008", 2008) == 10
    assert pm.target_for("2009", 2009) == 12
    assert pm.target_for("2009-q2", 2009) == 12  # the year's target serves its quarters
    assert pm.target_for("2009-q1", 2009) == 3
