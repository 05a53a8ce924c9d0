"""Files stay inside their tree: a symbolic link out of `scorecards/` or `content/` is refused.

Anyone can open a pull request, and a link such as `content/pages/x.md -> /etc/passwd` or
`scorecards/units/a -> ../../elsewhere` would otherwise be read and published. Every file and
folder is resolved (links followed) and must still lie inside the resolved root of its tree;
anything else is reported (BSC007) with its path and never read.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Callable

from ..i18n import tr
from ..problems import Mark, Problem

CODE = "BSC007"


class Tree:
    """One root (`scorecards/` or `content/`) and how its paths are shown in messages."""

    def __init__(self, root: Path, shown: str) -> None:
        self.root = root
        self.shown = shown
        try:
            self.real = root.resolve()
        except (OSError, RuntimeError):
            self.real = root.absolute()
        self._folders: dict[str, str | None] = {}
        self._top = str(self.real)
        self._top_prefix = self._top.rstrip(os.sep) + os.sep

    def inside(self, path: Path) -> bool:
        """True when `path`, links resolved, lies in the tree (a link loop does not)."""
        real = self._real(str(path))
        if real is None:
            return False
        return real == self._top or real.startswith(self._top_prefix)

    def _real(self, path: str) -> str | None:
        """`path` with every link resolved (None: a loop): a file that is not a link lies where
        its folder, resolved once per folder, does."""
        folder, name = os.path.split(path)
        if name not in ("", ".", "..") and not os.path.islink(path):
            parent = self._real_folder(folder)
            return os.path.join(parent, name) if parent is not None else None
        return self._real_folder(path)

    def _real_folder(self, folder: str) -> str | None:
        if folder not in self._folders:   # one check reads the tree as it is now: kept for it only
            try:
                self._folders[folder] = str(Path(folder).resolve())
            except (OSError, RuntimeError):
                self._folders[folder] = None
        return self._folders[folder]

    def refusal(self, path: Path, display: str) -> Problem:
        if path.is_dir():
            message = tr("`{path}` 是指向 {tree} 文件夹之外的链接（或链接循环），已拒绝读取："
                         "请把文件夹本身放进 {tree} 文件夹，不要用符号链接指向别处",
                         path=display, tree=self.shown)
        else:
            message = tr("`{path}` 是指向 {tree} 文件夹之外的链接（或链接循环），已拒绝读取："
                         "请把文件本身放进 {tree} 文件夹，不要用符号链接指向别处",
                         path=display, tree=self.shown)
        return Mark(display).problem(CODE, message)

    def loop(self, path: Path) -> bool:
        """True for a link to a folder that contains the link (walking it never ends)."""
        try:
            real, parent = path.resolve(), path.parent.resolve()
        except (OSError, RuntimeError):
            return True
        return path.is_dir() and (real == parent or real in parent.parents)

    def outside_links(self, display: Callable[[Path], str]) -> list[tuple[Path, Problem]]:
        """Every link in the tree (links are not followed) that leads out of it or loops."""
        problems: list[tuple[Path, Problem]] = []
        for base, dirs, files in os.walk(self.root, followlinks=False):
            for name in sorted(dirs + files):
                path = Path(base) / name
                if path.is_symlink() and (not self.inside(path) or self.loop(path)):
                    problems.append((path, self.refusal(path, display(path))))
        return problems

    def files(self, folder: Path) -> list[Path]:
        """Files under `folder` that stay in the tree (links to folders are not followed)."""
        out: list[Path] = []
        for base, dirs, files in os.walk(folder, followlinks=False):
            dirs.sort()
            out += [Path(base) / name for name in sorted(files)]
        return [p for p in out if p.is_file() and self.inside(p)]
