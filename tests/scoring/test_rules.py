"""Every scoring rule, hand-computed. Default cap: rules.score_cap = 120."""
from __future__ import annotations

import math
from typing import Any

import pytest

from generator.model import Actual, TargetRange
from generator.model.assessment import ScoringParams
from generator.scoring import MeasureScore, score_unit
from generator.scoring.rules import RULES, apply_rule, effective_cap

from .factories import item, measure, simple_unit

_ABSENT = object()


def one(rule: str, actual: Any, target: Any = 100, polarity: str = "up", **params: Any) -> MeasureScore:
    """Score a single scale item (weight 100) through score_unit."""
    actuals = {} if actual is _ABSENT else {"m1": actual}
    unit = simple_unit([item("m1", 100, rule, **params)], actuals,
                       measures=[measure("m1", target=target, polarity=polarity)])
    scored = score_unit(unit, "2008")
    assert scored is not None
    return scored.items[0]


def test_registry_has_every_rule_kind() -> None:
    assert set(RULES) == {"ratio", "linear", "bands", "done", "manual", "range"}


# -- ratio ------------------------------------------------------------------------------------

def test_ratio_up() -> None:
    line = one("ratio", 78, target=80)
    assert line.score == pytest.approx(97.5)  # 78/80 = 97.5
    assert line.points == pytest.approx(97.5)  # weight 100 × 97.5 / 100
    assert line.status == "at-risk"  # 90 ≤ 97.5 < 100
    assert not line.missing and line.error is None


def test_ratio_up_capped_by_rules_cap() -> None:
    assert one("ratio", 150, target=100).score == 120  # 150/100 = 150 → cap 120


def test_ratio_up_item_cap() -> None:
    line = one("ratio", 150, target=100, cap=100)
    assert line.score == 100  # 150 → item cap 100
    assert line.cap == 100


def test_ratio_down_below_target_scores_above_100_then_capped() -> None:
    assert one("ratio", 4, target=5, polarity="down").score == 120  # 5/4 = 125 → cap 120
    assert one("ratio", 4.5, target=5, polarity="down").score == pytest.approx(111.111111)  # 5/4.5


def test_ratio_down_above_target() -> None:
    line = one("ratio", 8, target=5, polarity="down")
    assert line.score == pytest.approx(62.5)  # 5/8 = 62.5
    assert line.status == "off-track"


def test_ratio_down_actual_zero_is_cap() -> None:
    assert one("ratio", 0, target=5, polarity="down").score == 120  # T/0 → the cap
    assert one("ratio", 0, target=5, polarity="down", cap=100).score == 100


def test_ratio_up_actual_zero() -> None:
    assert one("ratio", 0, target=5).score == 0  # 0/5 = 0


def test_ratio_target_zero_is_an_error_not_a_crash() -> None:
    line = one("ratio", 3, target=0)
    assert line.score is None and line.points is None
    assert line.error and "0" in line.error
    assert line.status == "no-data"
    assert not line.missing


def test_ratio_sign_mismatch_is_an_error() -> None:
    assert one("ratio", -3, target=10).error
    assert one("ratio", 3, target=-10).error


def test_ratio_range_target_is_an_error() -> None:
    assert one("ratio", 97, target={"min": 95, "max": 100}, polarity="range").error


def test_ratio_without_target_is_an_error() -> None:
    line = one("ratio", 50, target=None)
    assert line.error and "目标" in line.error


def test_ratio_bool_actual_reads_as_one() -> None:
    assert one("ratio", True, target=1).score == 100  # 1/1


# -- linear -----------------------------------------------------------------------------------

def test_linear_up_between_floor_and_target() -> None:
    assert one("linear", 80, target=90, floor=50).score == pytest.approx(75)  # (80−50)/(90−50) = 30/40


def test_linear_up_beyond_target_and_below_floor() -> None:
    assert one("linear", 96, target=90, floor=50).score == pytest.approx(115)  # 46/40 = 115
    assert one("linear", 110, target=90, floor=50).score == 120  # 60/40 = 150 → cap 120
    assert one("linear", 40, target=90, floor=50).score == 0  # −10/40 → clamp 0


def test_linear_down_floor_above_target() -> None:
    line = one("linear", 8, target=5, floor=20, polarity="down")
    assert line.score == pytest.approx(80)  # (8−20)/(5−20) = −12/−15 = 0.8
    assert one("linear", 4, target=5, floor=20, polarity="down").score == pytest.approx(106.666667)  # 16/15
    assert one("linear", 25, target=5, floor=20, polarity="down").score == 0  # worse than floor


def test_linear_floor_equal_target_is_an_error() -> None:
    assert one("linear", 8, target=5, floor=5).error


def test_linear_floor_against_polarity_warns() -> None:
    line = one("linear", 8, target=5, floor=20, polarity="up")
    assert line.score == pytest.approx(80)  # direction from floor → target
    assert line.warnings


# -- bands ------------------------------------------------------------------------------------

BANDS = [{"min": 95, "score": 100}, {"min": 90, "max": 94.99, "score": 80}, {"max": 89.99, "score": 50}]


@pytest.mark.parametrize("actual, expected", [
    (99, 100),    # ≥ 95
    (95, 100),    # lower bound inclusive
    (92, 80),     # 90–94.99
    (90, 80),
    (50, 50),     # ≤ 89.99
])
def test_bands_first_matching_band(actual: float, expected: float) -> None:
    assert one("bands", actual, bands=BANDS).score == expected


def test_bands_first_match_wins_when_bands_overlap() -> None:
    assert one("bands", 96, bands=[{"min": 90, "score": 70}, {"min": 95, "score": 100}]).score == 70


def test_bands_outside_every_band_scores_zero_with_warning() -> None:
    line = one("bands", 10, bands=[{"min": 90, "score": 100}])
    assert line.score == 0 and line.warnings and line.error is None


def test_bands_score_above_cap_is_capped() -> None:
    assert one("bands", 99, bands=[{"min": 90, "score": 150}]).score == 120


def test_bands_do_not_need_a_target() -> None:
    assert one("bands", 92, target=None, bands=BANDS).score == 80


# -- done -------------------------------------------------------------------------------------

@pytest.mark.parametrize("actual, expected", [(True, 100), (False, 0), (1, 100), (0, 0)])
def test_done(actual: Any, expected: float) -> None:
    assert one("done", actual, target=None).score == expected


def test_done_negative_is_an_error() -> None:
    assert one("done", -1, target=None).error


# -- manual -----------------------------------------------------------------------------------

def test_manual_rating_is_the_score() -> None:
    assert one("manual", 85, target=None).score == 85  # rating 85


def test_manual_clamped_to_100_by_default_not_to_score_cap() -> None:
    line = one("manual", 130, target=None)
    assert line.score == 100 and line.cap == 100 and line.warnings  # 130 → [0, 100]
    assert one("manual", -5, target=None).score == 0


def test_manual_item_cap() -> None:
    assert one("manual", 130, target=None, cap=110).score == 110


# -- range ------------------------------------------------------------------------------------

RANGE = {"min": 95, "max": 100}


def test_range_inside_is_100() -> None:
    assert one("range", 97, target=RANGE, polarity="range").score == 100
    assert one("range", 95, target=RANGE, polarity="range").score == 100  # bounds inclusive
    assert one("range", 100, target=RANGE, polarity="range").score == 100


def test_range_outside_default_tolerance_is_width() -> None:
    assert one("range", 92, target=RANGE, polarity="range").score == pytest.approx(40)  # 1 − 3/5
    assert one("range", 90, target=RANGE, polarity="range").score == 0  # 5/5 away → 0
    assert one("range", 80, target=RANGE, polarity="range").score == 0  # beyond → clamp 0
    assert one("range", 101, target=RANGE, polarity="range").score == pytest.approx(80)  # 1 − 1/5


def test_range_explicit_tolerance() -> None:
    assert one("range", 92, target=RANGE, polarity="range", tolerance=10).score == pytest.approx(70)  # 1 − 3/10


def test_range_zero_width_uses_ten_percent_of_bound() -> None:
    # [50, 50], A = 53: tolerance |50| × 0.1 = 5; 1 − 3/5 = 40
    assert one("range", 53, target={"min": 50, "max": 50}, polarity="range").score == pytest.approx(40)
    # a single number is not a range: the same precondition as check's BSC108
    assert "区间目标" in one("range", 47, target=50, polarity="range").error


def test_range_zero_width_at_zero_needs_tolerance() -> None:
    assert one("range", 1, target={"min": 0, "max": 0}, polarity="range").error
    assert one("range", 1, target={"min": 0, "max": 0}, polarity="range",
               tolerance=4).score == pytest.approx(75)  # 1 − 1/4


# -- missing and odd values -------------------------------------------------------------------

@pytest.mark.parametrize("rule, params", [
    ("ratio", {}), ("linear", {"floor": 0}), ("bands", {"bands": BANDS}), ("done", {}),
    ("manual", {}), ("range", {}),
])
def test_missing_actual_is_never_silently_zero(rule: str, params: dict[str, Any]) -> None:
    for actual in (None, _ABSENT, Actual(value=None, note="统计局尚未发布")):
        line = one(rule, actual, **params)
        assert line.missing is True
        assert line.score is None and line.points is None
        assert line.status == "no-data"
        assert line.effective_weight == 0  # reweight: the only item drops out


def test_actual_with_note_and_evidence() -> None:
    line = one("ratio", Actual(value=78, note="受灾影响", evidence="统计年报"), target=80)
    assert line.score == pytest.approx(97.5)  # 78/80
    assert line.note == "受灾影响" and line.evidence == "统计年报"


def test_non_finite_actual_is_an_error() -> None:
    # the model already refuses NaN/inf in a results file; the engine stays safe on its own
    from pydantic import ValidationError
    from generator.model import ResultsFile
    with pytest.raises(ValidationError):
        ResultsFile(period="2008", actuals={"m1": math.nan})
    outcome, _ = apply_rule(math.nan, 80.0, ScoringParams(rule="ratio"), "up", 120)
    assert outcome.error
    outcome, _ = apply_rule(math.inf, 80.0, ScoringParams(rule="ratio"), "up", 120)
    assert outcome.error


def test_apply_rule_directly() -> None:
    outcome, cap = apply_rule(78, 80.0, ScoringParams(rule="ratio"), "up", 120)
    assert outcome.score == pytest.approx(97.5) and cap == 120
    outcome, _ = apply_rule(97, TargetRange(min=95, max=100), ScoringParams(rule="range"), "range", 120)
    assert outcome.score == 100
    assert effective_cap(ScoringParams(rule="manual"), 120) == 100
    assert effective_cap(ScoringParams(rule="ratio", cap=110), 120) == 110


def test_manual_rating_status_is_judged_against_its_target() -> None:
    from generator.scoring.measures import score_line
    from generator.model import Thresholds
    # rating 87 against a target of 88: score 87 (the rating itself), status from 87/88 = 98.9 % → at risk
    line = score_line(measure_id="r", name="评议", objective_id=None, weight=10, target=88.0, raw_actual=87,
                      params=ScoringParams(rule="manual"), polarity="up", default_cap=120,
                      thresholds=Thresholds(on_track=100, at_risk=90))
    assert line.score == pytest.approx(87) and line.status == "at-risk"
    # without a target the rating itself is compared: 87 < 90 → off track
    line = score_line(measure_id="r", name="评议", objective_id=None, weight=10, target=None, raw_actual=87,
                      params=ScoringParams(rule="manual"), polarity="up", default_cap=120,
                      thresholds=Thresholds(on_track=100, at_risk=90))
    assert line.status == "off-track"


# -- one registry; check and engine share each rule's precondition ------------------------------

def test_every_rule_kind_has_a_scorer_a_label_and_docs() -> None:
    from pathlib import Path

    from generator.model.vocab import RULE, RuleKind
    from generator.scoring.rules import RULES as REGISTRY

    assert tuple(REGISTRY) == RULE.values and RULE.matches(RuleKind)
    scoring_doc = (Path(__file__).resolve().parents[2] / "docs" / "scoring.md").read_text(encoding="utf-8")
    for kind, rule in REGISTRY.items():
        assert rule.kind == kind and callable(rule.score) and callable(rule.precondition)
        assert rule.label == RULE.label(kind) and rule.label != kind
        assert rule.doc, f"{kind}: the scorer's docstring is its reference"
        assert f"`{kind}` {rule.label}" in scoring_doc, f"docs/scoring.md does not explain `{kind}`"


TARGETS: list[Any] = [None, 0, -5, 50, {"min": 95, "max": 100}, {"min": 0, "max": 0}]


@pytest.mark.parametrize("rule, params", [
    ("ratio", {}), ("linear", {"floor": 0}), ("linear", {"floor": 50}), ("bands", {"bands": BANDS}),
    ("done", {}), ("manual", {}), ("range", {}), ("range", {"tolerance": 2}),
])
@pytest.mark.parametrize("polarity", ["up", "down", "range"])
def test_check_and_engine_agree(rule: str, params: dict[str, Any], polarity: str) -> None:
    """An item the check (BSC108) accepts is scored; one it refuses is 无法计分 with its message."""
    from generator.scoring.rules import precondition

    for raw in TARGETS:
        target = TargetRange(**raw) if isinstance(raw, dict) else raw
        item = ScoringParams.model_validate({"rule": rule, **params})
        unmet = precondition(target, item, polarity)
        outcome, _ = apply_rule(10.0, target, item, polarity, 120)
        if unmet is None:
            assert outcome.error is None and outcome.score is not None, (rule, raw, polarity, outcome)
        else:
            assert outcome.score is None and outcome.error == unmet.message, (rule, raw, polarity)
