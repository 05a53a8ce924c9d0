"""Atomic, locked output (generator/site/publish.py): a build that is killed at any point, or
fails, leaves the previous site byte for byte; the next build succeeds; two builds into one
output folder do not run at once.

The kills are real: `bscportal build` runs in a subprocess and gets SIGKILL when the file
system shows it has reached a given point (staging done, MkDocs halfway through writing pages,
MkDocs done). Mini site, public edition only, to stay fast.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Callable

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.site import mkdocs_config, publish
from generator.site.build import BuildError, build_editions
from generator.site.publish import OutputLock, new_dir, old_dir
from tests.conftest import MINI_SITE

OLD_NAME, NEW_NAME = "小河朝鲜族乡", "大河朝鲜族乡"
#: MkDocs stamps the sitemap (and its gzip header) with the build time unless this is set
EPOCH = "1700000000"


def tree_hash(folder: Path) -> dict[str, str]:
    """Every file under `folder` (relative path → sha256)."""
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() or p.is_symlink()}


class Workspace:
    """A copy of the mini site in `root`/src, built into root/out with the portal's working folder
    (root/src/.bscportal)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        shutil.copytree(MINI_SITE, root / "src")
        self.registry = root / "src" / "scorecards" / "registry.yml"
        self.out = root / "out"
        self.site = self.out / "public"
        self.env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": EPOCH}

    def set_name(self, name: str) -> None:
        text = self.registry.read_text(encoding="utf-8")
        other = OLD_NAME if name == NEW_NAME else NEW_NAME
        self.registry.write_text(text.replace(f"name: {other}", f"name: {name}"), encoding="utf-8")

    def args(self) -> list[str]:
        return ["build", "--edition", "public", "--out", str(self.out),
                "--path", str(self.root / "src" / "scorecards"), "--content", str(self.root / "src" / "content")]

    def build(self) -> dict[str, str]:
        """A complete build in a subprocess; returns the hashes of the published site."""
        done = subprocess.run([sys.executable, "-c", "from generator.cli import main; main()", *self.args()],
                              cwd=self.root, env=self.env, capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stdout + done.stderr
        assert sorted(p.name for p in self.out.iterdir()) == [".bscportal.lock", "public"]   # nothing left over
        return tree_hash(self.site)

    def start(self) -> subprocess.Popen[str]:
        return subprocess.Popen([sys.executable, "-c", "from generator.cli import main; main()", *self.args()],
                                cwd=self.root, env=self.env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                text=True)

    def kill_when(self, reached: Callable[[], bool], may_finish: bool = False) -> str:
        """Start a build, SIGKILL it as soon as `reached()`; returns what the temporary folder
        held at that moment ("finished" if `may_finish` and the build ended first)."""
        proc = self.start()
        deadline = time.monotonic() + 120
        try:
            while not reached():
                if proc.poll() is not None:
                    output = proc.stdout.read() if proc.stdout else ""
                    if may_finish and proc.returncode == 0:
                        return "finished"
                    pytest.fail(f"the build ended before the kill point: {output}")
                assert time.monotonic() < deadline, "kill point not reached"
                time.sleep(0.002)
            proc.send_signal(signal.SIGKILL)
            new = new_dir(self.site)
            seen = sum(1 for _ in new.rglob("*.html")) if new.is_dir() else 0
            proc.wait(timeout=30)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
            if proc.stdout:
                proc.stdout.close()
        assert proc.returncode == -signal.SIGKILL
        return f"{seen} pages written"

    # kill points, as the file system shows them (MkDocs writes the theme's files and the
    # sitemap, then the pages, then the search index)
    def staged(self, name: str) -> Callable[[], bool]:
        page = self.root / "src" / ".bscportal" / "stage" / "public" / "docs" / "units" / "mini-town" / "index.md"

        def reached() -> bool:
            try:
                return name in page.read_text(encoding="utf-8")
            except (FileNotFoundError, UnicodeDecodeError):
                return False
        return reached

    def pages_written(self) -> bool:
        new = new_dir(self.site)
        return (new / "units" / "index.html").is_file() and not (new / "search" / "search_index.json").exists()

    def mkdocs_done(self) -> bool:
        return (new_dir(self.site) / "search" / "search_index.json").is_file()


def test_a_killed_build_leaves_the_previous_site_intact(tmp_path: Path) -> None:
    ws = Workspace(tmp_path)
    ws.set_name(OLD_NAME)
    old = ws.build()
    assert any(OLD_NAME in (ws.site / p).read_text(encoding="utf-8") for p in old if p.endswith(".html"))

    # 1. killed before MkDocs writes (staging of the new data has begun)
    ws.set_name(NEW_NAME)
    held = ws.kill_when(ws.staged(NEW_NAME))
    print("before:", held)
    assert tree_hash(ws.site) == old, held
    new = ws.build()                                   # the next build succeeds
    assert new != old and "units/mini-town/index.html" in new

    # 2. killed while MkDocs writes pages into the temporary folder
    ws.set_name(OLD_NAME)
    held = ws.kill_when(ws.pages_written)
    print("during:", held)
    assert held != "0 pages written"                   # MkDocs was halfway: some pages, no sitemap
    assert tree_hash(ws.site) == new, held
    assert ws.build() == old                           # and the build after it is complete

    # 3. killed after MkDocs has written everything (around the swap): one site or the other, whole
    ws.set_name(NEW_NAME)
    held = ws.kill_when(ws.mkdocs_done, may_finish=True)
    print("after:", held, tree_hash(ws.site) == new)
    assert tree_hash(ws.site) in (old, new), held
    assert ws.build() == new


def test_a_failed_build_leaves_the_previous_site_intact(tmp_path: Path) -> None:
    theme = tmp_path / "theme"
    shutil.copytree(mkdocs_config.THEME_DIR, theme)
    kw = dict(stage_root=tmp_path / "stage", cache_root=None)
    build_editions(MINI_SITE / "scorecards", MINI_SITE / "content", tmp_path / "out", ("public",),
                   theme_dir=theme, **kw)   # type: ignore[arg-type]
    site = tmp_path / "out" / "public"
    before = tree_hash(site)
    (theme / "main.html").write_text('{% extends "base.html" %}\n{% block content %}{{ page.content \n',
                                     encoding="utf-8")
    with pytest.raises(BuildError, match="主题模板"):
        build_editions(MINI_SITE / "scorecards", MINI_SITE / "content", tmp_path / "out", ("public",),
                       theme_dir=theme, **kw)   # type: ignore[arg-type]
    assert tree_hash(site) == before
    assert not new_dir(site).exists() and not old_dir(site).exists()


def test_a_second_build_into_the_same_folder_stops_with_a_message(tmp_path: Path) -> None:
    """While a build holds the output folder's lock, another build of it stops at once with a
    message and touches nothing. (The lock is taken here as the running build takes it: a real
    first build of the mini site can finish before the second one has checked the data.)"""
    ws = Workspace(tmp_path)
    before = ws.build()
    with OutputLock(ws.out, "写入"):
        result = CliRunner().invoke(main, ws.args())
    assert result.exit_code == 1, result.output
    assert "另一个构建正在写入" in result.output and str(ws.out) in result.output
    assert "Traceback" not in result.output
    assert tree_hash(ws.site) == before
    assert not new_dir(ws.site).exists()


def test_the_lock_is_per_folder_and_released(tmp_path: Path) -> None:
    with OutputLock(tmp_path / "a"):
        with pytest.raises(BuildError, match="另一个构建正在写入 .*a"):
            with OutputLock(tmp_path / "a"):
                pass
        with OutputLock(tmp_path / "b"):              # another folder: no conflict
            pass
    with OutputLock(tmp_path / "a"):                  # released on exit
        pass


def test_the_staging_folder_is_locked_too(tmp_path: Path) -> None:
    with OutputLock(tmp_path / "stage", "使用暂存文件夹"):
        with pytest.raises(BuildError, match="另一个构建正在使用暂存文件夹"):
            build_editions(MINI_SITE / "scorecards", MINI_SITE / "content", tmp_path / "out", ("public",),
                           stage_root=tmp_path / "stage", cache_root=None)
    assert not (tmp_path / "out" / "public").exists()


# -- publish() itself -----------------------------------------------------------------------------


def _site(folder: Path, text: str) -> None:
    (folder / "sub").mkdir(parents=True)
    (folder / "index.html").write_text(text, encoding="utf-8")
    (folder / "sub" / "page.html").write_text(text * 2, encoding="utf-8")


def test_publish_swaps_in_one_step_and_deletes_the_old_site(tmp_path: Path) -> None:
    target = tmp_path / "public"
    publish.publish(target, lambda new: _site(new, "v1"))
    publish.publish(target, lambda new: _site(new, "v2"))
    assert (target / "index.html").read_text(encoding="utf-8") == "v2"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["public"]
    if publish._RENAMEAT2 is not None:                # Linux: exchanged, never missing
        assert publish.last_swap_window == 0.0


def test_publish_fallback_swap_window(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without `renameat2`, two renames: the target is missing for microseconds only."""
    monkeypatch.setattr(publish, "exchange", lambda a, b: False)
    target = tmp_path / "public"
    windows = []
    for i in range(20):
        publish.publish(target, lambda new: _site(new, f"v{i}"))
        windows.append(publish.last_swap_window)
    assert (target / "index.html").read_text(encoding="utf-8") == "v19"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["public"]
    assert max(windows[1:]) < 0.05, windows


def test_publish_failure_keeps_the_target(tmp_path: Path) -> None:
    target = tmp_path / "public"
    publish.publish(target, lambda new: _site(new, "v1"))
    before = tree_hash(target)

    def broken(new: Path) -> None:
        _site(new, "half")
        raise BuildError("坏了")

    with pytest.raises(BuildError):
        publish.publish(target, broken)
    with pytest.raises(BuildError, match="没有生成"):
        publish.publish(target, lambda new: None)    # wrote nothing: the old site stays
    assert tree_hash(target) == before and sorted(p.name for p in tmp_path.iterdir()) == ["public"]


def test_leftovers_of_a_killed_build_are_cleaned_up(tmp_path: Path) -> None:
    target = tmp_path / "public"
    publish.publish(target, lambda new: _site(new, "v1"))
    _site(new_dir(target), "half-built")              # killed while MkDocs wrote
    _site(old_dir(target), "old, not yet deleted")    # killed after a fallback swap
    publish.publish(target, lambda new: _site(new, "v2"))
    assert (target / "index.html").read_text(encoding="utf-8") == "v2"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["public"]


def test_a_kill_between_the_fallback_renames_is_undone(tmp_path: Path) -> None:
    """Target moved aside, the new site not yet moved in: the next build puts the previous site
    back before anything else, so a build that then fails still leaves it in place."""
    target = tmp_path / "public"
    publish.publish(target, lambda new: _site(new, "v1"))
    before = tree_hash(target)
    os.rename(target, old_dir(target))
    _site(new_dir(target), "complete but not moved in")
    publish.recover(target)
    assert tree_hash(target) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["public"]


def test_a_file_system_error_is_a_message_and_keeps_the_target(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """E.g. the target is a mount point (rename across file systems: EXDEV)."""
    import errno

    target = tmp_path / "public"
    publish.publish(target, lambda new: _site(new, "v1"))
    before = tree_hash(target)

    def cross_device(a: Path, b: Path) -> bool:
        raise OSError(errno.EXDEV, os.strerror(errno.EXDEV), str(a))

    monkeypatch.setattr(publish, "exchange", cross_device)
    with pytest.raises(BuildError, match="未能把新生成的网站放到 .*原来的网站没有改动"):
        publish.publish(target, lambda new: _site(new, "v2"))
    assert tree_hash(target) == before and sorted(p.name for p in tmp_path.iterdir()) == ["public"]
