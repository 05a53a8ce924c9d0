"""Write an edition's staging folder: only files whose bytes changed, atomically; delete stale files.

Writing only what changed keeps file times stable, so MkDocs' live reload and any cache see
real changes only; deleting stale files makes a removed unit or article disappear from the site.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Mapping

from ..files import atomic_write
from .fingerprint import digest


@dataclass(frozen=True)
class Kept:
    """A staged file known to be as an earlier build staged it (`unitreuse`): kept, not read."""

    path: str
    digest: str


@dataclass
class StageReport:
    written: list[str] = field(default_factory=list)
    unchanged: int = 0
    deleted: list[str] = field(default_factory=list)
    #: every staged file → a digest of its bytes (what the incremental build compares)
    digests: dict[str, str] = field(default_factory=dict)
    #: units whose pages were rendered, and those whose staged files were kept (`unitreuse`)
    units_rendered: int = 0
    units_kept: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.written or self.deleted)


def write_if_changed(path: Path, data: bytes) -> bool:
    """Write `data` to `path` via a temporary file and `os.replace`, unless it holds those bytes."""
    try:
        if path.stat().st_size == len(data) and path.read_bytes() == data:
            return False
    except FileNotFoundError:
        pass
    atomic_write(path, data)
    return True


def _safe(rel: str) -> str:
    p = Path(rel)
    if p.is_absolute() or ".." in p.parts or not rel:
        raise ValueError(f"staged path must be relative and inside the folder: {rel!r}")
    return p.as_posix()


def stage(files: Mapping[str, bytes], folder: Path) -> StageReport:
    """Make `folder` hold exactly `files` (docs-relative POSIX path → bytes)."""
    return stage_stream(sorted(files.items()), folder)


def stage_stream(files: Iterable[tuple[str, bytes] | Kept], folder: Path) -> StageReport:
    """`stage`, writing each file as it comes (the caller need not hold them all); a `Kept`
    file stays as it is; files of `folder` that did not come are deleted at the end."""
    report = StageReport()
    folder.mkdir(parents=True, exist_ok=True)
    wanted: set[str] = set()
    for item in files:
        if isinstance(item, Kept):
            rel = _safe(item.path)
            wanted.add(rel)
            report.digests[rel] = item.digest
            report.unchanged += 1
            continue
        path, data = item
        rel = _safe(path)
        wanted.add(rel)
        report.digests[rel] = digest(data)
        if write_if_changed(folder / rel, data):
            report.written.append(rel)
        else:
            report.unchanged += 1
    for dirpath, dirnames, filenames in os.walk(folder, topdown=False):
        here = Path(dirpath)
        for name in filenames:
            rel = (here / name).relative_to(folder).as_posix()
            if rel not in wanted:
                (here / name).unlink()
                report.deleted.append(rel)
        if here != folder and not any(here.iterdir()):
            here.rmdir()
    report.written.sort()
    report.deleted.sort()
    return report
