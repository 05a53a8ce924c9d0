"""Loading a tree: schema errors with labels, file layout, names that must match."""
from tests.helpers import found, run


def test_typo_in_field_name_is_an_error_with_suggestion(tmp_path):
    result = run(tmp_path, {"units/alpha/assessment/2008.yml": ("{measure: M-C1, weight: 30}", "{measure: M-C1, wieght: 30}")})
    assert found(result, "BSC003") == [("units/alpha/assessment/2008.yml", 4)]
    message = next(p.message for p in result.problems if p.code == "BSC003")
    assert "wieght" in message and "`weight`（权重）" in message


def test_wrong_type_names_field_label(tmp_path):
    result = run(tmp_path, {"units/alpha/measures.yml": ("targets: {'2008': 90}", "targets: {'2008': 九十}")})
    problem = next(p for p in result.problems if p.code == "BSC004")
    assert problem.line == 3 and "目标值" in problem.message and "数字" in problem.message


def test_invalid_enum_lists_choices(tmp_path):
    result = run(tmp_path, {"units/alpha/measures.yml": ("type: outcome, unit: 元", "type: result, unit: 元")})
    problem = next(p for p in result.problems if p.code == "BSC004")
    assert "'outcome'" in problem.message and "'driver'" in problem.message


def test_missing_required_field(tmp_path):
    result = run(tmp_path, {"units/alpha/actions.yml": (" start: 2008-01-01,", "")})
    assert found(result, "BSC005") == [("units/alpha/actions.yml", 2)]
    assert "开始日期" in next(p.message for p in result.problems if p.code == "BSC005")


def test_chinese_id_is_rejected(tmp_path):
    result = run(tmp_path, {"units/alpha/map.yml": ("{id: S1,", "{id: 收入,")})
    assert any(p.code == "BSC004" and "编号" in p.message for p in result.problems)


def test_file_name_must_match_period(tmp_path):
    result = run(tmp_path, {"units/alpha/results/2009.yml": "period: '2008'\nactuals: {}\n"})
    assert found(result, "BSC006") == [("units/alpha/results/2009.yml", 1)]


def test_unit_folder_must_be_registered(tmp_path):
    result = run(tmp_path, {"units/delta/unit.yml": "id: delta\n"})
    assert found(result, "BSC107") == [("units/delta/unit.yml", 1)]


def test_unit_id_must_match_folder(tmp_path):
    result = run(tmp_path, {"units/beta/unit.yml": ("id: beta", "id: bet")})
    assert found(result, "BSC107") == [("units/beta/unit.yml", 1)]


def test_unknown_file_is_a_warning(tmp_path):
    result = run(tmp_path, {"units/alpha/notes.yml": "x: 1\n"})
    problems = [p for p in result.problems if p.code == "BSC006"]
    assert len(problems) == 1 and not problems[0].is_error


def test_broken_unit_skips_cross_reference_noise(tmp_path):
    # map.yml fails to load: measures then point at "unknown" objectives, which must not be reported
    result = run(tmp_path, {"units/alpha/map.yml": ("objectives:", "objectives: [\n")})
    assert found(result, "BSC102") == []
    assert found(result, "BSC001")


def test_people_are_internal_always():
    from generator.model import Person
    p = Person(id="x", name="某人", posts=[{"post": "a"}])
    assert p.internal is True


def test_post_shares_must_add_to_one(tmp_path):
    result = run(tmp_path, {"units/alpha/people/p1.yml": ("share: 0.4", "share: 0.3")})
    problem = next(p for p in result.problems if p.code == "BSC004")
    assert "0.9" in problem.message and problem.path.endswith("people/p1.yml")


def test_actual_of_wrong_type_names_every_accepted_form(tmp_path):
    result = run(tmp_path, {"units/alpha/results/2008.yml": ("M-C1: 88", "M-C1: 六千")})
    problem = next(p for p in result.problems if p.code == "BSC004")
    assert problem.line == 4 and "实际值" in problem.message
    assert "数字" in problem.message and "true 或 false" in problem.message


def test_non_finite_number_rejected(tmp_path):
    result = run(tmp_path, {"units/alpha/results/2008.yml": ("M-C1: 88", "M-C1: 1e400")})
    assert [p.line for p in result.problems if p.code == "BSC004"] == [4]


def test_too_long_text_message_is_chinese(tmp_path):
    result = run(tmp_path, {"units/alpha/map.yml": ("name: 收入增长", "name: " + "长" * 200)})
    problem = next(p for p in result.problems if p.code == "BSC004")
    assert "最多 120 个字符" in problem.message and "String" not in problem.message
