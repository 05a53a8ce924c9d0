from tests.helpers import found, run

RULES = "units/alpha/rules.yml"
RESULTS = "units/alpha/results/2008.yml"
CAP = ("multi_post: {coefficients: true, leadership_share: 0.2}",
       "multi_post: {coefficients: true, leadership_share: 0.2, adjustment_cap: 3}")


def _adjusted(points: int) -> tuple[str, str]:
    return ("    leadership_rating: 80\n",
            f"    leadership_rating: 80\n    final_adjustment: {{points: {points}, reason: 兼任文书，档案整理量大}}\n")


def test_pass_within_the_cap(tmp_path):
    assert found(run(tmp_path, {RULES: CAP, RESULTS: _adjusted(-3)}), "BSC214") == []


def test_warn_over_the_cap(tmp_path):
    result = run(tmp_path, {RULES: CAP, RESULTS: _adjusted(5)})
    assert found(result, "BSC214") == [(RESULTS, 14)]
    p = next(p for p in result.problems if p.code == "BSC214")
    assert not p.is_error and "+5" in p.message and "上限 3" in p.message and "张测试" in p.message


def test_warn_when_the_rules_set_no_cap(tmp_path):
    result = run(tmp_path, {RESULTS: _adjusted(2)})
    assert found(result, "BSC214") == [(RESULTS, 14)]
    assert "没有规定" in next(p.message for p in result.problems if p.code == "BSC214")
