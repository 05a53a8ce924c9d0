from tests.helpers import found, run


def test_pass_outcome_heavy(tmp_path):
    assert found(run(tmp_path), "BSC203") == []


def test_warn_driver_heavy(tmp_path):
    result = run(tmp_path, {"units/alpha/assessment/2008.yml": """period: '2008'
items:
  - {measure: M-S1, weight: 30}
  - {measure: M-P1, weight: 40, rule: linear, floor: 60}
  - {measure: M-L1, weight: 30}
"""})
    assert found(result, "BSC203") == [("units/alpha/assessment/2008.yml", 2)]
    assert "70%" in next(p.message for p in result.problems if p.code == "BSC203")
