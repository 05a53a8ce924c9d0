"""Property: whatever Unicode an editor puts into a text field (control characters, bidi marks,
U+2028, markup, DOT, Markdown and Jinja metacharacters), written as valid YAML by an emitter,
`check` either reports located errors or accepts the text exactly as written; it never raises."""
from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.check import check_tree
from tests.helpers import MINI

SNIPPETS = [
    "\x00", "\x07", "\x0b", "\x0c", "\x1b", "\x7f", "\x85", "\x9f", "\ufffe", "\t", "\n", "\r\n",
    "\u200e", "\u200f", "\u202a", "\u202e", "\u2066", "\u2069", "\u2028", "\u2029", "\ufeff", "\u3000",
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "&amp;", "&#0;", "\"", "'", "`",
    "javascript:alert(1)", "-> ", "--", "{", "}", "[", "]", ";", "\\", "\\n", "<<", ">>", "|", "@",
    "**", "__", "# ", "![x](y)", "[x](javascript:y)", "~~~", "$$", "{{ 7*7 }}", "{% raw %}", "{#",
    "%}", "1.50", "1_000", "0x1F", "1e400", "~", "null", "no", "2008-01-01", "*x", "&x", "!!python",
    "---", "...", "? ", ": ", " #", "平衡计分卡", "学习与成长",
]
TEXT = st.lists(st.one_of(st.sampled_from(SNIPPETS),
                          st.text(st.characters(blacklist_categories=("Cs",)), max_size=6)),
                max_size=8).map("".join)

#: (file, where the text goes in it, how to read it back from the loaded unit)
FIELDS: list[tuple[str, tuple[Any, ...], Any]] = [
    ("units/alpha/unit.yml", ("vision",), lambda u: u.info.vision),
    ("units/alpha/unit.yml", ("values", 0), lambda u: u.info.values[0]),
    ("units/alpha/unit.yml", ("themes", 0, "name"), lambda u: u.themes[0].name),
    ("units/alpha/map.yml", ("objectives", 0, "name"), lambda u: u.objective_index["S1"].name),
    ("units/alpha/measures.yml", ("measures", 0, "name"), lambda u: u.measure_index["M-S1"].name),
]


@pytest.fixture(scope="module")
def tree(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("property") / "scorecards"
    shutil.copytree(MINI, root)
    return root


def _put(data: Any, where: tuple[Any, ...], text: str) -> None:
    for step in where[:-1]:
        data = data[step]
    data[where[-1]] = text


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=TEXT, field=st.sampled_from(FIELDS))
def test_any_text_is_refused_where_it_is_or_kept_exactly(tree, text, field):
    rel, where, read_back = field
    original = (MINI / rel).read_text(encoding="utf-8")
    data = yaml.safe_load(original)
    _put(data, where, text)
    written = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10 ** 6)
    (tree / rel).write_text(written, encoding="utf-8", newline="")
    try:
        result = check_tree(tree)  # never raises
    finally:
        (tree / rel).write_text(original, encoding="utf-8")
    lines = written.count("\n") + 1
    problems = [p for p in result.problems if p.is_error]
    for p in problems:
        assert p.path.endswith(rel), (p.path, p.message)
        assert 1 <= p.line <= lines and p.col >= 1 and (p.line, p.col) != (1, 1), (p.line, p.col, p.message)
        assert p.code in ("BSC001", "BSC004"), (p.code, p.message)
    if not problems:
        assert read_back(result.city.units["alpha"]) == text.strip()
