from tests.helpers import found, run


def test_pass_weighted_by_importance(tmp_path):
    assert found(run(tmp_path), "BSC202") == []


def test_warn_all_equal(tmp_path):
    result = run(tmp_path, {"units/alpha/assessment/2008.yml": """period: '2008'
items:
  - {measure: M-S1, weight: 25}
  - {measure: M-C1, weight: 25}
  - {measure: M-P1, weight: 25}
  - {measure: M-D1, weight: 25}
bonus:
  - {id: B1, name: 获奖, max: 3}
"""})
    assert found(result, "BSC202") == [("units/alpha/assessment/2008.yml", 2)]
    assert result.errors == []  # a warning: check still passes


def test_city_can_turn_a_rule_off(tmp_path):
    result = run(tmp_path, {
        "units/alpha/assessment/2008.yml": "period: '2008'\nitems:\n  - {measure: M-S1, weight: 50}\n"
                                           "  - {measure: M-C1, weight: 25}\n  - {measure: M-D1, weight: 25}\n",
        "city.yml": ("  max_assessed_measures: 5", "  max_assessed_measures: 5\n  severity: {BSC202: 'off'}"),
    })
    assert found(result, "BSC202") == []
