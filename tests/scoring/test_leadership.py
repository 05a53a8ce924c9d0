"""The leadership team's final adjustment (lesson 4): recorded, capped by the rules, shown beside
the formula result. Arithmetic by hand in the comments."""
from __future__ import annotations

import pytest

from generator.model import LeadershipAdjustment
from generator.model.results import PersonResult
from generator.scoring import score_people
from generator.scoring.leadership import apply, final_adjustment, flag

from .test_people import PEOPLE_RESULTS, by_id, people_unit


def _zhang(points: float, **multi: object):
    decided = {**PEOPLE_RESULTS, "zhang": PEOPLE_RESULTS["zhang"].model_copy(update={
        "final_adjustment": LeadershipAdjustment(points=points, reason="兼任武装部长，防汛期间工作量大", by="乡党委会")})}
    return by_id(score_people(people_unit(decided, **multi), "2008"))["zhang"]


def test_adjustment_within_the_cap_is_added_to_the_formula_result() -> None:
    zhang = _zhang(2, adjustment_cap=3)
    # formula (as before): 0.8 × 94.4 + 0.2 × 90 = 93.52; final = 93.52 + 2 = 95.52
    assert zhang.formula == pytest.approx(93.52)
    assert zhang.adjusted == pytest.approx(95.52)
    f = zhang.final_adjustment
    assert f is not None and (f.claimed, f.applied, f.cap, f.capped) == (2, 2, 3, False)
    assert f.reason == "兼任武装部长，防汛期间工作量大" and f.by == "乡党委会"
    assert not any("上限" in x for x in zhang.flags)


def test_adjustment_over_the_cap_counts_up_to_it() -> None:
    zhang = _zhang(5, adjustment_cap=3)
    # claimed +5, cap 3 → applied +3: 93.52 + 3 = 96.52 (the formula result stays 93.52)
    assert zhang.formula == pytest.approx(93.52) and zhang.adjusted == pytest.approx(96.52)
    assert zhang.final_adjustment is not None and zhang.final_adjustment.applied == 3
    assert "超过上限 3 分，按 +3 分计" in " ".join(zhang.flags)


def test_negative_adjustment_is_capped_too() -> None:
    zhang = _zhang(-4, adjustment_cap=3)
    # −4 → −3: 93.52 − 3 = 90.52
    assert zhang.adjusted == pytest.approx(90.52)


def test_no_cap_in_the_rules_means_no_adjustment_counts() -> None:
    zhang = _zhang(2)
    # applied 0: the final score is the formula result, 93.52
    assert zhang.adjusted == pytest.approx(zhang.formula) == pytest.approx(93.52)
    assert any("没有规定" in x for x in zhang.flags)


def test_adjustment_with_normalisation_applies_after_the_factor() -> None:
    plain = by_id(score_people(people_unit(normalise=True), "2008"))["zhang"]
    zhang = _zhang(2, adjustment_cap=3, normalise=True)
    # the normalisation factor is the same (it uses raw and coefficient scores only);
    # final = formula + 2
    assert zhang.normalisation == pytest.approx(plain.normalisation)
    assert zhang.formula == pytest.approx(plain.adjusted)
    assert zhang.adjusted == pytest.approx(plain.adjusted + 2)


def test_people_without_an_adjustment_keep_the_formula_result() -> None:
    li = by_id(score_people(people_unit(adjustment_cap=3), "2008"))["li"]
    # li: 1.0 × 0.9 × 100 = 90, no rating, no adjustment → 90
    assert li.formula == pytest.approx(90) and li.adjusted == pytest.approx(90) and li.final_adjustment is None


def test_pure_functions() -> None:
    decided = LeadershipAdjustment(points=-1.5, reason="报送数据两次延误")
    f = final_adjustment(decided, 1.0)
    assert f is not None and f.applied == -1.0 and f.capped
    assert apply(0.5, f) == 0.0             # max(0, 0.5 − 1) = 0
    assert apply(None, f) is None and apply(80.0, None) == 80.0
    assert final_adjustment(None, 3) is None and flag(None) is None
    assert flag(final_adjustment(decided, None)) is not None


def test_person_result_model_requires_a_reason() -> None:
    with pytest.raises(ValueError):
        PersonResult.model_validate({"final_adjustment": {"points": 2}})
