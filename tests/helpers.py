"""Test helpers: copy the minimal fixture tree and seed one mistake into it."""
from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from generator.check import CheckResult, check_tree

MINI = Path(__file__).parent / "fixtures" / "mini"


def mini_tree(tmp_path: Path, edits: dict[str, str | tuple[str, str] | None] | None = None) -> Path:
    """A copy of tests/fixtures/mini with `edits` applied.

    edits: relative path → new full text, or (old, new) to replace one exact occurrence,
    or None to delete the file.
    """
    root = tmp_path / "scorecards"
    shutil.copytree(MINI, root)
    apply_edits(root, edits or {})
    return root


def apply_edits(root: Path, edits: dict[str, str | tuple[str, str] | None]) -> None:
    """Apply `edits` (relative path → new full text, (old, new) to replace one exact occurrence,
    or None to delete the file) to the tree at `root`."""
    for rel, change in edits.items():
        path = root / rel
        if change is None:
            path.unlink()
        elif isinstance(change, tuple):
            old, new = change
            text = path.read_text(encoding="utf-8")
            assert text.count(old) == 1, f"{old!r} must occur once in {rel}"
            path.write_text(text.replace(old, new), encoding="utf-8")
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(change, encoding="utf-8")


def run(tmp_path: Path, edits: dict | None = None, as_of: dt.date | None = None) -> CheckResult:
    """Check a copy of the mini tree with `edits`; date-dependent rules judge as of `as_of`."""
    return check_tree(mini_tree(tmp_path, edits), as_of=as_of)


def found(result: CheckResult, code: str) -> list[tuple[str, int]]:
    """(file name relative to scorecards/, line) of every problem with `code`."""
    out = []
    for p in result.problems:
        if p.code == code:
            rel = p.path.split("scorecards/", 1)[-1]
            out.append((rel, p.line))
    return out


def line_of(root_rel_text: str, needle: str) -> int:
    for i, line in enumerate(root_rel_text.splitlines(), 1):
        if needle in line:
            return i
    raise AssertionError(f"{needle!r} not found")
