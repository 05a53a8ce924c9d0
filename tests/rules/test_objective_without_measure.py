from tests.helpers import found, run


def test_pass_every_objective_measured(tmp_path):
    assert found(run(tmp_path), "BSC206") == []


def test_warn_objective_without_measure(tmp_path):
    result = run(tmp_path, {"units/alpha/map.yml": (
        "maps:", "  - {id: P2, name: 没有指标的目标, perspective: process, drives: [C1]}\nmaps:")})
    assert found(result, "BSC206") == [("units/alpha/map.yml", 6)]
