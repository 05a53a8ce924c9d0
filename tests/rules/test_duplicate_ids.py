from tests.helpers import found, run


def test_pass_unique_ids(tmp_path):
    assert found(run(tmp_path), "BSC101") == []


def test_fail_duplicate_measure_across_card_and_subcard(tmp_path):
    result = run(tmp_path, {"units/alpha/departments.yml": ("{id: M-D1,", "{id: M-S1,"),
                            "units/alpha/assessment/2008.yml": ("{measure: M-D1, weight: 10}", "{measure: M-C1, weight: 10}"),
                            "units/alpha/results/2008.yml": ("  M-D1: null\n", "")})
    assert ("units/alpha/departments.yml", 8) in found(result, "BSC101")


def test_fail_duplicate_unit_in_registry(tmp_path):
    result = run(tmp_path, {"registry.yml": ("  - id: gamma\n", "  - id: beta\n")})
    assert found(result, "BSC101") == [("registry.yml", 14)]
    assert "重复" in result.problems[0].message
