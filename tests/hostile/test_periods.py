"""Period consistency: results exist only for periods with both a rules entry and a scale."""
from __future__ import annotations

from .helpers import check, errors, only_error


def test_results_for_a_period_the_rules_name_but_no_scale_covers(tmp_path):
    result = check(tmp_path, {"units/alpha/results/2007.yml": (
        "period: '2007'\nactuals: {M-S1: 1}\npeople:\n  p1: {actuals: {PM1: 1}}\n")})
    assert errors(result) == [("BSC106", "scorecards/units/alpha/results/2007.yml", 1, 1)]
    assert "没有考核量表 assessment/2007.yml" in only_error(result).message


def test_results_for_a_period_the_rules_do_not_name(tmp_path):
    result = check(tmp_path, {"units/alpha/results/2011.yml": "period: '2011'\nactuals: {M-S1: 1}\n"})
    assert errors(result) == [("BSC106", "scorecards/units/alpha/results/2011.yml", 1, 1)]
    assert "不在考核办法的 periods 中" in only_error(result).message


def test_scale_for_a_period_the_rules_do_not_name(tmp_path):
    result = check(tmp_path, {"units/alpha/assessment/2011.yml": (
        "period: '2011'\nitems:\n  - {measure: M-S1, weight: 100}\n")})
    assert errors(result) == [("BSC105", "scorecards/units/alpha/assessment/2011.yml", 1, 1)]
    assert "不在考核办法的 periods 中" in only_error(result).message
