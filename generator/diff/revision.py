"""A city as it was at a git revision (or as it is in the working tree), loaded with the
project's own loader.

The files are copied out of git into a temporary folder (`git ls-tree` lists them, one
`git cat-file --batch` reads them) and loaded there; only regular files are copied (a symbolic
link in history is never followed). Only the city files and the units asked for are copied:
comparing two revisions needs the units whose files changed, not all 71.
"""
from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from ..load.tree import load_city
from .compare import Snapshot
from ..i18n import tr
from .text import WORKTREE

CITY_FILES = ("city.yml", "registry.yml", "glossary.yml")
#: git's modes of a regular file
_FILE_MODES = (b"100644", b"100755")


class RevisionError(Exception):
    """Git cannot give what was asked (no repository, unknown revision); the message says why."""


@dataclass(frozen=True)
class Repo:
    """A git checkout and the scorecards folder inside it."""

    root: Path
    #: the scorecards folder relative to `root` (POSIX, "." for the root itself)
    folder: str

    @classmethod
    def find(cls, scorecards: Path) -> "Repo | None":
        """The checkout holding `scorecards`, or None (no git, or not in a checkout)."""
        try:
            top = _run(["git", "-C", str(scorecards), "rev-parse", "--show-toplevel"]).strip()
        except RevisionError:
            return None
        if not top:
            return None
        root = Path(top).resolve()
        try:
            folder = scorecards.resolve().relative_to(root).as_posix()
        except ValueError:
            return None
        return cls(root, folder or ".")

    def git(self, *args: str, data: bytes | None = None) -> bytes:
        return _run_bytes(["git", "-C", str(self.root), "-c", "core.quotepath=off", *args], data)

    def path(self, rel: str) -> str:
        """A path inside the scorecards folder as a path inside the repository."""
        return rel if self.folder == "." else f"{self.folder}/{rel}"

    def inside(self, repo_path: str) -> str | None:
        """A repository path relative to the scorecards folder, or None when outside it."""
        if self.folder == ".":
            return repo_path
        prefix = self.folder + "/"
        return repo_path[len(prefix):] if repo_path.startswith(prefix) else None

    # -- revisions --------------------------------------------------------------------------
    def resolve(self, rev: str) -> str:
        """The full commit id of `rev`; `RevisionError` when there is no such commit."""
        if rev.startswith("-"):
            raise RevisionError(tr("版本名不能以 - 开头：{rev}", rev=rev))
        try:
            return self.git("rev-parse", "--verify", "--quiet", rev + "^{commit}").decode().strip()
        except RevisionError:
            raise RevisionError(tr("git 仓库里找不到版本 `{rev}`：请写提交号、分支名或标签名"
                                   "（浅克隆时可能需要先 git fetch 取回更早的提交）", rev=rev)) from None

    def date(self, sha: str) -> dt.date:
        """The day commit `sha` was committed."""
        return dt.date.fromisoformat(self.git("show", "-s", "--format=%cs", sha).decode().strip())

    def short(self, sha: str) -> str:
        return sha[:7]

    def changed(self, base: str, head: str | None) -> list[str]:
        """Files changed between two commits (or `base` and the working tree), relative to the
        scorecards folder, both sides of a rename included."""
        args = ["diff", "--name-only", "--no-renames", "-z", base] + ([head] if head else [])
        names = self.git(*args, "--", self.folder).split(b"\0")
        if head is None:
            names += self.git("ls-files", "--others", "--exclude-standard", "-z", "--",
                              self.folder).split(b"\0")
        out = []
        for n in names:
            rel = self.inside(n.decode("utf-8", "replace")) if n else None
            if rel is not None and rel not in out:
                out.append(rel)
        return out

    def changed_lines(self, base: str) -> dict[str, frozenset[int] | None]:
        """Lines of the working tree changed since commit `base`, by repository path (the whole
        checkout: scorecards and articles): the new side's line numbers of each hunk, or None
        for a file that is new (every line)."""
        out: dict[str, frozenset[int] | None] = {}
        key: str | None = None
        for raw in self.git("diff", "-U0", "--no-renames", "--no-color", base
                            ).decode("utf-8", "replace").splitlines():
            if raw.startswith("+++ "):
                key = raw[6:] if raw.startswith("+++ b/") else None
                if key is not None:
                    out.setdefault(key, frozenset())
            elif raw.startswith("@@") and key is not None:
                start, _, count = raw.split(" ")[2][1:].partition(",")   # +start[,count]
                lines = range(int(start), int(start) + (int(count) if count else 1))
                out[key] = (out[key] or frozenset()) | frozenset(lines)
        added = (self.git("diff", "--name-only", "--diff-filter=A", "--no-renames", "-z", base)
                 + b"\0" + self.git("ls-files", "--others", "--exclude-standard", "-z"))
        for name in added.decode("utf-8", "replace").split("\0"):
            if name:
                out[name] = None
        return out

    def repo_path(self, shown: str) -> str | None:
        """A path as `check` prints it (relative to the working directory) inside the repository."""
        try:
            return Path(shown).resolve().relative_to(self.root).as_posix()
        except (ValueError, OSError):
            return None

    # -- loading ----------------------------------------------------------------------------
    def snapshot(self, rev: str | None, units: Iterable[str] | None, label: str = "") -> Snapshot:
        """The city at commit `rev` (None: the working tree) with the given units' folders
        (None: every unit)."""
        wanted = [*CITY_FILES, *(f"units/{u}" for u in units)] if units is not None else [
            *CITY_FILES, "units"]
        with tempfile.TemporaryDirectory(prefix="bscportal-rev-") as tmp:
            root = Path(tmp)
            if rev is None:
                self._copy_worktree(wanted, root)
            else:
                self._copy_commit(rev, wanted, root)
            if not (root / "city.yml").is_file():
                return Snapshot(None, frozenset(), label or _label(self, rev))
            loaded = load_city(root)
            unreadable = set()
            for p in loaded.problems:
                if p.is_error:
                    rel = _relative(p.path, root)
                    if rel is not None:
                        unreadable.add(rel)
            city = loaded.city
            if city is None:
                unreadable.add("city.yml")
            return Snapshot(city, frozenset(unreadable), label or _label(self, rev))

    def _copy_commit(self, rev: str, wanted: list[str], root: Path) -> None:
        listing = self.git("ls-tree", "-r", "-z", "--full-tree", rev, "--",
                           *(self.path(w) for w in wanted))
        entries: list[tuple[str, str]] = []
        for record in listing.split(b"\0"):
            if not record:
                continue
            meta, _, name = record.partition(b"\t")
            mode, kind, sha = meta.split(b" ")
            rel = self.inside(name.decode("utf-8", "replace"))
            if kind == b"blob" and mode in _FILE_MODES and rel is not None and ".." not in rel.split("/"):
                entries.append((sha.decode(), rel))
        if not entries:
            return
        out = self.git("cat-file", "--batch", data="".join(f"{sha}\n" for sha, _ in entries).encode())
        pos = 0
        for _, rel in entries:
            header_end = out.index(b"\n", pos)
            size = int(out[pos:header_end].split(b" ")[2])
            start = header_end + 1
            target = root / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(out[start:start + size])
            pos = start + size + 1

    def _copy_worktree(self, wanted: list[str], root: Path) -> None:
        base = self.root / self.folder
        for w in wanted:
            src = base / w
            if src.is_symlink():
                continue
            if src.is_file():
                (root / w).parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(src, root / w)
            elif src.is_dir():
                for folder, dirs, files in os.walk(src, followlinks=False):
                    for f in files:
                        path = Path(folder) / f
                        if path.is_symlink() or not path.is_file():
                            continue
                        target = root / path.relative_to(base)
                        target.parent.mkdir(parents=True, exist_ok=True)
                        shutil.copyfile(path, target)


def changed_units(paths: Iterable[str]) -> list[str] | None:
    """The units whose folders changed (paths relative to the scorecards folder), or None (all
    units) when the registry changed: a registry entry can hide or show a whole unit."""
    units: set[str] = set()
    for p in paths:
        if p == "registry.yml":
            return None
        parts = p.split("/")
        if len(parts) > 2 and parts[0] == "units":
            units.add(parts[1])
    return sorted(units)


def _label(repo: Repo, rev: str | None) -> str:
    return tr(WORKTREE) if rev is None else repo.short(rev)


def _relative(shown: str, root: Path) -> str | None:
    try:
        return Path(shown).resolve().relative_to(root.resolve()).as_posix()
    except (ValueError, OSError):
        return None


def _run_bytes(cmd: list[str], data: bytes | None = None) -> bytes:
    try:
        done = subprocess.run(cmd, input=data, capture_output=True, timeout=300)
    except FileNotFoundError:
        raise RevisionError(tr("找不到 git 命令：请先安装 git")) from None
    except (OSError, subprocess.SubprocessError) as exc:
        raise RevisionError(tr("git 运行失败：{error}", error=exc)) from None
    if done.returncode != 0:
        said = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise RevisionError(tr("git {command} 失败：{error}", command=cmd[cmd.index("-c") + 2] if "-c" in cmd else "",
                               error=said[-1] if said else done.returncode))
    return done.stdout


def _run(cmd: list[str]) -> str:
    return _run_bytes(cmd).decode("utf-8", "replace")
