from tests.helpers import found, run

DEPT = "units/alpha/departments.yml"
M_D3 = "{id: M-D3, name: 作风评议得分, objective: D3, type: outcome, unit: 分,"


def test_pass_an_outcome_that_is_not_a_head_count(tmp_path):
    assert found(run(tmp_path), "BSC211") == []


def test_warn_all_drivers(tmp_path):
    result = run(tmp_path, {DEPT: (M_D3, "{id: M-D3, name: 作风评议得分, objective: D3, type: driver, unit: 分,")})
    assert found(result, "BSC211") == [("units/alpha/measures.yml", 5)]
    p = next(p for p in result.problems if p.code == "BSC211")
    assert not p.is_error and "都是驱动（过程）指标" in p.message and "人数" not in p.message.split("：")[0]


def test_warn_all_head_counts(tmp_path):
    result = run(tmp_path, {
        "units/alpha/measures.yml": ("objective: L1, type: driver, unit: '%'", "objective: L1, type: outcome, unit: 人次"),
        DEPT: ("\n      - {id: M-D2, name: 网上办理率, objective: D2, type: driver, unit: '%', targets: {'2008': 60}, "
               "owner: office}\n      - {id: M-D3, name: 作风评议得分, objective: D3, type: outcome, unit: 分,",
               "\n      - {id: M-D2, name: 信息员, objective: D2, type: driver, unit: 人, targets: {'2008': 60}, "
               "owner: office}\n      - {id: M-D3, name: 参评人数, objective: D3, type: outcome, unit: 名,")})
    assert found(result, "BSC211") == [("units/alpha/measures.yml", 5)]
    assert "都是人数、人次" in next(p.message for p in result.problems if p.code == "BSC211")
