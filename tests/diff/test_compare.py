"""`diff.compare` on loaded cities (no git): edition marks, unreadable files, rules, results,
people, and how long texts and values read."""
from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from generator.diff.compare import Snapshot, compare
from generator.diff.describe import sentence
from generator.diff.fields import around_change
from generator.load.tree import load_city

from .gitrepo import MINI, apply

U = "units/mini-town"
LATER = dt.date(2010, 6, 1)


def snapshot(tmp_path: Path, name: str, edits: dict | None = None) -> Snapshot:
    root = tmp_path / name
    shutil.copytree(MINI / "scorecards", root)
    apply(root, edits or {})
    loaded = load_city(root)
    bad = frozenset(Path(p.path).resolve().relative_to(root.resolve()).as_posix()
                    for p in loaded.problems if p.is_error)
    return Snapshot(loaded.city, bad, name)


def texts(cs, unit="mini-town") -> list[tuple[str, bool]]:
    g = cs.group(unit)
    return [(sentence(c), c.internal) for c in g.changes] if g else []


def test_an_unreadable_file_is_named_internally_and_not_compared(tmp_path):
    base = snapshot(tmp_path, "a")
    head = snapshot(tmp_path, "b", {
        f"{U}/measures.yml": ("targets: {2008: 85, 2009: 90}", "targets: {2008: 85, 2009: [90}"),
        f"{U}/unit.yml": ("vision: 建成富裕、文明、和谐的边境民族乡。", "vision: 建成富裕文明的边境民族乡。"),
    })
    assert head.unreadable == {f"{U}/measures.yml"}
    result = compare(base, head, LATER)
    assert texts(result.full) == [
        (f"{U}/measures.yml：该版本的文件无法按当前格式读取，未逐项比较", True),
        ("愿景：建成富裕、文明、和谐的边境民族乡。 → 建成富裕文明的边境民族乡。", True)]
    # the public view of the unit lacks what hangs off the unreadable file: it says nothing
    assert texts(result.public) == []


def test_a_unit_made_internal_leaves_the_public_edition(tmp_path):
    base = snapshot(tmp_path, "a")
    head = snapshot(tmp_path, "b", {"registry.yml": ("    kind: government\n    rollout:\n      - {stage: modelling",
                                                     "    kind: government\n    internal: true\n    rollout:\n      - {stage: modelling")})
    result = compare(base, head, LATER)
    assert texts(result.full, "mini-bureau") == [("仅内部可见：否 → 是", True)]
    assert texts(result.public, "mini-bureau") == [
        ("删除单位 mini-bureau「小城教育局」（0 个战略目标、0 个指标、0 个考核量表、0 期考核结果）", False)]


def test_a_unit_taking_its_own_rules(tmp_path):
    base = snapshot(tmp_path, "a")
    city = (MINI / "scorecards" / "city.yml").read_text(encoding="utf-8")
    rules = city[city.index("rules:\n") + len("rules:\n"):city.index("settings:")]
    own = "\n".join(line[2:] for line in rules.splitlines()).replace("min: 90", "min: 85")
    head = snapshot(tmp_path, "b", {f"{U}/rules.yml": own})
    result = compare(base, head, LATER)
    assert texts(result.full) == [
        ("考核办法的考核办法来源：全市默认考核办法 → 本单位考核办法", False),
        ("等次 excellent「优秀」的最低分：90 → 85", False)]
    assert all(c.severity == "notice" for c in result.full.group("mini-town").changes)


def test_removing_a_closed_periods_results_is_a_warning(tmp_path):
    base = snapshot(tmp_path, "a")
    head = snapshot(tmp_path, "b", {f"{U}/results/2008.yml": None})
    result = compare(base, head, LATER)
    change = result.full.group("mini-town").changes[0]
    assert (sentence(change), change.severity) == ("删除2008年度考核结果（5 项实际值）", "warning")


def test_person_level_changes_are_internal(tmp_path):
    base = snapshot(tmp_path, "a")
    head = snapshot(tmp_path, "b", {
        f"{U}/results/2008.yml": ("actuals: {PM-1: 9}", "actuals: {PM-1: 8}"),
        f"{U}/people/p-zhang.yml": ("title: 乡长", "title: 乡党委副书记、乡长")})
    result = compare(base, head, LATER)
    assert texts(result.full) == [
        ("人员 p-zhang「张卯辰」的职务：乡长 → 乡党委副书记、乡长", True),
        ("改写已结束考核期的结果：2008年度，指标 PM-1「张卯辰的个人指标」的实际值：9 → 8", True)]
    assert result.public.group("mini-town") is None


def test_an_owner_moved_to_an_internal_post(tmp_path):
    """The public edition says the owner is gone (it may not name the post); the internal one
    names it, and marks the change public because the public edition mentions it too."""
    base = snapshot(tmp_path, "a")
    head = snapshot(tmp_path, "b", {f"{U}/measures.yml": ("    targets: {2008: 3, 2009: 4}\n    owner: head",
                                                         "    targets: {2008: 3, 2009: 4}\n    owner: secret-post")})
    result = compare(base, head, LATER)
    assert texts(result.full) == [("指标 M-P1-1「特色产业项目数」的责任人（岗位或部门）：乡长 → 机密岗位寅", False)]
    assert texts(result.public) == [("指标 M-P1-1「特色产业项目数」的责任人（岗位或部门）：乡长 → —", False)]


def test_no_city_at_the_base_means_everything_is_new(tmp_path):
    head = snapshot(tmp_path, "b")
    result = compare(Snapshot(None), head, LATER)
    assert [g.unit for g in result.full.groups] == [None, "mini-town", "mini-bureau", "secret-unit"]
    assert [g.unit for g in result.public.groups] == [None, "mini-town", "mini-bureau"]
    assert all(c.internal for c in result.full.group("secret-unit").changes)


@pytest.mark.parametrize("old, new, expect", [
    ("短的说明", "改过的说明", ("短的说明", "改过的说明")),
    ("甲" * 30 + "原来的这一句话" + "乙" * 30, "甲" * 30 + "改写后的这一句话" + "乙" * 30,
     ("…甲甲甲甲甲甲甲甲原来的这一句话乙乙乙…", "…甲甲甲甲甲甲甲甲改写后的这一句话乙乙乙…")),
])
def test_long_texts_show_the_part_that_changed(old, new, expect):
    assert around_change(old, new) == expect
