""""Last updated" per unit folder from git history, with one `git log` for all units.

`git log --format=%x00%cs --name-only -- <units folder>` lists commits newest first, each with
the files it touched; the first commit that touches `units/<id>/` gives the unit's date.
Outside a git checkout (or for units never committed) the date is "—".
"""
from __future__ import annotations

import subprocess
from pathlib import Path

UNKNOWN = "—"


def repo_root(path: Path) -> Path | None:
    """The top folder of the git checkout holding `path`, or None."""
    try:
        out = subprocess.run(["git", "-C", str(path), "rev-parse", "--show-toplevel"],
                             capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return None
    if out.returncode != 0 or not out.stdout.strip():
        return None
    return Path(out.stdout.strip())


def unit_dates(scorecards_root: Path, unit_ids: list[str] | None = None) -> dict[str, str]:
    """unit id → last commit date (YYYY-MM-DD) touching `scorecards_root/units/<id>/`."""
    units_dir = (scorecards_root / "units").resolve()
    dates: dict[str, str] = {}
    root = repo_root(units_dir if units_dir.is_dir() else scorecards_root.resolve())
    if root is not None:
        try:
            rel = units_dir.relative_to(root.resolve()).as_posix()
        except ValueError:
            rel = None
        if rel is not None:
            try:
                out = subprocess.run(
                    ["git", "-C", str(root), "-c", "core.quotepath=off", "log",
                     "--format=%x00%cs", "--name-only", "--", rel],
                    capture_output=True, text=True, timeout=120)
                log = out.stdout if out.returncode == 0 else ""
            except (OSError, subprocess.SubprocessError):
                log = ""
            prefix = rel + "/"
            for chunk in log.split("\0")[1:]:
                lines = chunk.strip("\n").split("\n")
                date, names = lines[0].strip(), lines[1:]
                for name in names:
                    if name.startswith(prefix):
                        uid = name[len(prefix):].split("/", 1)[0]
                        dates.setdefault(uid, date)
    if unit_ids is not None:
        return {u: dates.get(u, UNKNOWN) for u in unit_ids}
    return dates


def repo_paths(paths: list[str], scorecards_root: Path) -> dict[str, str]:
    """Displayed file path → path inside the repository (for "edit" links)."""
    root = repo_root(scorecards_root.resolve())
    base = root.resolve() if root else scorecards_root.resolve().parent
    out = {}
    for p in paths:
        try:
            out[p] = Path(p).resolve().relative_to(base).as_posix()
        except ValueError:
            out[p] = p
    return out
