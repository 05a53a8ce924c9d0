"""A unit's period: roll-up, missing data, bonus/deductions, veto, grades, objectives, perspectives."""
from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from generator.model import Department, Period, Thresholds, TraditionalResult
from generator.model.assessment import Adjustment
from generator.scoring import latest_period, latest_status, score_unit
from generator.scoring.grades import capped_grade, grade_for
from generator.scoring.status import status_of

from .factories import (GRADES, PERIODS, item, make_unit, measure, objective, results,
                               rules, scale, simple_unit)

OBJECTIVES = [objective("o1", "stakeholder"), objective("o2", "customer"),
              objective("o3", "process"), objective("o4", "learning")]
MEASURES = [
    measure("m1", "o1", target=80),
    measure("m2", "o2", target=5, polarity="down"),
    measure("m3", "o2", target=90),
    measure("m4", "o3", target=None, data_type="yesno"),
    measure("m5", "o4", target=None, data_type="rating"),
]
ITEMS = [
    item("m1", 40),                       # 78/80 = 97.5      → 40 × 0.975 = 39
    item("m2", 20),                       # 5/8 = 62.5        → 20 × 0.625 = 12.5
    item("m3", 20, "linear", floor=50),   # (80−50)/(90−50) = 75 → 20 × 0.75 = 15
    item("m4", 10, "done"),               # done = 100        → 10
    item("m5", 10, "manual"),             # rating 85         → 8.5
]
ACTUALS: dict[str, Any] = {"m1": 78, "m2": 8, "m3": 80, "m4": True, "m5": 85}


def unit_with(actuals: dict[str, Any] | None = None, *, scale_kw: dict[str, Any] | None = None,
              results_kw: dict[str, Any] | None = None, **rules_kw: Any):
    return make_unit(measures=MEASURES, objectives=OBJECTIVES,
                     scales={"2008": scale(ITEMS, **(scale_kw or {}))},
                     results={"2008": results(ACTUALS if actuals is None else actuals, **(results_kw or {}))},
                     own_rules=rules(**rules_kw) if rules_kw else None)


def scored(unit=None, period: str = "2008"):
    s = score_unit(unit or unit_with(), period)
    assert s is not None
    return s


def test_full_scale_hand_computed() -> None:
    s = scored()
    assert [i.score for i in s.items] == pytest.approx([97.5, 62.5, 75, 100, 85])
    assert [i.points for i in s.items] == pytest.approx([39, 12.5, 15, 10, 8.5])
    # 39 + 12.5 + 15 + 10 + 8.5 = 85
    assert s.base_total == pytest.approx(85)
    assert s.total == pytest.approx(85)
    assert s.grade is not None and s.grade.id == "good"  # 80 ≤ 85 < 90
    assert not s.grade_capped and s.vetoed == ()
    assert s.missing == () and s.errors == ()
    assert s.missing_rule == "reweight"
    assert s.nominal_weight == 100
    assert [i.effective_weight for i in s.items] == [40, 20, 20, 10, 10]
    assert s.unit_id == "hainan" and s.period_id == "2008"


def test_objective_and_perspective_roll_up() -> None:
    s = scored()
    assert s.objectives["o1"].score == pytest.approx(97.5)
    # o2 = (20 × 62.5 + 20 × 75) / 40 = 68.75
    assert s.objectives["o2"].score == pytest.approx(68.75)
    assert s.objectives["o2"].status == "off-track"  # < 90
    assert s.objectives["o2"].weight == 40
    assert s.objectives["o2"].measures == ("m2", "m3")
    assert s.objectives["o3"].status == "on-track"
    assert s.perspectives["customer"].score == pytest.approx(68.75)
    assert s.perspectives["learning"].score == pytest.approx(85)
    assert list(s.perspectives) == ["stakeholder", "customer", "process", "learning"]


def test_missing_under_reweight() -> None:
    s = scored(unit_with({**ACTUALS, "m3": None}))
    m3 = s.item("m3")
    assert m3 is not None and m3.missing and m3.score is None and m3.status == "no-data"
    assert s.missing == ("m3",)
    # scored weights 80 → factor 100/80 = 1.25: m1 50, m2 25, m4 12.5, m5 12.5
    assert [i.effective_weight for i in s.items] == pytest.approx([50, 25, 0, 12.5, 12.5])
    assert [i.weight for i in s.items] == [40, 20, 20, 10, 10]  # nominal kept
    # 50 × 0.975 + 25 × 0.625 + 12.5 × 1 + 12.5 × 0.85 = 48.75 + 15.625 + 12.5 + 10.625 = 87.5
    assert s.base_total == pytest.approx(87.5)
    assert s.objectives["o2"].score == pytest.approx(62.5)  # only m2 left


def test_missing_when_absent_from_results_file() -> None:
    actuals = {k: v for k, v in ACTUALS.items() if k != "m3"}
    assert scored(unit_with(actuals)).missing == ("m3",)


def test_missing_under_zero_from_rules() -> None:
    s = scored(unit_with({**ACTUALS, "m3": None}, missing="zero"))
    m3 = s.item("m3")
    assert m3 is not None and m3.missing and m3.score == 0 and m3.points == 0
    assert m3.status == "no-data"  # still reported as missing
    assert s.missing == ("m3",) and s.missing_rule == "zero"
    # 39 + 12.5 + 0 + 10 + 8.5 = 70
    assert s.base_total == pytest.approx(70)
    assert s.grade is not None and s.grade.id == "pass"
    assert s.objectives["o2"].score == pytest.approx(31.25)  # (20 × 62.5 + 20 × 0) / 40


def test_scale_missing_rule_overrides_rules() -> None:
    s = scored(unit_with({**ACTUALS, "m3": None}, scale_kw={"missing": "zero"}))
    assert s.missing_rule == "zero" and s.base_total == pytest.approx(70)
    s = scored(unit_with({**ACTUALS, "m3": None}, scale_kw={"missing": "reweight"}, missing="zero"))
    assert s.missing_rule == "reweight" and s.base_total == pytest.approx(87.5)


def test_every_item_missing() -> None:
    s = scored(unit_with({}))
    assert s.base_total == 0 and s.total == 0
    assert len(s.missing) == 5
    assert all(o.score is None and o.status == "no-data" for o in s.objectives.values())


def test_unscorable_item_is_left_out_like_missing_and_listed() -> None:
    unit = simple_unit([item("a", 50), item("b", 50)], {"a": 90, "b": 3},
                       measures=[measure("a", target=100), measure("b", target=0)])
    s = scored(unit)
    assert s.errors == ("b",) and s.missing == ()
    assert s.item("b").error  # type: ignore[union-attr]
    assert s.base_total == pytest.approx(90)  # a alone: 100 × 0.9


def test_scale_item_for_unknown_measure() -> None:
    unit = simple_unit([item("a", 50), item("ghost", 50)], {"a": 100, "ghost": 5},
                       measures=[measure("a")])
    s = scored(unit)
    assert s.errors == ("ghost",)
    assert s.base_total == pytest.approx(100)


# -- bonus, deductions, veto, grades ----------------------------------------------------------

ADJ = dict(bonus=[Adjustment(id="b1", name="获市级表彰", max=3), Adjustment(id="b2", name="创新")],
           deductions=[Adjustment(id="d1", name="信访", max=2)],
           veto=[Adjustment(id="v1", name="安全生产事故"), Adjustment(id="v2", name="违纪")])


def test_bonus_and_deductions_clamped_to_max() -> None:
    s = scored(unit_with(scale_kw=ADJ, results_kw=dict(bonus={"b1": 5, "b2": 1}, deductions={"d1": 1.5})))
    assert s.bonus == pytest.approx(4)  # b1 5 → max 3; b2 1 (no max)
    assert s.deductions == pytest.approx(1.5)
    assert s.total == pytest.approx(87.5)  # 85 + 4 − 1.5
    b1 = next(a for a in s.adjustments if a.id == "b1")
    assert b1.claimed == 5 and b1.applied == 3 and b1.clamped
    assert s.base_total == pytest.approx(85)  # unchanged


def test_deduction_over_max_and_unknown_adjustments() -> None:
    s = scored(unit_with(scale_kw=ADJ, results_kw=dict(bonus={"nope": 10}, deductions={"d1": 9})))
    assert s.bonus == 0  # unknown ignored
    assert s.deductions == 2  # 9 → max 2
    assert s.total == pytest.approx(83)  # 85 − 2
    assert len(s.warnings) == 2


def test_negative_bonus_rejected_by_the_model() -> None:
    from pydantic import ValidationError
    from generator.model import ResultsFile
    with pytest.raises(ValidationError):
        ResultsFile(period="2008", bonus={"b2": -2})


def test_total_clamped_at_zero() -> None:
    unit = simple_unit([item("a", 100)], {"a": 1}, scale_kw=dict(deductions=[Adjustment(id="d", name="扣")]),
                       results_kw=dict(deductions={"d": 50}))
    s = scored(unit)
    assert s.base_total == pytest.approx(1) and s.total == 0  # 1 − 50 → 0


def test_bonus_may_lift_total_above_100() -> None:
    unit = simple_unit([item("a", 100)], {"a": 100}, scale_kw=dict(bonus=[Adjustment(id="b", name="加")]),
                       results_kw=dict(bonus={"b": 5}))
    s = scored(unit)
    assert s.total == pytest.approx(105)
    assert s.grade.id == "excellent"  # type: ignore[union-attr]


def test_veto_caps_grade_at_veto_grade() -> None:
    actuals = {**ACTUALS, "m2": 5, "m3": 90}  # 39 + 20 + 20 + 10 + 8.5 = 97.5 → 优秀
    s = scored(unit_with(actuals, scale_kw=ADJ, results_kw=dict(veto=["v1"]), veto_grade="pass"))
    assert s.total == pytest.approx(97.5)
    assert s.vetoed == ("v1",)
    assert s.uncapped_grade.id == "excellent"  # type: ignore[union-attr]
    assert s.grade.id == "pass" and s.grade_capped  # type: ignore[union-attr]


def test_veto_without_veto_grade_caps_at_lowest() -> None:
    s = scored(unit_with(scale_kw=ADJ, results_kw=dict(veto=["v2"])))
    assert s.grade.id == "fail" and s.grade_capped  # type: ignore[union-attr]


def test_veto_not_declared_in_scale_is_ignored() -> None:
    s = scored(unit_with(scale_kw=ADJ, results_kw=dict(veto=["v9"])))
    assert s.vetoed == () and s.grade.id == "good" and not s.grade_capped  # type: ignore[union-attr]
    assert s.warnings


def test_veto_does_not_raise_a_lower_grade() -> None:
    s = scored(unit_with({**ACTUALS, "m3": None}, scale_kw=ADJ, results_kw=dict(veto=["v1"]),
                         missing="zero", veto_grade="good"))
    assert s.total == pytest.approx(70)
    assert s.grade.id == "pass" and not s.grade_capped  # type: ignore[union-attr]


@pytest.mark.parametrize("total, grade", [
    (100, "excellent"), (90, "excellent"), (89.99, "good"), (80, "good"), (60, "pass"),
    (59.99, "fail"), (0, "fail"),
])
def test_grade_bands(total: float, grade: str) -> None:
    assert grade_for(total, GRADES).id == grade  # type: ignore[union-attr]


def test_no_grade_below_every_band() -> None:
    assert grade_for(50, GRADES[:3]) is None
    assert capped_grade(None, rules(), vetoed=True) == (None, False)


def test_traditional_result_passes_through() -> None:
    trad = TraditionalResult(grade="good", score=88, rank=3)
    assert scored(unit_with(results_kw=dict(traditional=trad))).traditional == trad


# -- departments and supports -----------------------------------------------------------------

def department_unit():
    dept = Department(id="edu", name="教育办",
                      objectives=[objective("d-o1", "process", supports=["o1"])],
                      measures=[measure("dm1", "d-o1", target=100)])
    return make_unit(measures=[measure("m1", "o1", target=100)],
                     objectives=[objective("o1", "stakeholder"), objective("o2", "customer")],
                     departments=[dept],
                     scales={"2008": scale([item("m1", 60), item("dm1", 40)])},
                     results={"2008": results({"m1": 100, "dm1": 50})})


def test_department_measures_roll_up_through_supports() -> None:
    s = scored(department_unit())
    assert s.objectives["d-o1"].score == pytest.approx(50)
    # o1 = (60 × 100 + 40 × 50) / 100 = 80
    assert s.objectives["o1"].score == pytest.approx(80)
    assert s.objectives["o1"].measures == ("m1", "dm1")
    assert s.objectives["o2"].score is None and s.objectives["o2"].status == "no-data"
    # perspectives from each item's own objective
    assert s.perspectives["stakeholder"].score == pytest.approx(100)
    assert s.perspectives["process"].score == pytest.approx(50)
    assert s.base_total == pytest.approx(80)  # 60 + 20


# -- targets, periods, absent data ------------------------------------------------------------

def test_period_target_then_year_target() -> None:
    half = Period(id="2008-h1", name="2008年上半年", kind="half", year=2008,
                  start=dt.date(2008, 1, 1), end=dt.date(2008, 6, 30))
    q1 = Period(id="2008-q1", name="2008年一季度", kind="quarter", year=2008,
                start=dt.date(2008, 1, 1), end=dt.date(2008, 3, 31))
    m = measure("a", target=None).model_copy(update={"targets": {"2008": 80.0, "2008-q1": 40.0}})
    unit = make_unit(measures=[m], objectives=[objective("o1")],
                     own_rules=rules(periods=[*PERIODS, q1, half]),
                     scales={p: scale([item("a", 100)], period=p) for p in ("2008-q1", "2008-h1")},
                     results={p: results({"a": 40}, period=p) for p in ("2008-q1", "2008-h1")})
    assert scored(unit, "2008-q1").items[0].score == pytest.approx(100)  # 40/40
    assert scored(unit, "2008-h1").items[0].score == pytest.approx(50)  # 40/80, the year's target


def test_none_without_scale_or_results() -> None:
    unit = unit_with()
    assert score_unit(unit, "2009") is None
    no_results = make_unit(measures=MEASURES, objectives=OBJECTIVES, scales={"2008": scale(ITEMS)})
    assert score_unit(no_results, "2008") is None


# -- status -----------------------------------------------------------------------------------

@pytest.mark.parametrize("score, status", [
    (None, "no-data"), (120, "on-track"), (100, "on-track"), (99.9, "at-risk"), (90, "at-risk"),
    (89.9, "off-track"), (0, "off-track"),
])
def test_status_default_thresholds(score: float | None, status: str) -> None:
    assert status_of(score, rules().status) == status


def test_measure_thresholds_override_rules() -> None:
    m = measure("a", target=100, thresholds=Thresholds(on_track=95, at_risk=80))
    s = scored(simple_unit([item("a", 100)], {"a": 96}, measures=[m]))
    assert s.items[0].status == "on-track"  # 96 ≥ 95 (default would say at-risk)
    s = scored(simple_unit([item("a", 100)], {"a": 85}, measures=[m]))
    assert s.items[0].status == "at-risk"


# -- latest status for strategy maps ----------------------------------------------------------

def latest_unit():
    objectives = [objective("o1", "stakeholder"), objective("o2", "customer"),
                  objective("o3", "process"), objective("o4", "learning")]
    measures = [
        measure("a", "o1", target=100),
        measure("watch", "o1", target=100),                                   # monitoring, o1 assessed
        measure("w2", "o2", target=100),                                      # monitoring only
        measure("w3", "o2", target={"min": 95, "max": 100}, polarity="range"),  # monitoring, range
        measure("w4", "o3", target=100),                                      # no actual
        measure("yn", "o4", target=None, data_type="yesno"),                  # monitoring yes/no
    ]
    for m in list(measures):
        if m.targets:
            measures[measures.index(m)] = m.model_copy(
                update={"targets": {**m.targets, "2007": m.targets["2008"]}})
    return make_unit(
        measures=measures, objectives=objectives,
        scales={"2007": scale([item("a", 100)], period="2007"), "2008": scale([item("a", 100)])},
        results={"2007": results({"a": 50}, period="2007"),
                 "2008": results({"a": 95, "watch": 60, "w2": 100, "w3": 100.5, "yn": True}),
                 "2009": results({"a": 10}, period="2009")})


def test_latest_period_needs_scale_and_results() -> None:
    assert latest_period(latest_unit()).id == "2008"  # type: ignore[union-attr]  # 2009 has no scale
    assert latest_period(make_unit(measures=MEASURES, objectives=OBJECTIVES)) is None


def test_latest_status() -> None:
    st = latest_status(latest_unit())
    assert st["a"] == "at-risk"       # 95/100 = 95
    assert st["watch"] == "off-track"  # 60/100, monitoring scored by ratio
    assert st["w2"] == "on-track"
    assert st["w3"] == "at-risk"      # range 95–100, A = 100.5: 1 − 0.5/5 = 90
    assert st["w4"] == "no-data"
    assert st["yn"] == "on-track"     # yes/no → done → 100
    assert st["o1"] == "at-risk"      # from the assessed item only (95), not from `watch`
    assert st["o3"] == "no-data"
    assert st["o4"] == "on-track"


def test_latest_status_objective_from_monitoring_measures() -> None:
    unit = latest_unit()
    st = latest_status(unit)
    # o2 has only monitoring measures: plain mean(100, 90) = 95 → at-risk
    assert st["o2"] == "at-risk"


def test_latest_status_without_assessment_is_all_no_data() -> None:
    unit = make_unit(measures=MEASURES, objectives=OBJECTIVES)
    st = latest_status(unit)
    assert set(st) == {"o1", "o2", "o3", "o4", "m1", "m2", "m3", "m4", "m5"}
    assert set(st.values()) == {"no-data"}


def test_latest_status_covers_sub_cards() -> None:
    st = latest_status(department_unit())
    assert st["dm1"] == "off-track"  # 50/100
    assert st["d-o1"] == "off-track"
    assert st["o1"] == "off-track"  # (60 × 100 + 40 × 50) / 100 = 80 < 90
    assert st["m1"] == "on-track"


def test_public_api_names() -> None:
    import generator.scoring as scoring
    from generator.render.score_text import format_unit_score

    for name in ("score_unit", "latest_status", "latest_period", "score_people", "fairness"):
        assert callable(getattr(scoring, name))
    assert callable(format_unit_score)


def test_latest_status_falls_back_to_the_last_period_with_a_value() -> None:
    from generator.scoring import latest_values
    # "y" is a yearly measure: reported in 2008 (80/100 = 80 → off-track), absent in 2009-h1
    import datetime as dt
    from generator.model import Period
    periods = [Period(id="2008", name="2008年度", year=2008, start=dt.date(2008, 1, 1), end=dt.date(2008, 12, 31)),
               Period(id="2009-h1", name="2009年上半年", kind="half", year=2009, start=dt.date(2009, 1, 1),
                      end=dt.date(2009, 6, 30))]
    unit = make_unit(
        measures=[measure("a", "o1"), measure("y", "o2"), measure("b", "o1", year="2009")],
        objectives=[objective("o1"), objective("o2")],
        own_rules=rules(periods=periods),
        scales={"2008": scale([item("a", 100)]), "2009-h1": scale([item("b", 100)], period="2009-h1")},
        results={"2008": results({"a": 100, "y": 80}),
                 "2009-h1": results({"b": 100}, period="2009-h1")})
    st = latest_status(unit)
    assert st["b"] == "on-track"
    assert st["y"] == "off-track"    # from 2008, not "no-data"
    assert st["o2"] == "off-track"   # its only measure's last known light
    assert latest_values(unit)["y"][0] == "2008"
