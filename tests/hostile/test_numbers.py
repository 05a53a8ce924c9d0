"""Numbers: bounded where they are written; text that looks like a number stays as written."""
from __future__ import annotations

import time

from .helpers import check, errors, only_error

MAP = "units/alpha/map.yml"
RESULTS = "units/alpha/results/2008.yml"


def test_integer_of_thousands_of_digits_is_refused_without_traceback(tmp_path):
    start = time.perf_counter()
    result = check(tmp_path, {RESULTS: ("M-C1: 88", "M-C1: " + "9" * 5000)})
    assert time.perf_counter() - start < 5
    problem = only_error(result)
    assert errors(result) == [("BSC004", f"scorecards/{RESULTS}", 4, 9)]
    assert "太大" in problem.message and "共 5000 个字符" in problem.message
    assert len(problem.message) < 300  # the number is not repeated in full


def test_integer_just_over_the_magnitude_bound(tmp_path):
    result = check(tmp_path, {RESULTS: ("M-C1: 88", "M-C1: 1_000_000_000_000_000")})
    assert errors(result) == [("BSC004", f"scorecards/{RESULTS}", 4, 9)]
    assert "10 的 15 次方" in only_error(result).message


def test_float_beyond_double_range_is_refused_where_written(tmp_path):
    result = check(tmp_path, {RESULTS: ("M-C1: 88", "M-C1: 1e400")})
    assert errors(result) == [("BSC004", f"scorecards/{RESULTS}", 4, 9)]
    assert "太大" in only_error(result).message


def test_quoted_huge_number_in_a_number_field(tmp_path):
    result = check(tmp_path, {RESULTS: ("M-C1: 88", "M-C1: '1e300'")})
    assert errors(result) == [("BSC004", f"scorecards/{RESULTS}", 4, 9)]
    assert "数值太大" in only_error(result).message


def test_nan_is_not_a_figure(tmp_path):
    result = check(tmp_path, {RESULTS: ("M-C1: 88", "M-C1: .nan")})
    assert errors(result) == [("BSC004", f"scorecards/{RESULTS}", 4, 9)]


def test_text_that_looks_like_a_number_stays_as_written(tmp_path):
    result = check(tmp_path, {MAP: ("name: 收入增长", "name: 1.50"),
                              "units/alpha/unit.yml": ("vision: 全省样板", "vision: 1_000")})
    assert errors(result) == []
    unit = result.city.units["alpha"]
    assert unit.objective_index["S1"].name == "1.50"
    assert unit.info.vision == "1_000"


def test_long_digit_string_in_a_text_field_is_refused_with_a_quoting_hint(tmp_path):
    result = check(tmp_path, {"units/alpha/unit.yml": ("vision: 全省样板", "vision: 123456789012345678901")})
    assert errors(result) == [("BSC004", "scorecards/units/alpha/unit.yml", 3, 9)]
    assert "请加引号" in only_error(result).message


def test_range_target_too_small_to_give_a_tolerance(tmp_path):
    # |5e-324| * 0.1 underflows to 0: the default tolerance once divided by zero while scoring
    result = check(tmp_path, {"units/alpha/measures.yml": ("targets: {'2008': 90}",
                                                           "targets: {'2008': {min: 5e-324, max: 5e-324}}"),
                              "units/alpha/assessment/2008.yml": ("M-C1", "M-C1, rule: range")})
    assert errors(result) == [("BSC108", "scorecards/units/alpha/assessment/2008.yml", 4, 21)]  # at `rule`
    assert "tolerance" in only_error(result).message
