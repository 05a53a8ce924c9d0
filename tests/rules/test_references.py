from tests.helpers import found, run


def test_pass_known_references(tmp_path):
    assert found(run(tmp_path), "BSC102") == []


def test_fail_unknown_objective_in_drives(tmp_path):
    result = run(tmp_path, {"units/alpha/map.yml": ("drives: [S1]}", "drives: [S9]}")})
    assert found(result, "BSC102") == [("units/alpha/map.yml", 3)]
    problem = next(p for p in result.problems if p.code == "BSC102")
    assert "S9" in problem.message and "S1" in problem.message  # names the bad id and suggests real ones
    assert problem.is_error


def test_fail_unknown_owner_and_theme(tmp_path):
    result = run(tmp_path, {
        "units/alpha/measures.yml": ("targets: {'2008': 5000}, owner: office", "targets: {'2008': 5000}, owner: nobody"),
        "units/alpha/unit.yml": ("aligns_to: [C1]", "aligns_to: [C7]"),
    })
    assert sorted(found(result, "BSC102")) == [("units/alpha/measures.yml", 2), ("units/alpha/unit.yml", 6)]


def test_fail_unknown_post_department_and_stage(tmp_path):
    result = run(tmp_path, {
        "units/alpha/people/p1.yml": ("{post: clerk, share: 0.4}", "{post: driver, share: 0.4}"),
        "registry.yml": ("{stage: pilot, since: 2009-01-01}", "{stage: launch, since: 2009-01-01}"),
        "units/alpha/posts.yml": ("department: office, difficulty: B", "department: finance, difficulty: B"),
    })
    got = found(result, "BSC102")
    assert ("units/alpha/people/p1.yml", 5) in got
    assert ("registry.yml", 18) in got
    assert ("units/alpha/posts.yml", 3) in got


def test_fail_silencing_an_error_code(tmp_path):
    result = run(tmp_path, {"units/alpha/unit.yml": ("values: [为民, 务实]", "values: [为民, 务实]\nsilence: [BSC104]")})
    assert found(result, "BSC102") == [("units/alpha/unit.yml", 5)]


def test_empty_map_gives_one_message_not_a_cascade(tmp_path):
    result = run(tmp_path, {"units/alpha/map.yml": "# 空文件\n"})
    got = found(result, "BSC102")
    assert got == [("units/alpha/measures.yml", 2)]
    assert "map.yml" in next(p.message for p in result.problems if p.code == "BSC102")


def test_fail_unknown_severity_code(tmp_path):
    result = run(tmp_path, {"city.yml": ("  max_assessed_measures: 5",
                                         "  max_assessed_measures: 5\n  severity:\n    BSC2O2: 'off'")})
    [problem] = [p for p in result.problems if p.code == "BSC102"]
    assert (problem.path.split("scorecards/", 1)[-1], problem.line, problem.col) == ("city.yml", 30, 5)
    assert problem.is_error
    assert "`BSC2O2` 不是检查代码" in problem.message and "是不是想写 `BSC202`" in problem.message


def test_fail_severity_of_a_loading_code(tmp_path):
    result = run(tmp_path, {"city.yml": ("  max_assessed_measures: 5",
                                         "  max_assessed_measures: 5\n  severity: {BSC003: warning}")})
    assert found(result, "BSC102") == [("city.yml", 29)]
    assert "级别不能调整" in next(p.message for p in result.problems if p.code == "BSC102")


def test_known_severity_codes_pass(tmp_path):
    result = run(tmp_path, {"city.yml": ("  max_assessed_measures: 5",
                                         "  max_assessed_measures: 5\n  severity: {BSC202: 'off', BSC101: warning}")})
    assert result.problems == []


def test_silence_typo_gets_a_hint(tmp_path):
    result = run(tmp_path, {"units/alpha/unit.yml": ("values: [为民, 务实]", "values: [为民, 务实]\nsilence: [BSC2O2]")})
    assert found(result, "BSC102") == [("units/alpha/unit.yml", 5)]
    assert "是不是想写 `BSC202`" in next(p.message for p in result.problems if p.code == "BSC102")


def test_every_kind_of_id_the_rule_names_has_a_label() -> None:
    """`_ref` names the kind of a missing id only when one is missing: each key it is given must
    be a kind `_util.kind` can say (a typo would only show as a crash on a bad reference)."""
    import ast
    import inspect

    from generator.rules import _util, references

    calls = [node for node in ast.walk(ast.parse(inspect.getsource(references)))
             if isinstance(node, ast.Call) and getattr(node.func, "id", None) in ("_ref", "_refs")]
    keys = {node.args[5].value for node in calls if isinstance(node.args[5], ast.Constant)}
    assert len(calls) > 25 and len(keys) > 10
    assert keys <= set(_util._KINDS)
    assert all(isinstance(node.args[5], ast.Constant) or getattr(node.args[5], "id", None) == "what"
               for node in calls)                  # a key written out, or `_refs` passing its own on
