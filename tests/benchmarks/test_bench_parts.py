"""The benchmark's pieces that need no build: the naive nav, the one edit, the ratios."""
from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from benchmarks import report
from benchmarks.baseline import nav_of
from benchmarks.edit import apply, pick_edit

MINI = Path(__file__).resolve().parents[1] / "site" / "fixtures" / "mini" / "scorecards"


def _flatten(nav) -> list[str]:
    out = []
    for item in nav:
        if isinstance(item, str):
            out.append(item)
        else:
            for inner in item.values():
                out += _flatten(inner)
    return out


def test_the_naive_nav_lists_every_page_once_index_first(tmp_path):
    for rel in ("index.md", "about.md", "units/index.md", "units/a/index.md", "units/a/cards.md",
                "units/b/index.md", "city/x.md", "units/a/map.svg"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x", encoding="utf-8")
    nav = nav_of(tmp_path)
    pages = _flatten(nav)
    assert sorted(pages) == sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*.md"))
    assert nav[0] == "index.md"
    units = next(i["units"] for i in nav if isinstance(i, dict) and "units" in i)
    assert units[0] == "units/index.md" and units[1] == {"a": ["units/a/index.md", "units/a/cards.md"]}


def test_the_edit_changes_one_target_and_nothing_else(tmp_path):
    shutil.copytree(MINI, tmp_path / "scorecards")
    edit = pick_edit(tmp_path / "scorecards")
    before = edit.path.read_text(encoding="utf-8")
    apply(edit)
    after = edit.path.read_text(encoding="utf-8")
    changed = [(a, b) for a, b in zip(before.splitlines(), after.splitlines()) if a != b]
    assert len(changed) == 1 and len(before.splitlines()) == len(after.splitlines())
    data = yaml.safe_load(after)
    measure = next(m for m in data["measures"] if m["id"] == edit.measure)
    assert float(measure["targets"][int(edit.period)]) == edit.new
    assert edit.shown in changed[0][1]


def _results(**example) -> dict:
    return {"example": example, "synthetic": {}}


def test_ratios_pass_fail_and_not_measured():
    items = report.ratios(_results(cold={"seconds": 10.0}, nochange={"seconds": 0.5},
                                   edit={"seconds": 3.0}, baseline={"seconds": 20.0},
                                   serve={"seconds": 1.0}))
    verdicts = {r.name.split(" ")[0]: r.passed for r in items}
    assert [r.passed for r in items[:4]] == [False, True, False, True]
    assert verdicts["710"] is None and items[-1].passed is None
    assert "n/a" in report.ratio_lines(items) and "FAIL" in report.ratio_lines(items)
