"""Property tests: totals, caps, order independence, reweighting."""
from __future__ import annotations

import math
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.model import TargetRange
from generator.model.assessment import ScoringParams
from generator.scoring import score_unit
from generator.scoring.rules import apply_rule

from .factories import item, make_unit, measure, objective, results, rules, scale

RULE_KINDS = ["ratio", "linear", "bands", "done", "manual", "range"]
finite = st.floats(min_value=-1000, max_value=5000, allow_nan=False, allow_infinity=False)
positive = st.floats(min_value=0.1, max_value=1000, allow_nan=False, allow_infinity=False)


@st.composite
def line_specs(draw: Any) -> dict[str, Any]:
    """One measure + scale item + actual, of a random rule."""
    rule = draw(st.sampled_from(RULE_KINDS))
    polarity = draw(st.sampled_from(["up", "down"]))
    params: dict[str, Any] = {}
    target: Any = draw(positive)
    if rule == "linear":
        params["floor"] = draw(finite.filter(lambda f: abs(f - target) > 1e-6))
    elif rule == "bands":
        params["bands"] = [{"min": draw(finite), "score": draw(st.floats(0, 150))},
                           {"max": draw(finite), "score": draw(st.floats(0, 150))}]
    elif rule == "range":
        lo, width = draw(finite), draw(st.floats(0, 100))
        target = {"min": lo, "max": lo + width}
        polarity = "range"
        if draw(st.booleans()):
            params["tolerance"] = draw(positive)
    elif rule in ("done", "manual"):
        target = None
    if draw(st.booleans()):
        params["cap"] = draw(st.floats(min_value=50, max_value=200))
    actual = draw(st.one_of(st.none(), st.booleans(), finite) if rule == "done"
                  else st.one_of(st.none(), finite, positive))
    return dict(rule=rule, polarity=polarity, target=target, params=params, actual=actual,
                weight=draw(st.floats(min_value=0.5, max_value=100)),
                objective=draw(st.sampled_from(["o1", "o2", "o3"])))


@st.composite
def scenarios(draw: Any) -> dict[str, Any]:
    specs = draw(st.lists(line_specs(), min_size=1, max_size=8))
    return dict(specs=specs, missing=draw(st.sampled_from(["reweight", "zero"])),
                cap=draw(st.floats(min_value=100, max_value=150)),
                order=draw(st.permutations(range(len(specs)))),
                actual_order=draw(st.permutations(range(len(specs)))))


def build(scenario: dict[str, Any], order: list[int] | None = None,
          actual_order: list[int] | None = None):
    specs = scenario["specs"]
    ids = [f"m{i}" for i in range(len(specs))]
    measures = [measure(ids[i], s["objective"], target=s["target"], polarity=s["polarity"])
                for i, s in enumerate(specs)]
    items = [item(ids[i], s["weight"], s["rule"], **s["params"]) for i, s in enumerate(specs)]
    actuals = {ids[i]: s["actual"] for i, s in enumerate(specs)}
    order = order or list(range(len(specs)))
    actual_order = actual_order or list(range(len(specs)))
    return make_unit(
        measures=measures,
        objectives=[objective("o1", "stakeholder"), objective("o2", "customer"), objective("o3", "process")],
        own_rules=rules(missing=scenario["missing"], score_cap=scenario["cap"]),
        scales={"2008": scale([items[i] for i in order])},
        results={"2008": results({ids[i]: actuals[ids[i]] for i in actual_order})})


@settings(max_examples=200, deadline=None)
@given(scenarios())
def test_base_total_is_sum_of_effective_points(scenario: dict[str, Any]) -> None:
    s = score_unit(build(scenario), "2008")
    assert s is not None
    expected = math.fsum(i.effective_weight * i.score / 100 for i in s.items if i.score is not None)
    assert s.base_total == pytest.approx(expected, abs=1e-9)
    assert s.total >= 0


@settings(max_examples=200, deadline=None)
@given(scenarios())
def test_every_score_within_zero_and_cap(scenario: dict[str, Any]) -> None:
    s = score_unit(build(scenario), "2008")
    assert s is not None
    for line in s.items:
        assert line.cap is not None
        if line.score is not None:
            assert 0 <= line.score <= line.cap
        if line.missing:
            assert line.status == "no-data"
            assert line.score is None if s.missing_rule == "reweight" else line.score == 0
    # an objective's score is a weighted mean of its items' scores: within their caps
    highest_cap = max((line.cap for line in s.items if line.cap is not None), default=0)
    for o in s.objectives.values():
        if o.score is not None:
            assert 0 <= o.score <= highest_cap + 1e-9


@settings(max_examples=150, deadline=None)
@given(scenarios())
def test_shuffling_items_or_actuals_changes_nothing(scenario: dict[str, Any]) -> None:
    a = score_unit(build(scenario), "2008")
    b = score_unit(build(scenario, scenario["order"], scenario["actual_order"]), "2008")
    assert a is not None and b is not None
    assert a.base_total == b.base_total  # exact: math.fsum does not depend on order
    assert a.total == b.total and a.grade == b.grade
    assert {i.measure_id: (i.score, i.effective_weight, i.status) for i in a.items} == \
           {i.measure_id: (i.score, i.effective_weight, i.status) for i in b.items}
    assert {k: o.score for k, o in a.objectives.items()} == {k: o.score for k, o in b.objectives.items()}
    assert {k: p.score for k, p in a.perspectives.items()} == {k: p.score for k, p in b.perspectives.items()}
    assert set(a.missing) == set(b.missing)


@settings(max_examples=200, deadline=None)
@given(scenarios())
def test_effective_weights_keep_the_nominal_total(scenario: dict[str, Any]) -> None:
    s = score_unit(build(scenario), "2008")
    assert s is not None
    nominal = math.fsum(i.weight for i in s.items)
    effective = math.fsum(i.effective_weight for i in s.items)
    if s.missing_rule == "zero":
        assert all(i.effective_weight == i.weight for i in s.items)
    elif any(i.scored for i in s.items):
        assert effective == pytest.approx(nominal)
        assert all(i.effective_weight == 0 for i in s.items if not i.scored)
    else:
        assert effective == 0


@settings(max_examples=500, deadline=None)
@given(rule=st.sampled_from(RULE_KINDS), actual=st.one_of(st.booleans(), st.floats()),
       target=st.one_of(st.none(), st.floats(), st.builds(lambda a, w: TargetRange(min=a, max=a + w),
                                                          finite, st.floats(0, 100))),
       polarity=st.sampled_from(["up", "down", "range"]), cap=st.floats(0, 300))
def test_rules_never_raise_and_stay_within_cap(rule: str, actual: Any, target: Any, polarity: str,
                                               cap: float) -> None:
    params = ScoringParams(rule=rule, floor=0.0 if rule == "linear" else None,
                           bands=[{"min": 0, "score": 100}] if rule == "bands" else [])
    outcome, used_cap = apply_rule(actual, target, params, polarity, max(cap, 100))
    assert (outcome.score is None) != (outcome.error is None)
    if outcome.score is not None:
        assert 0 <= outcome.score <= used_cap
