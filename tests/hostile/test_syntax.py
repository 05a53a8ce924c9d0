"""YAML syntax errors: a Chinese explanation with a hint, at the right place; the parser's
English only follows in parentheses."""
from __future__ import annotations

import re

import pytest

from .helpers import check, errors, only_error

UNIT = "units/alpha/unit.yml"
HEAD = "id: alpha\nmission: 富民强乡\nvision: 全省样板\n"


def _chinese_first(message: str) -> None:
    """The message starts in Chinese; English appears only inside the closing parentheses."""
    assert message.startswith("YAML 语法错误：")
    outside = re.sub(r"（YAML 解析器：.*）$", "", message)
    assert not re.search(r"[A-Za-z]{4,} [A-Za-z]{3,}", outside.replace("Tab", "")), outside


@pytest.mark.parametrize("text, line, col", [
    (HEAD + "themes:\n\t- {id: T1, name: 产业富民}\n", 5, 1),          # a tab where the indent is
    (HEAD + "themes:\n  - id: T1\n  \tname: 产业富民\n", 6, 3),        # a tab after two spaces
])
def test_tab_indentation_is_named_at_the_tab(tmp_path, text, line, col):
    result = check(tmp_path, {UNIT: text})
    assert errors(result) == [("BSC001", f"scorecards/{UNIT}", line, col)]
    message = only_error(result).message
    assert "Tab" in message and "空格" in message
    _chinese_first(message)


@pytest.mark.parametrize("text, line, col, words", [
    (HEAD + 'values: ["为民, 务实]\nthemes: []\n', 4, 10, "引号没有结束"),
    (HEAD + "values: [为民, 务实\nthemes: []\n", 4, 9, "方括号"),
    (HEAD + "themes:\n  - {id: T1, name: 产业富民\n", 5, 5, "花括号"),
    (HEAD + "values: 目标: 提高\n", 4, 11, "多了一个冒号"),
    (HEAD + "values\nthemes: []\n", 4, 1, "缺少冒号"),
    (HEAD + "themes:\n  - {id: T1}\n bad: 1\n", 6, 2, "缩进没有对齐"),
    (HEAD + 'values: "C:\\path"\n', 4, 12, "反斜杠"),
    (HEAD + "values: @某某\n", 4, 9, "`@`"),
    (HEAD + "---\nid: beta\n", 4, 1, "只能有一个 YAML 文档"),
    (HEAD + "values: *nothing\n", 4, 9, "锚点 `&` 不存在"),
])
def test_syntax_errors_are_explained_in_chinese(tmp_path, text, line, col, words):
    result = check(tmp_path, {UNIT: text})
    assert errors(result) == [("BSC001", f"scorecards/{UNIT}", line, col)]
    message = only_error(result).message
    assert words in message
    _chinese_first(message)
    assert "（YAML 解析器：" in message  # the English follows, for searching
