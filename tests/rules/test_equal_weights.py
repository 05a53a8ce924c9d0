from tests.helpers import found, run


def test_pass_weighted_by_importance(tmp_path):
    assert found(run(tmp_path), "BSC202") == []


EQUAL = """period: '2008'
items:
  - {measure: M-S1, weight: 25}
  - {measure: M-C1, weight: 25}
  - {measure: M-P1, weight: 25}
  - {measure: M-D1, weight: 25}
bonus:
  - {id: B1, name: 获奖, max: 3}
approved: {by: 甲乡党委会, date: 2008-01-10}
"""


def test_warn_all_equal(tmp_path):
    result = run(tmp_path, {"units/alpha/assessment/2008.yml": EQUAL})
    assert found(result, "BSC202") == [("units/alpha/assessment/2008.yml", 2)]
    assert result.errors == []  # a warning: check still passes


def _with_severity(level: str) -> dict:
    return {"units/alpha/assessment/2008.yml": EQUAL,
            "city.yml": ("  max_assessed_measures: 5",
                         f"  max_assessed_measures: 5\n  severity: {{BSC202: '{level}'}}")}


def test_city_can_turn_a_rule_off(tmp_path):
    # the same scale warns without the override (so the override really silences something)
    assert found(run(tmp_path / "plain", {"units/alpha/assessment/2008.yml": EQUAL}), "BSC202") != []
    result = run(tmp_path / "off", _with_severity("off"))
    assert found(result, "BSC202") == []
    assert result.problems == []


def test_city_can_make_a_warning_an_error(tmp_path):
    result = run(tmp_path, _with_severity("error"))
    assert [(p.code, p.line) for p in result.errors] == [("BSC202", 2)]
