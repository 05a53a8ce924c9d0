from tests.helpers import found, run


def test_pass_scorable(tmp_path):
    assert found(run(tmp_path), "BSC108") == []


def test_fail_ratio_with_zero_target(tmp_path):
    result = run(tmp_path, {"units/alpha/measures.yml": ("targets: {'2008': 90}", "targets: {'2008': 0}")})
    assert found(result, "BSC108") == [("units/alpha/assessment/2008.yml", 4)]


def test_fail_missing_target_for_period(tmp_path):
    result = run(tmp_path, {"units/alpha/measures.yml": ("targets: {'2008': 5000}", "targets: {'2009': 5000}")})
    assert found(result, "BSC108") == [("units/alpha/assessment/2008.yml", 3)]


def test_fail_range_rule_needs_range_target(tmp_path):
    result = run(tmp_path, {"units/alpha/assessment/2008.yml": ("{measure: M-C1, weight: 30}", "{measure: M-C1, weight: 30, rule: range}")})
    assert found(result, "BSC108") == [("units/alpha/assessment/2008.yml", 4)]


def test_pass_year_target_serves_quarter(tmp_path):
    from generator.model import Measure
    m = Measure(id="M", name="x", objective="S1", type="outcome", targets={"2008": 5, "2008-q1": 2})
    assert m.target_for("2008-q1", 2008) == 2
    assert m.target_for("2008-q2", 2008) == 5
    assert m.target_for("2009-q1", 2009) is None
