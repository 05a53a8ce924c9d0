"""Control characters: refused at the real file:line:col, named, whether raw or escaped."""
from __future__ import annotations

import pytest

from tests.helpers import mini_tree
from generator.check import check_tree

from .helpers import check, errors, only_error, write_raw

MAP = "units/alpha/map.yml"
# line 2 of map.yml: `  - {id: S1, name: 收入增长, perspective: stakeholder, theme: T1, owner: head}`


@pytest.mark.parametrize("escape, code_point", [("\\v", "U+000B"), ("\\0", "U+0000"),
                                                ("\\e", "U+001B"), ("\\x7f", "U+007F"),
                                                ("\\N", "U+0085"), ("\\uFFFE", "U+FFFE")])
def test_escape_in_double_quotes_is_refused_at_the_escape(tmp_path, escape, code_point):
    result = check(tmp_path, {MAP: ("name: 收入增长", f'name: "收入{escape}增长"')})
    assert errors(result) == [("BSC001", f"scorecards/{MAP}", 2, 23)]
    message = only_error(result).message
    assert code_point in message and f"`{escape}`" in message and "请删除这个转义" in message


def test_escape_in_a_key(tmp_path):
    result = check(tmp_path, {"units/alpha/unit.yml": ("vision: 全省样板", 'vision: 全省样板\n"a\\bc": 1')})
    assert ("BSC001", "scorecards/units/alpha/unit.yml", 4, 3) in errors(result)


@pytest.mark.parametrize("raw, code_point", [(b"\x00", "U+0000"), (b"\x07", "U+0007"),
                                             (b"\x7f", "U+007F"), ("\x85".encode(), "U+0085"),
                                             ("\ufffe".encode(), "U+FFFE")])
def test_raw_control_character_is_refused_where_it_is(tmp_path, raw, code_point):
    root = mini_tree(tmp_path)
    write_raw(root, MAP, "收入增长".encode(), "收入".encode() + raw + "增长".encode())
    result = check_tree(root)
    assert errors(result) == [("BSC001", f"scorecards/{MAP}", 2, 22)]
    assert code_point in only_error(result).message and "请删除这个字符" in only_error(result).message


def test_control_character_in_an_article_body(tmp_path):
    article = "---\ntitle: 体会\nunit: alpha\n---\n\n正文\x0b第一段。\n"
    result = check(tmp_path, content={"articles/a.md": article})
    assert errors(result) == [("BSC301", "content/articles/a.md", 6, 3)]
    assert "U+000B" in only_error(result).message


def test_control_escape_in_article_front_matter(tmp_path):
    article = '---\ntitle: "体\\0会"\nunit: alpha\n---\n\n正文。\n'
    result = check(tmp_path, content={"articles/a.md": article})
    assert errors(result) == [("BSC301", "content/articles/a.md", 2, 10)]
    assert "U+0000" in only_error(result).message


def test_control_character_in_a_hand_written_page(tmp_path):
    result = check(tmp_path, content={"pages/about.md": "# 关于\n\n本站\x1b说明\n"})
    assert errors(result) == [("BSC001", "content/pages/about.md", 3, 3)]
    assert "U+001B" in only_error(result).message


def test_bidi_marks_and_line_separators_are_text(tmp_path):
    result = check(tmp_path, {MAP: ("name: 收入增长", 'name: "收入\u202e增长\u2028目标"')})
    assert errors(result) == []
