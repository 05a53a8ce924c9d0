from tests.helpers import found, run


def test_pass_acyclic(tmp_path):
    assert found(run(tmp_path), "BSC103") == []


def test_fail_cycle(tmp_path):
    result = run(tmp_path, {"units/alpha/map.yml": (
        "{id: S1, name: 收入增长, perspective: stakeholder, theme: T1, owner: head}",
        "{id: S1, name: 收入增长, perspective: stakeholder, theme: T1, owner: head, drives: [P1]}")})
    got = found(result, "BSC103")
    assert len(got) == 1 and got[0][0] == "units/alpha/map.yml"
    message = next(p.message for p in result.problems if p.code == "BSC103")
    assert "循环" in message and "S1" in message and "P1" in message
