from tests.helpers import found, run

DEPT = "units/alpha/departments.yml"
M_D2 = ("      - {id: M-D2, name: 网上办理率, objective: D2, type: driver, unit: '%', "
        "targets: {'2008': 60}, owner: office}\n")


def test_pass_every_capital_measured(tmp_path):
    # human (L1: 培训覆盖率), information (D2: 网上办理率), organisation (D3: 作风评议得分)
    assert found(run(tmp_path), "BSC210") == []


def test_warn_information_capital_without_measure(tmp_path):
    result = run(tmp_path, {DEPT: (M_D2, "")})
    assert found(result, "BSC210") == [("units/alpha/map.yml", 5)]
    p = next(p for p in result.problems if p.code == "BSC210")
    assert not p.is_error and "信息资本" in p.message and "组织资本" not in p.message


def test_warn_when_no_objective_is_tagged(tmp_path):
    result = run(tmp_path, {"units/alpha/map.yml": ("capital: human, ", ""),
                            DEPT: ("\n      - {id: D2, name: 政务信息化, perspective: learning, capital: information, "
                                   "supports: [P1]}\n      - {id: D3, name: 机关作风建设, perspective: learning, "
                                   "capital: organisation, supports: [P1]}",
                                   "\n      - {id: D2, name: 政务信息化, perspective: learning, supports: [P1]}"
                                   "\n      - {id: D3, name: 机关作风建设, perspective: learning, supports: [P1]}")})
    assert found(result, "BSC210") == [("units/alpha/map.yml", 5)]
    assert "没有标明资本类型" in next(p.message for p in result.problems if p.code == "BSC210")
