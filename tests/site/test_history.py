"""Revision history pages (修订记录 per unit, 最近更新) built from a temporary git repository:
the public edition lists only public changes, leaves out commits that only touched internal
material, hides a subject that names something internal, forgets what has become internal
since, and the leak scan finds nothing; without git or in a shallow clone the pages say so."""
from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from generator.check import check_tree
from generator.site import history as hist
from generator.site.build import build_editions

from ..diff.gitrepo import EDITS, MINI, U, git, make_repo
from .leaks import needles, readable, scan

#: a commit touching public and internal material whose subject names a person
MIXED = ("mixed", "张卯辰在机密岗位寅的工作量占三成，同时提高群众满意率目标", {
    f"{U}/people/p-zhang.yml": ("  - post: head\n  - post: secret-post\n",
                                "  - post: head\n    share: 0.7\n  - post: secret-post\n    share: 0.3\n"),
    f"{U}/measures.yml": ("targets: {2008: 85, 2009: 90, 2010: 92}", "targets: {2008: 85, 2009: 90, 2010: 93}"),
})
#: an objective that was public and becomes internal: its old public changes must go
HIDE = ("hide", "游客满意度目标转为内部", {
    f"{U}/map.yml": ("    name: 游客满意度提高\n", "    name: 游客满意度提高\n    internal: true\n"),
})
#: subjects of commits that only touched internal material, and the hidden subject
SECRET_SUBJECTS = {"修改内部指标口径", "张卯辰兼任机密岗位寅", MIXED[1]}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("history")
    repo = make_repo(tmp / "repo", [*EDITS, MIXED, HIDE])
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    prep, _ = build_editions(repo.scorecards, repo.root / "content", tmp / "site", ("public", "internal"),
                             stage_root=tmp / "stage", cache_root=tmp / "cache")
    return repo, prep, tmp


def _page(tmp, edition, rel):
    return (tmp / "stage" / edition / "docs" / rel).read_text(encoding="utf-8")


def test_unit_history_lists_each_commit_newest_first(built):
    repo, prep, tmp = built
    page = _page(tmp, "internal", "units/mini-town/history.md")
    dates = [line.split("　")[0][3:] for line in page.splitlines() if line.startswith("## ")]
    assert dates == sorted(dates, reverse=True) and len(dates) == 24   # base + 21 edits + 2
    assert "## 2010-01-29　更正2008年收入" in page
    assert '!!! warning "改写了已结束考核期的结果"' in page
    assert "改写已结束考核期的结果：2008年度，指标 M\\-S1\\-1「农民人均纯收入」的实际值：4600 → 4700" in page
    assert "**指标 M\\-S1\\-1「农民人均纯收入」的目标值（2009年度）：5000 → 5200**" in page
    assert '<span class="bsc-badge bsc-badge--internal">内部</span> 人员 p\\-zhang「张卯辰」移动' in page
    # the unit page links to its history
    assert "history.html" in _page(tmp, "public", "units/mini-town/index.md")


def test_public_history_names_nothing_internal(built):
    repo, prep, tmp = built
    page = _page(tmp, "public", "units/mini-town/history.md")
    assert "## 2010-01-29　更正2008年收入" in page
    for subject in SECRET_SUBJECTS:
        assert subject not in page
    assert "修改内部指标口径" not in page and "2010-01-30" not in page   # internal-only commit left out
    assert hist.HIDDEN_SUBJECT in page           # the mixed commit is listed, its subject is not
    assert "目标值（2010年度）：92 → 93" in page
    assert "游客满意度提高" not in page           # public once, internal now
    assert "机密" not in page and "张卯辰" not in page


def test_changes_page_lists_units_and_links_to_their_history(built):
    repo, prep, tmp = built
    page = _page(tmp, "public", "city/changes.md")
    assert "[小城市教育局](../units/mini-bureau/history.md#r-" in page
    assert "**全市**" in page and "等次 excellent「优秀」的最低分：90 → 88" in page
    assert "单位改名" in page
    for subject in SECRET_SUBJECTS:
        assert subject not in page


def test_leak_scan_covers_the_history_pages(built):
    """Every public file, history pages included, against the city's internal strings, the
    internal texts of earlier revisions and the subjects of internal commits."""
    repo, prep, tmp = built
    strings = needles(prep.city) | SECRET_SUBJECTS | {"内部口径说明庚新版", "游客满意度提高", "机密"}
    public = tmp / "site" / "public"
    assert (public / "units" / "mini-town" / "history.html").is_file()
    assert scan(public, strings) == {}
    assert scan(tmp / "stage" / "public", strings) == {}
    # the scanner sees them where they may be
    internal = readable(tmp / "site" / "internal" / "units" / "mini-town" / "history.html")
    assert "张卯辰" in internal and "内部口径说明庚新版" in internal


def test_without_git_the_pages_say_so(tmp_path):
    shutil.copytree(MINI / "scorecards", tmp_path / "scorecards")
    city = check_tree(tmp_path / "scorecards").city
    result = hist.histories(tmp_path / "scorecards", city)
    assert result["public"].revisions == () and result["public"].note == hist.NO_GIT


def test_a_shallow_clone_says_its_history_is_partial(built, tmp_path):
    repo, prep, _ = built
    subprocess.run(["git", "clone", "-q", "--depth", "3", f"file://{repo.root}", str(tmp_path / "c")],
                   check=True, capture_output=True)
    city = check_tree(tmp_path / "c" / "scorecards").city
    result = hist.histories(tmp_path / "c" / "scorecards", city)
    internal = result["internal"]
    assert internal.note == hist.SHALLOW
    # three commits fetched; the oldest has no parent here and is not compared
    assert [r.subject for r in internal.revisions] == [HIDE[1], MIXED[1]]


def test_cached_comparisons_are_reused(built, monkeypatch):
    repo, prep, tmp = built
    city = prep.city
    calls = []
    monkeypatch.setattr(hist, "_compare", lambda *a: calls.append(a) or pytest.fail("not cached"))
    again = hist.histories(repo.scorecards, city, tmp / "cache")
    assert again["internal"] == prep.history["internal"] and not calls


def test_a_root_commit_is_compared_with_nothing(tmp_path):
    shutil.copytree(MINI / "scorecards", tmp_path / "scorecards")
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-qm", "导入", date="2010-01-01T10:00:00")
    city = check_tree(tmp_path / "scorecards").city
    public = hist.histories(tmp_path / "scorecards", city)["public"]
    assert len(public.revisions) == 1
    units = [g.unit for g in public.revisions[0].changes.groups]
    assert units == [None, "mini-town", "mini-bureau"]      # the internal unit is not named


def test_without_git_every_unit_page_and_the_changes_page_say_so(tmp_path):
    from generator.diff.history import History
    from generator.render import render_edition

    shutil.copytree(MINI / "scorecards", tmp_path / "scorecards")
    city = check_tree(tmp_path / "scorecards").city
    history = hist.histories(tmp_path / "scorecards", city)["public"]
    _, files = render_edition(city, "public", history=history)
    unit_page = files["units/mini-town/index.md"].decode("utf-8")
    assert "暂无修订记录" in unit_page and hist.NO_GIT in unit_page     # the link's title says why
    assert "units/mini-town/history.md" not in files
    changes = files["city/changes.md"].decode("utf-8")
    assert hist.NO_GIT in changes and "暂无修订记录。" in changes
    assert History().of_unit("mini-town") == ()
