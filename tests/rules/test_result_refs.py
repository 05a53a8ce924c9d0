from tests.helpers import found, run


def test_pass_results_reference_known_things(tmp_path):
    assert found(run(tmp_path), "BSC106") == []


def test_fail_actual_for_unknown_measure(tmp_path):
    result = run(tmp_path, {"units/alpha/results/2008.yml": ("  M-L1: 75\n", "  M-L9: 75\n")})
    assert found(result, "BSC106") == [("units/alpha/results/2008.yml", 7)]


def test_fail_results_for_unknown_period(tmp_path):
    result = run(tmp_path, {"units/alpha/results/2011.yml": "period: '2011'\nactuals: {M-S1: 1}\n"})
    assert ("units/alpha/results/2011.yml", 1) in found(result, "BSC106")


def test_fail_unknown_bonus_person_and_grade(tmp_path):
    result = run(tmp_path, {"units/alpha/results/2008.yml": (
        "bonus: {B1: 2}\ntraditional: {grade: good, score: 85}\npeople:\n  p1:",
        "bonus: {B7: 2}\ntraditional: {grade: superb, score: 85}\npeople:\n  p9:")})
    assert sorted(found(result, "BSC106")) == [
        ("units/alpha/results/2008.yml", 8), ("units/alpha/results/2008.yml", 9),
        ("units/alpha/results/2008.yml", 11)]


def test_fail_results_for_a_period_without_a_scale(tmp_path):
    # 2007 is in the rules, but there is no assessment/2007.yml: the results could not be scored
    result = run(tmp_path, {"units/alpha/results/2007.yml": "period: '2007'\nactuals: {M-S1: 1}\n"
                                                            "people:\n  p1: {actuals: {PM1: 1}}\n"})
    assert found(result, "BSC106") == [("units/alpha/results/2007.yml", 1)]
    problem = next(p for p in result.problems if p.code == "BSC106")
    assert (problem.col, problem.is_error) == (1, True)
    assert "没有考核量表 assessment/2007.yml" in problem.message and "个人结果" in problem.message
