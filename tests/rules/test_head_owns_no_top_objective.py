from tests.helpers import found, run

MAP = "units/alpha/map.yml"


def test_pass_head_owns_a_stakeholder_objective(tmp_path):
    assert found(run(tmp_path), "BSC213") == []


def test_warn_top_objectives_owned_by_others(tmp_path):
    result = run(tmp_path, {MAP: ("theme: T1, owner: head}", "theme: T1, owner: office}")})
    assert found(result, "BSC213") == [(MAP, 2)]
    p = next(p for p in result.problems if p.code == "BSC213")
    assert not p.is_error and "办公室主任" in p.message and "利益相关者" in p.message


def test_warn_heads_not_named_where_posts_exist(tmp_path):
    result = run(tmp_path, {"units/alpha/unit.yml": ("heads: [head]\n", "")})
    assert found(result, "BSC213") == [("units/alpha/unit.yml", 1)]
    assert "heads" in next(p.message for p in result.problems if p.code == "BSC213")


def test_unknown_head_post_is_a_reference_error(tmp_path):
    result = run(tmp_path, {"units/alpha/unit.yml": ("heads: [head]", "heads: [chief]")})
    assert found(result, "BSC102") == [("units/alpha/unit.yml", 7)]
