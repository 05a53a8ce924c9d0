from tests.helpers import found, run

SCALE = "units/alpha/assessment/2008.yml"
APPROVED = "approved: {by: 甲乡党委会, date: 2008-01-10}\n"


def test_pass_scale_approved(tmp_path):
    assert found(run(tmp_path), "BSC212") == []


def test_warn_published_results_on_an_unapproved_scale(tmp_path):
    result = run(tmp_path, {SCALE: (APPROVED, "")})
    assert found(result, "BSC212") == [(SCALE, 1)]
    p = next(p for p in result.problems if p.code == "BSC212")
    assert not p.is_error and "审定" in p.message and "2008年度" in p.message


def test_pass_unapproved_while_results_are_unpublished(tmp_path):
    result = run(tmp_path, {SCALE: (APPROVED, ""),
                            "units/alpha/results/2008.yml": ("period: '2008'\n", "period: '2008'\npublished: false\n")})
    assert found(result, "BSC212") == []
