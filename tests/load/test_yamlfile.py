"""The YAML reader: positions, duplicate keys, YAML 1.2 scalars, alias bombs, syntax errors."""
from pathlib import Path

from generator.load.yamlfile import MAX_ALIAS_CHARS, load_yaml


def _load(tmp_path: Path, text: str):
    path = tmp_path / "f.yml"
    path.write_text(text, encoding="utf-8")
    return load_yaml(path, "f.yml")


def test_positions_of_values_and_keys(tmp_path):
    doc, problems = _load(tmp_path, "a: 1\nb:\n  - x\n  - {c: 2}\n")
    assert problems == []
    assert doc.mark(("b", 1, "c")).line == 4
    assert doc.mark(("b", 1, "c"), key=True).col == 6
    assert doc.mark(("b", 7)).line == 2  # missing child: shown at its parent's key


def test_duplicate_key_is_an_error_at_the_second_key(tmp_path):
    doc, problems = _load(tmp_path, "id: a\nname: 甲\nid: b\n")
    assert [(p.code, p.line, p.col) for p in problems] == [("BSC002", 3, 1)]
    assert "第 1 行" in problems[0].message


def test_yaml12_scalars_no_norway_problem(tmp_path):
    doc, _ = _load(tmp_path, "a: no\nb: on\nc: true\nd: 2008-01-01\ne: 1.5\nf: '7'\ng: ~\nh: 0x10\n")
    assert doc.data == {"a": "no", "b": "on", "c": True, "d": "2008-01-01", "e": 1.5, "f": "7",
                        "g": None, "h": "0x10"}


def test_mapping_keys_are_text(tmp_path):
    doc, _ = _load(tmp_path, "targets:\n  2008: 75\n  2008-q1: 70\n")
    assert doc.data == {"targets": {"2008": 75, "2008-q1": 70}}


def test_syntax_error_names_line(tmp_path):
    doc, problems = _load(tmp_path, "a: 1\nb: [1, 2\nc: 3\n")
    assert doc is None
    assert problems[0].code == "BSC001" and problems[0].line in (2, 3)
    assert "YAML 语法错误" in problems[0].message


def test_bad_indentation_is_a_syntax_error(tmp_path):
    doc, problems = _load(tmp_path, "a:\n  b: 1\n c: 2\n")
    assert doc is None and problems[0].code == "BSC001" and problems[0].line == 3


def test_alias_bomb_is_refused(tmp_path):
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 9):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]")
    doc, problems = _load(tmp_path, "\n".join(lines) + "\n")
    assert doc is None
    assert problems[0].code == "BSC001" and str(MAX_ALIAS_CHARS) in problems[0].message


def test_non_utf8_file(tmp_path):
    path = tmp_path / "f.yml"
    path.write_bytes("name: 海林".encode("gbk"))
    doc, problems = load_yaml(path, "f.yml")
    assert doc is None and "UTF-8" in problems[0].message


def test_merge_keys_refused(tmp_path):
    doc, problems = _load(tmp_path, "base: &b {x: 1}\nthing:\n  <<: *b\n  y: 2\n")
    assert [p.code for p in problems] == ["BSC001"] and problems[0].line == 3


def test_unsupported_tags_are_errors_and_never_constructed(tmp_path):
    doc, problems = _load(tmp_path, "a: !foo 1\nb: !!python/object/apply:os.system [echo hi]\nc: !!str 7\n")
    assert [(p.code, p.line) for p in problems] == [("BSC001", 1), ("BSC001", 2)]
    assert "!!python/object/apply:os.system" in problems[1].message
    assert doc.data["c"] == "7"


def test_huge_float_is_refused_where_it_is(tmp_path):
    doc, problems = _load(tmp_path, "b: 1.5\na: 1e400\n")
    assert [(p.code, p.line, p.col) for p in problems] == [("BSC004", 2, 4)]
    assert "太大" in problems[0].message


def test_unclosed_quote_is_shown_where_it_opens(tmp_path):
    doc, problems = _load(tmp_path, "a: 1\nb: \"open\nc: 2\nd: 3\ne: 4\n")
    assert doc is None and problems[0].line == 2
