from tests.helpers import found, run


def test_pass_learning_measured(tmp_path):
    assert found(run(tmp_path), "BSC204") == []


def test_warn_learning_not_measured(tmp_path):
    result = run(tmp_path, {"units/alpha/measures.yml": (
        "  - {id: M-L1, name: 培训覆盖率, objective: L1, type: driver, unit: '%', targets: {'2008': 80}, owner: office, tracker: clerk}\n", ""),
        "units/alpha/results/2008.yml": ("  M-L1: 75\n", "")})
    assert found(result, "BSC204") == [("units/alpha/map.yml", 5)]
