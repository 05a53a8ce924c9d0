"""Incremental builds give the same bytes as complete builds (issue 13).

A series of edits is applied to a copy of the mini site, in a git repository (each edit is
committed, so "last updated" dates and the revision history change too): change a target, add
a measure, add a unit, delete a unit, change a theme file, change settings in city.yml, add an
article. After each, the same output folder is built again with its staging and cache folders
kept (the incremental build), and a fresh folder is built with no cache at all (the complete
build); every file of both editions — pages, search index, sitemap, downloads, maps, theme
assets — must be byte for byte the same. One edit of the example (a target, as the benchmark
makes it) checks the same on a city of realistic size. `SOURCE_DATE_EPOCH` fixes the sitemap's
dates for both builds.
"""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from generator.site import mkdocs_config
from generator.site.build import build_editions
from generator.site.editions import EditionReport
from tests.conftest import MINI_SITE, ROOT

EPOCH = "1700000000"
EDITIONS = ("public", "internal")
GIT_ENV = {"GIT_AUTHOR_NAME": "测试", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "测试",
           "GIT_COMMITTER_EMAIL": "t@example.org"}


def files(folder: Path) -> dict[str, bytes]:
    """Every file under `folder`: relative path → bytes."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def differences(a: Path, b: Path) -> list[str]:
    out = []
    for edition in EDITIONS:
        fa, fb = files(a / edition), files(b / edition)
        for rel in sorted(set(fa) | set(fb)):
            if fa.get(rel) != fb.get(rel):
                out.append(f"{edition}/{rel}: " + ("only in the incremental build" if rel not in fb else
                                                   "only in the complete build" if rel not in fa else "differs"))
    return out


class Series:
    """A copy of a city (scorecards, content, theme) built again and again into one folder."""

    def __init__(self, root: Path, source: Path, git: bool) -> None:
        self.root = root
        self.src = root / "src"
        shutil.copytree(source / "scorecards", self.src / "scorecards")
        shutil.copytree(source / "content", self.src / "content")
        self.theme = root / "theme"
        shutil.copytree(mkdocs_config.THEME_DIR, self.theme)
        self.inc = root / "inc"
        self.cleans = 0
        self.git = git
        if git:
            self._git("init", "-q", "-b", "main")
            self.commit("开始")

    @property
    def scorecards(self) -> Path:
        return self.src / "scorecards"

    def _git(self, *args: str) -> None:
        subprocess.run(["git", "-C", str(self.src), *args], check=True, capture_output=True,
                       env={**os.environ, **GIT_ENV})

    def commit(self, message: str) -> None:
        if self.git:
            self._git("add", "-A")
            self._git("commit", "-q", "--allow-empty", "-m", message)

    def _build(self, out: Path, cache: Path | None) -> list[EditionReport]:
        _, reports = build_editions(self.scorecards, self.src / "content", out / "site", EDITIONS,
                                    stage_root=out / "stage", cache_root=cache, theme_dir=self.theme)
        return reports

    def incremental(self) -> dict[str, EditionReport]:
        return {r.edition: r for r in self._build(self.inc, self.inc / "cache")}

    def check(self, message: str) -> dict[str, EditionReport]:
        """Commit the edit, build incrementally and completely, compare every file."""
        self.commit(message)
        reports = self.incremental()
        self.cleans += 1
        clean = self.root / f"clean-{self.cleans}"
        self._build(clean, None)
        diff = differences(self.inc / "site", clean / "site")
        assert not diff, f"after “{message}”: " + "; ".join(diff[:20])
        shutil.rmtree(clean)
        return reports

    def edit(self, rel: str, old: str, new: str) -> None:
        path = self.src / rel
        text = path.read_text(encoding="utf-8")
        assert old in text, (rel, old)
        path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture(autouse=True)
def _fixed_date(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)


def test_a_series_of_edits_builds_the_same_bytes_as_complete_builds(tmp_path: Path) -> None:
    s = Series(tmp_path, MINI_SITE, git=False)
    # a hand-written page linking to an article written later: its link changes when it appears
    (s.src / "content" / "pages").mkdir()
    (s.src / "content" / "pages" / "about.md").write_text(
        "---\ntitle: 关于本站\n---\n\n# 关于本站\n\n见[水务局的经验](articles/2009-river-bureau.md)。\n",
        encoding="utf-8")
    s.git = True
    s._git("init", "-q", "-b", "main")
    s.commit("开始")
    first = s.incremental()
    assert {r.way for r in first.values()} == {"full"}

    again = s.incremental()                       # nothing changed: nothing rendered or built
    assert {r.way for r in again.values()} == {"unchanged"}

    town = "scorecards/units/mini-town"
    s.edit(f"{town}/measures.yml", "targets: {2008: 4500, 2009: 5000}", "targets: {2008: 4500, 2009: 5200}")
    done = s.check("改目标值")
    assert {r.way for r in done.values()} == {"incremental"}
    assert all(0 < r.pages_built < r.pages for r in done.values()), done

    s.edit(f"{town}/measures.yml", "  - id: M-P1-1\n",
           "  - id: M-P1-2\n    objective: P1\n    name: 乡村旅游接待人次\n    type: driver\n    unit: 人次\n"
           "    targets: {2008: 1000, 2009: 1500}\n    owner: head\n  - id: M-P1-1\n")
    s.check("加指标")

    registry = s.scorecards / "registry.yml"
    registry.write_text(registry.read_text(encoding="utf-8") + (
        "  - id: river-bureau\n    name: 小城水务局\n    kind: government\n    rollout:\n"
        "      - {stage: pilot, since: 2009-03-01}\n"), encoding="utf-8")
    (s.scorecards / "units" / "river-bureau").mkdir()
    (s.scorecards / "units" / "river-bureau" / "unit.yml").write_text(
        "id: river-bureau\nmission: 保障城乡供水安全。\nvision: 水清河畅。\n", encoding="utf-8")
    s.check("加单位")

    s.edit("scorecards/registry.yml", "  - id: mini-bureau\n    name: 小城教育局\n    kind: government\n"
           "    rollout:\n      - {stage: modelling, since: 2007-06-01}\n", "")
    shutil.rmtree(s.scorecards / "units" / "mini-bureau")
    s.check("删单位")

    css = s.theme / "assets" / "stylesheets" / "bsc.css"
    css.write_text(css.read_text(encoding="utf-8") + "\n.bsc-test { color: #123456; }\n", encoding="utf-8")
    assert {r.way for r in s.check("改主题").values()} == {"full"}

    s.edit("scorecards/city.yml", "  repo_url: https://git.example.org/mini/bsc",
           "  repo_url: https://git.example.org/mini/portal\n  publish_ranking: false")
    s.check("改设置")

    article = s.src / "content" / "articles" / "2009-river-bureau.md"
    article.write_text("---\ntitle: 水务局建立计分卡的第一步\nunit: river-bureau\nauthor: 小城水务局\n"
                       "date: 2009-04-02\ntags: [战略地图]\nsummary: 从使命说起。\n---\n\n"
                       "我们先写使命和愿景，再画战略地图。\n\n## 先写使命\n\n使命要短。\n", encoding="utf-8")
    s.check("加文章")


def test_an_edit_of_the_example_builds_the_same_bytes(tmp_path: Path) -> None:
    from benchmarks.edit import apply, pick_edit

    s = Series(tmp_path, ROOT, git=False)
    s.incremental()
    edit = pick_edit(s.scorecards)
    apply(edit)
    done = s.check(f"{edit.measure} 的目标值改为 {edit.shown}")
    assert {r.way for r in done.values()} == {"incremental"}
    for r in done.values():
        assert (r.staged.units_rendered, r.staged.units_kept) == (1, 70), r.edition   # unitreuse
        assert edit.shown in (s.inc / "site" / r.edition / edit.page).read_text(encoding="utf-8")
