from tests.helpers import found, run


def test_pass_weights_add_to_100(tmp_path):
    assert found(run(tmp_path), "BSC104") == []


def test_fail_weights_add_to_95(tmp_path):
    result = run(tmp_path, {"units/alpha/assessment/2008.yml": ("{measure: M-S1, weight: 40}", "{measure: M-S1, weight: 35}")})
    assert found(result, "BSC104") == [("units/alpha/assessment/2008.yml", 2)]
    message = next(p.message for p in result.problems if p.code == "BSC104")
    assert "95" in message and "100" in message
