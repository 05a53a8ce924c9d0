from tests.helpers import found, run

DEPT = "units/alpha/departments.yml"
M_D1 = "{id: M-D1, name: 文件办结率, objective: D1, type: outcome, unit: '%', targets: {'2008': 98}, owner: head}"
PERSON = "units/alpha/people/p1.yml"
PM1 = "{id: PM1, name: 公文处理, post: head, target: 100, weight: 100}"


def _derived(targets: str, extra: str = "") -> dict:
    # M-D1 (a sub-card measure) derives from M-P1 (办结率, 2008 target 95, actual 96)
    return {DEPT: (M_D1, "{id: M-D1, name: 文件办结率, objective: D1, type: outcome, unit: '%', "
                         f"{targets}owner: head, derives_from: M-P1{extra}}}")}


def test_pass_cascaded_measure_writes_nothing(tmp_path):
    result = run(tmp_path, _derived(""))
    assert result.errors == [] and found(result, "BSC109") == []


def test_pass_same_target(tmp_path):
    assert found(run(tmp_path, _derived("targets: {'2008': 95}, ")), "BSC109") == []


def test_pass_different_with_a_reason(tmp_path):
    result = run(tmp_path, _derived("targets: {'2008': 98}, ", ", override_reason: 只统计党政办经手的文件"))
    assert found(result, "BSC109") == []


def test_fail_different_target(tmp_path):
    result = run(tmp_path, _derived("targets: {'2008': 98}, "))
    assert found(result, "BSC109") == [(DEPT, 8)]
    p = next(p for p in result.problems if p.code == "BSC109")
    assert p.is_error and "M-P1" in p.message and "98" in p.message and "95" in p.message


def test_fail_personal_actual_contradicts_the_unit(tmp_path):
    # PM1 derives from M-C1 (群众满意度, 2008: 88); the person's result says 90
    result = run(tmp_path, {PERSON: (PM1, "{id: PM1, name: 公文处理, post: head, weight: 100, derives_from: M-C1}")})
    assert found(result, "BSC109") == [("units/alpha/results/2008.yml", 12)]
    assert "张测试" in next(p.message for p in result.problems if p.code == "BSC109")


def test_pass_personal_actual_left_to_the_unit(tmp_path):
    result = run(tmp_path, {PERSON: (PM1, "{id: PM1, name: 公文处理, post: head, weight: 100, derives_from: M-C1}"),
                            "units/alpha/results/2008.yml": ("{PM1: 90, PM2: 50}", "{PM2: 50}")})
    assert found(result, "BSC109") == [] and result.errors == []


def test_fail_unknown_source_is_a_reference_error(tmp_path):
    result = run(tmp_path, {DEPT: (M_D1, M_D1[:-1] + ", derives_from: M-X9}")})
    assert found(result, "BSC102") == [(DEPT, 8)]
