"""Seed one hostile input into a copy of tests/fixtures/mini and say what `check` found."""
from __future__ import annotations

from pathlib import Path

from generator.check import CheckResult, check_tree
from generator.problems import Problem
from tests.helpers import mini_tree


def check(tmp_path: Path, edits: dict | None = None, content: dict[str, str | bytes] | None = None,
          ) -> CheckResult:
    """`check_tree` on the mini tree with `edits` (see `mini_tree`) and, with `content`, a
    content folder next to it holding those files (path relative to content/ → text or bytes)."""
    root = mini_tree(tmp_path, edits)
    if content is None:
        return check_tree(root)
    folder = tmp_path / "content"
    for rel, data in content.items():
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8")
    (folder / "articles").mkdir(parents=True, exist_ok=True)
    return check_tree(root, folder)


def where(problem: Problem) -> tuple[str, str, int, int]:
    """(code, path inside scorecards/ or content/, line, col)."""
    path = problem.path
    for top in ("scorecards/", "content/"):
        if top in path:
            path = top + path.split(top, 1)[1]
            break
    return problem.code, path, problem.line, problem.col


def errors(result: CheckResult) -> list[tuple[str, str, int, int]]:
    return [where(p) for p in result.problems if p.is_error]


def only_error(result: CheckResult) -> Problem:
    """The one error `check` reported (fails when there are none or several)."""
    found = [p for p in result.problems if p.is_error]
    assert len(found) == 1, "\n".join(f"{where(p)} {p.message}" for p in found)
    return found[0]


def write_raw(root: Path, rel: str, old: bytes, new: bytes) -> None:
    """Replace `old` by `new` in a file of the tree, byte for byte (for raw control bytes)."""
    path = root / rel
    data = path.read_bytes()
    assert data.count(old) == 1
    path.write_bytes(data.replace(old, new))
