"""Cascade integrity: department and personal measures that derive from a unit measure take its
target and actual unless they give a reason; contradictions are found. Hand-built units."""
from __future__ import annotations

import pytest

from generator.model import Department, PersonalMeasure, PostAssignment, TargetRange
from generator.model.results import PersonResult
from generator.scoring import cascade, score_people, score_unit

from .factories import Person, Post, item, make_unit, measure, objective, results, scale

UNIT_M = measure("u1", "o1", 86, name="群众满意度")  # 2008 target 86


def dept(*measures) -> Department:
    return Department(id="office", name="党政办", objectives=[objective("d1", "process", supports=["o1"])],
                      measures=list(measures))


def unit_with(*dept_measures, people=(), actuals=None, people_results=None):
    return make_unit(measures=[UNIT_M], objectives=[objective("o1")], departments=[dept(*dept_measures)],
                     posts=[Post(id="sec", name="党委书记")], people=people,
                     scales={"2008": scale([item("u1", 60), item("d-1", 40)])},
                     results={"2008": results(actuals if actuals is not None else {"u1": 84.5},
                                              people=people_results or {})})


def test_department_measure_inherits_target_and_actual() -> None:
    d = measure("d-1", "d1", None, derives_from="u1")
    unit = unit_with(d)
    assert cascade.target(unit, d, "2008", 2008) == 86
    assert cascade.actual(unit, {"u1": 84.5}, d) == 84.5
    scored = score_unit(unit, "2008")
    assert scored is not None
    line = scored.item("d-1")
    # the sub-card line is scored on the unit's figures: 84.5 / 86 = 98.26 %
    assert line is not None and line.actual == 84.5 and line.score == pytest.approx(84.5 / 86 * 100)
    assert cascade.contradictions(unit) == ()


def test_own_values_without_a_reason_are_contradictions_and_do_not_count() -> None:
    d = measure("d-1", "d1", 90, derives_from="u1")
    unit = unit_with(d, actuals={"u1": 84.5, "d-1": 87.5})
    # the unit's figures count: target 86, actual 84.5
    assert cascade.target(unit, d, "2008", 2008) == 86
    assert cascade.actual(unit, unit.results["2008"].actuals, d) == 84.5
    found = cascade.contradictions(unit)
    assert [(c.what, c.key, c.own, c.theirs) for c in found] == [("target", "2008", 90, 86),
                                                                ("actual", "2008", 87.5, 84.5)]


def test_a_reason_makes_own_values_count() -> None:
    d = measure("d-1", "d1", 90, derives_from="u1", override_reason="只统计乡机关")
    unit = unit_with(d, actuals={"u1": 84.5, "d-1": 87.5})
    assert cascade.target(unit, d, "2008", 2008) == 90
    assert cascade.actual(unit, unit.results["2008"].actuals, d) == 87.5
    assert cascade.contradictions(unit) == ()


def test_own_value_fills_a_gap_in_the_source() -> None:
    d = measure("d-1", "d1", 90, year="2009", derives_from="u1")   # the unit has no 2009 target
    unit = unit_with(d)
    assert cascade.target(unit, d, "2009", 2009) == 90
    assert cascade.targets(unit, d) == {"2009": 90, "2008": 86}
    assert cascade.contradictions(unit) == ()


def test_chain_and_loop() -> None:
    mid = measure("d-1", "d1", None, derives_from="u1")
    low = measure("d-2", "d1", None, derives_from="d-1")
    loop = measure("d-3", "d1", 5, derives_from="d-3")
    unit = unit_with(mid, low, loop)
    assert cascade.target(unit, low, "2008", 2008) == 86        # d-2 → d-1 → u1
    assert cascade.target(unit, loop, "2008", 2008) == 5        # a loop stops where it closes


def test_same_compares_figures() -> None:
    assert cascade.same(84.5, 84.5000000000001) and not cascade.same(84.5, 84.6)
    assert cascade.same(TargetRange(min=95, max=100), TargetRange(min=95, max=100))
    assert not cascade.same(TargetRange(min=95, max=100), 100) and not cascade.same(True, 1)


def _secretary(**kw) -> Person:
    return Person(id="jin", name="金书记", posts=[PostAssignment(post="sec")],
                  measures=[PersonalMeasure(id="j1", name="全乡群众满意度", post="sec", weight=100,
                                            derives_from="u1", **kw)])


def test_personal_measure_takes_the_unit_figures() -> None:
    person = _secretary()
    unit = unit_with(people=[person], people_results={"jin": PersonResult(actuals={})})
    [score] = score_people(unit, "2008")
    line = score.posts[0].items[0]
    # target 86 and actual 84.5 from u1: 84.5 / 86 × 100 = 98.26
    assert (line.target, line.actual) == (86, 84.5)
    assert score.raw == pytest.approx(84.5 / 86 * 100)


def test_personal_actual_that_contradicts_the_unit() -> None:
    person = _secretary()
    unit = unit_with(people=[person], people_results={"jin": PersonResult(actuals={"j1": 87.5})})
    [c] = cascade.contradictions(unit)
    assert (c.what, c.person.id, c.measure.id, c.own, c.theirs) == ("actual", "jin", "j1", 87.5, 84.5)
    [score] = score_people(unit, "2008")
    assert score.posts[0].items[0].actual == 84.5       # the unit's figure counts


def test_personal_general_target_is_compared_period_by_period() -> None:
    person = _secretary(target=90)
    unit = unit_with(people=[person], people_results={"jin": PersonResult(actuals={})})
    # the unit has a target only for 2008 (86): one contradiction, for 2008
    assert [(c.what, c.key, c.own, c.theirs) for c in cascade.contradictions(unit)] == [("target", "2008", 90, 86)]
