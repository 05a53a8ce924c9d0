"""Atomic, locked output: an edition's site folder is replaced whole, or not at all.

MkDocs empties its `site_dir` before it writes, so building straight into `site/public` means a
build that is killed or fails halfway leaves a site with most pages and the search index gone.
Instead, `publish(target, build)`:

1. takes nothing from the target: `build(tmp)` writes the new site into `.<name>.new`, a folder
   beside the target (same parent, so the same file system and a rename is possible);
2. when `build` has returned, swaps the two folders with one `renameat2(RENAME_EXCHANGE)` call
   (Linux ≥ 3.15 on ext4, btrfs, xfs, tmpfs, overlayfs …): there is no moment at which the target
   is missing or partly written. Where the exchange is not available (another system, a file
   system that refuses it) it falls back to two renames, target → `.<name>.old`, new → target:
   the target is missing only between those two calls (a few microseconds; see
   tests/site/test_atomic_output.py, which measures it);
3. deletes the previous site, now in `.<name>.new` (or `.<name>.old`).

If `build` raises, or the process is killed at any point before the swap, the target is not
touched. A folder left behind by a killed build is removed by the next one, before it builds;
if a build was killed in the fallback's two-rename window (target missing, `.<name>.old`
present), the next build first moves the previous site back.

Two builds into the same output folder at once would swap each other's half-written folders:
`OutputLock` takes an exclusive `flock` on a lock file in the output folder (`.bscportal.lock`),
and a second build stops at once with a message naming the folder. The kernel drops the lock
when the process ends, however it ends, so a killed build never leaves a stale lock.

Staging (`<portal>/.bscportal/stage/<edition>`) and the caches (`<portal>/.bscportal/cache`)
are not part of this: they are written file by file, only where bytes changed, and are kept
between builds. A later
incremental build can still run MkDocs over the previous output: seed `.<name>.new` from the
target (e.g. a hard-link copy) inside `build`, let MkDocs update it, and publish it the same way.
"""
from __future__ import annotations

import ctypes
import errno
import fcntl
import os
import shutil
import time
from pathlib import Path
from types import TracebackType
from typing import Callable, TypeVar

from ..i18n import N_, paren, tr
from .errors import BuildError

T = TypeVar("T")

LOCK_NAME = ".bscportal.lock"
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def new_dir(target: Path) -> Path:
    """Where the next site for `target` is built: `.<name>.new` beside it."""
    return target.parent / f".{target.name}.new"


def old_dir(target: Path) -> Path:
    """Where the fallback swap parks the previous site for a moment: `.<name>.old` beside it."""
    return target.parent / f".{target.name}.old"


class OutputLock:
    """An exclusive, non-blocking lock on an output (or staging) folder for one build.

    `with OutputLock(folder, N_("写入")):` raises `BuildError` when another process holds it."""

    def __init__(self, folder: Path, doing: str = N_("写入")) -> None:
        """`doing`: what the build does to `folder` (a message marked with `N_`, shown translated
        when another build holds the lock)."""
        self.folder = Path(folder)
        self.doing = doing
        self._fd: int | None = None

    @property
    def path(self) -> Path:
        return self.folder / LOCK_NAME

    def __enter__(self) -> "OutputLock":
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
        except OSError as exc:
            raise BuildError(tr("无法在 {folder} 建立构建锁文件：{reason}", folder=self.folder,
                                reason=exc.strerror or exc)) from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            os.close(fd)
            if exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                raise BuildError(tr("另一个构建正在{doing} {folder}：请等它结束后再试（锁文件 {lock}）",
                                    doing=tr(self.doing), folder=self.folder, lock=self.path)) from None
            raise BuildError(tr("无法锁定 {folder}：{reason}", folder=self.folder,
                                reason=exc.strerror or exc)) from None
        self._fd = fd
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self._fd is not None:
            os.close(self._fd)   # closing the descriptor releases the flock
            self._fd = None


def _libc_renameat2() -> Callable[..., int] | None:
    try:
        fn: Callable[..., int] = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):   # not glibc ≥ 2.28, or not Linux
        return None
    return fn


_RENAMEAT2 = _libc_renameat2()


def exchange(a: Path, b: Path) -> bool:
    """Swap the folders `a` and `b` in one step; False where the system cannot (then nothing
    moved). Other failures raise `OSError`."""
    if _RENAMEAT2 is None:
        return False
    if _RENAMEAT2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False
    raise OSError(err, os.strerror(err), str(a))


#: seconds the target was missing during the last fallback swap (0.0 after an exchange);
#: read by the tests and the benchmark
last_swap_window = 0.0


def swap_in(new: Path, target: Path) -> Path | None:
    """Put the complete site `new` at `target`; returns the folder now holding the previous site
    (to be deleted), or None when there was none."""
    global last_swap_window
    last_swap_window = 0.0
    if not target.exists():
        os.rename(new, target)
        return None
    if exchange(new, target):
        return new
    old = old_dir(target)
    started = time.perf_counter()
    os.rename(target, old)
    try:
        os.rename(new, target)
    except OSError:
        os.rename(old, target)   # put the previous site back before reporting
        raise
    last_swap_window = time.perf_counter() - started
    return old


def _remove(path: Path, quietly: bool = False) -> None:
    try:
        if path.is_symlink() or path.is_file():
            path.unlink()
        elif path.exists():
            shutil.rmtree(path)
    except OSError:
        if not quietly:
            raise


def _why(exc: OSError) -> str:
    where = paren(str(exc.filename)) if exc.filename else ""
    return f"{exc.strerror or exc}{where}"


def recover(target: Path) -> None:
    """Undo what a killed build left beside `target`: the previous site moved back if a fallback
    swap was cut between its two renames; any half-built or old folder deleted."""
    old = old_dir(target)
    if old.is_dir() and not target.exists():
        os.rename(old, target)
    for leftover in (new_dir(target), old):
        _remove(leftover)


def publish(target: Path, build: Callable[[Path], T]) -> T:
    """Run `build(folder)` to write a complete site into a new folder beside `target`, then swap
    it in; on any exception from `build` the new folder is deleted and `target` is untouched.
    A file-system error (no permission, disk full, `target` on another file system than its
    folder) is a `BuildError` that says so.

    The caller holds the `OutputLock` of `target.parent`."""
    target = Path(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        recover(target)
    except OSError as exc:
        raise BuildError(tr("无法准备输出文件夹 {folder}：{reason}", folder=target.parent,
                            reason=_why(exc))) from None
    new = new_dir(target)
    try:
        result = build(new)
        if not new.is_dir():   # a build that wrote nothing leaves the old site in place
            raise BuildError(tr("构建没有生成 {target} 的任何文件", target=target))
        previous = swap_in(new, target)
    except OSError as exc:
        _remove(new, quietly=True)
        raise BuildError(tr("未能把新生成的网站放到 {target}（原来的网站没有改动）：{reason}。"
                            "新网站先生成在同一文件夹里的 {new}，再换入；{target} 不能是挂载点，"
                            "输出文件夹要可写、有足够空间", target=target, reason=_why(exc),
                            new=new.name)) from None
    except BaseException:
        _remove(new, quietly=True)
        raise
    if previous is not None:
        _remove(previous, quietly=True)   # the new site is in place; a leftover goes next time
    return result


__all__ = ["LOCK_NAME", "OutputLock", "exchange", "new_dir", "old_dir", "publish", "recover", "swap_in"]
