"""Size limits that hold by construction: aliases (by the characters they expand to and by the
values they add), self-reference, nesting depth, and the per-file size cap."""
from __future__ import annotations

import time

from generator.load.yamlfile import MAX_ALIAS_CHARS, MAX_BYTES, MAX_DEPTH

from .helpers import check, errors, only_error

UNIT = "units/alpha/unit.yml"
HEAD = "id: alpha\nmission: 富民强乡\nvision: 全省样板\n"


def test_one_anchor_many_aliases_of_a_long_string(tmp_path):
    # 300 KB of YAML that would expand to 4000 * 75 000 = 300 million characters
    aliases = ", ".join(["*s"] * 75_000)
    text = f"{HEAD}description: &s {'长' * 4000}\nvalues: [{aliases}]\n"
    start = time.perf_counter()
    result = check(tmp_path, {UNIT: text})
    assert time.perf_counter() - start < 3
    # refused at the alias that crosses the limit: the 125th (125 copies of 4001 give 500 125)
    assert errors(result) == [("BSC001", f"scorecards/{UNIT}", 5, 10 + 4 * 124)]
    message = only_error(result).message
    assert str(MAX_ALIAS_CHARS) in message and "别名" in message


def test_billion_laughs_by_node_count(tmp_path):
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 9)]
    start = time.perf_counter()
    result = check(tmp_path, {UNIT: HEAD + "\n".join(lines) + "\n"})
    assert time.perf_counter() - start < 3
    # a1..a4 add 234 540 values and characters; the second `*a4` on line a5 (211 111 each) crosses
    assert errors(result) == [("BSC001", f"scorecards/{UNIT}", 9, 15)]
    assert str(MAX_ALIAS_CHARS) in only_error(result).message


def test_alias_inside_its_own_anchor(tmp_path):
    result = check(tmp_path, {UNIT: HEAD + "values: &v [a, *v]\n"})
    assert errors(result) == [("BSC001", f"scorecards/{UNIT}", 4, 16)]
    assert "无限展开" in only_error(result).message


def test_nesting_deeper_than_the_cap(tmp_path):
    depth = MAX_DEPTH + 5
    text = HEAD + "extra:\n" + "".join("  " * i + f"k{i}:\n" for i in range(1, depth)) + "  " * depth + "x\n"
    result = check(tmp_path, {UNIT: text})
    code, path, line, _ = errors(result)[0]
    assert (code, path, line) == ("BSC001", f"scorecards/{UNIT}", 5 + MAX_DEPTH)
    assert f"嵌套超过 {MAX_DEPTH} 层" in only_error(result).message


def _measures(count: int) -> str:
    rows = [f"  - {{id: M-X{i}, name: 指标{i}, objective: S1, type: outcome, unit: 元, "
            f"targets: {{'2008': 5000}}, owner: office}}" for i in range(count)]
    return "\n".join(rows) + "\n"


def test_file_just_under_the_cap_checks_in_seconds(tmp_path):
    rows = _measures(8000)
    assert MAX_BYTES - 150_000 < len(rows.encode()) < MAX_BYTES - 1000
    start = time.perf_counter()
    result = check(tmp_path, {"units/alpha/measures.yml": ("measures:\n", "measures:\n" + rows)})
    assert time.perf_counter() - start < 6
    assert errors(result) == []


def test_file_over_the_cap_is_refused_before_it_is_read(tmp_path):
    text = "measures:\n" + _measures(8000) + "# " + "注" * (MAX_BYTES // 3) + "\n"
    start = time.perf_counter()
    result = check(tmp_path, {"units/alpha/measures.yml": text})
    assert time.perf_counter() - start < 1
    assert errors(result) == [("BSC001", "scorecards/units/alpha/measures.yml", 1, 1)]
    message = only_error(result).message
    assert "过大" in message and f"上限 {MAX_BYTES // 1024} KB" in message and "锚点" not in message


def test_named_pipe_instead_of_a_file_is_refused_without_waiting(tmp_path):
    import os

    from generator.check import check_tree
    from tests.helpers import mini_tree

    root = mini_tree(tmp_path)
    (root / "units/alpha/actions.yml").unlink()
    os.mkfifo(root / "units/alpha/actions.yml")
    start = time.perf_counter()
    result = check_tree(root)
    assert time.perf_counter() - start < 2
    assert errors(result) == [("BSC001", "scorecards/units/alpha/actions.yml", 1, 1)]
    assert "不是普通文件" in only_error(result).message
