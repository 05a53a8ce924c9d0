from tests.helpers import found, run


def test_pass_learning_measured(tmp_path):
    assert found(run(tmp_path), "BSC204") == []


def test_warn_learning_not_measured(tmp_path):
    result = run(tmp_path, {"units/alpha/measures.yml": (
        "  - {id: M-L1, name: 培训覆盖率, objective: L1, type: driver, unit: '%', targets: {'2008': 80}, owner: office, tracker: clerk}\n", ""),
        "units/alpha/results/2008.yml": ("  M-L1: 75\n", ""),
        # and the information and organisation capitals' measures on the 信息中心 sub-card
        "units/alpha/departments.yml": (
            "    measures:\n      - {id: M-D2, name: 网上办理率, objective: D2, type: driver, unit: '%', "
            "targets: {'2008': 60}, owner: office}\n      - {id: M-D3, name: 作风评议得分, objective: D3, "
            "type: outcome, unit: 分, targets: {'2008': 85}, owner: office}\n", "")})
    assert found(result, "BSC204") == [("units/alpha/map.yml", 5)]
