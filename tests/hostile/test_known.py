"""Kinds of hostile input that already held before the hardening: kept as fixtures."""
from __future__ import annotations

from generator.check import check_tree
from tests.helpers import mini_tree

from .helpers import check, errors, only_error

UNIT = "units/alpha/unit.yml"
HEAD = "id: alpha\nmission: 富民强乡\nvision: 全省样板\n"


def test_duplicate_key_never_overwrites_silently(tmp_path):
    result = check(tmp_path, {UNIT: HEAD + "mission: 另一个使命\n"})
    assert errors(result) == [("BSC002", f"scorecards/{UNIT}", 4, 1)]
    assert "第 2 行已经出现过" in only_error(result).message


def test_gbk_file(tmp_path):
    root = mini_tree(tmp_path)
    (root / UNIT).write_bytes((HEAD + "values: [为民]\n").encode("gbk"))
    result = check_tree(root)
    assert errors(result) == [("BSC001", f"scorecards/{UNIT}", 2, 1)]  # the first line that is not
    assert "不是 UTF-8 编码（可能是 GBK）" in only_error(result).message


def test_merge_key(tmp_path):
    result = check(tmp_path, {UNIT: HEAD + "base: &b {x: 1}\nthemes:\n  - <<: *b\n    id: T1\n"})
    assert ("BSC001", f"scorecards/{UNIT}", 6, 5) in errors(result)
    assert any("合并键" in p.message for p in result.problems)


def test_python_object_tag_is_never_constructed(tmp_path):
    result = check(tmp_path, {UNIT: HEAD + "values: !!python/object/apply:os.system [echo pwned]\n"})
    assert errors(result) == [("BSC001", f"scorecards/{UNIT}", 4, 9)]
    assert "!!python/object/apply:os.system" in only_error(result).message
