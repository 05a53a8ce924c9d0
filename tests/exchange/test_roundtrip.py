"""Export then import without edits changes no byte of any file, for every unit of the
example (the system workbook) and every period with a scale (the reporting form); editing one
target changes exactly that line."""
from __future__ import annotations

import difflib
from pathlib import Path

import pytest

import datetime as dt

from generator.check import check_tree
from generator.exchange.export import workbook
from generator.exchange.export_form import form_layout
from generator.exchange.export_system import system_layout
from generator.exchange.importer import import_workbook, plan
from generator.load.tree import load_city

from .helpers import EXAMPLE, edit, example_copy, find_col, find_row, form_xlsx, snapshot, system_xlsx

CITY = load_city(EXAMPLE).city
assert CITY is not None
SYSTEM_UNITS = sorted(u.id for u in CITY if u.has_system)
FORMS = sorted((u.id, p) for u in CITY for p in u.scales)


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return example_copy(tmp_path_factory.mktemp("roundtrip"))


@pytest.fixture(scope="module")
def city(tree: Path):
    return check_tree(tree).city


def test_the_example_has_units_and_forms_to_test() -> None:
    assert len(SYSTEM_UNITS) >= 16 and len(FORMS) >= 30


def test_a_system_workbook_round_trip_changes_nothing(tree: Path, tmp_path: Path) -> None:
    """The whole command path once (export, import, check)."""
    before = snapshot(tree)
    out = import_workbook(tree, system_xlsx(tree, "hainan-township", tmp_path / "s.xlsx"))
    assert out.problems == [] and out.changes == [] and out.files == []
    assert snapshot(tree) == before


@pytest.mark.parametrize("unit", SYSTEM_UNITS)
def test_every_system_workbook_reads_back_without_a_change(tree: Path, city, unit: str) -> None:
    u = city.units[unit]
    out = plan(tree, city, workbook(tree, system_layout(u), "s.xlsx"), "s.xlsx", dt.date(2026, 1, 1))
    assert (out.problems, out.changes, out.texts) == ([], [], {})


def test_every_form_reads_back_without_a_change(tree: Path, city) -> None:
    for unit, period in FORMS:
        u = city.units[unit]
        data = workbook(tree, form_layout(u, u.period_index[period]), "f.xlsx")
        out = plan(tree, city, data, "f.xlsx", dt.date(2026, 1, 1))
        assert (unit, period, out.problems, out.changes, out.texts) == (unit, period, [], [], {})


def _one_cell(tmp_path: Path, file: str, sheet: str, key: tuple[str, int], header: tuple[str, int],
              value: object):
    """Export 海南乡's system, set one cell (the row of `key` in its column, the column of
    `header` in its row), import it; the import's outcome and `file` before and after."""
    root = example_copy(tmp_path)
    book = system_xlsx(root, "hainan-township", tmp_path / "s.xlsx")
    old = (root / file).read_text(encoding="utf-8")

    def change(wb):
        ws = wb[sheet]
        ws.cell(find_row(ws, *key), find_col(ws, *header)).value = value

    out = import_workbook(root, edit(book, change))
    return out, old, (root / file).read_text(encoding="utf-8")


def test_editing_one_target_changes_exactly_that_line(tmp_path: Path) -> None:
    measures = "units/hainan-township/measures.yml"
    out, old, new = _one_cell(tmp_path, measures, "指标卡", ("M-S1-1", 2), ("目标值 2009年度", 1), 6600)
    assert out.problems == []
    assert [(c.ref, c.old, c.new) for c in out.changes] == [("指标卡!S2", "6500", "6600")]
    diff = [d for d in difflib.unified_diff(old.splitlines(), new.splitlines(), lineterm="", n=0)
            if d[:1] in "+-" and not d.startswith(("+++", "---"))]
    assert diff == ["-      2009: 6500", "+      2009: 6600"]
    assert out.files == [measures]
    # the summary in scorecard terms is `bscportal diff`'s
    assert "目标值（2009年度）：6500 → 6600" in out.diff


def test_dry_run_writes_nothing_but_reports_the_change(tmp_path: Path) -> None:
    root = example_copy(tmp_path)
    book = system_xlsx(root, "education-bureau", tmp_path / "s.xlsx")
    before = snapshot(root)

    def change(wb):
        ws = wb["行动方案"]
        ws.cell(2, find_col(ws, "状态")).value = "已完成"

    out = import_workbook(root, edit(book, change), dry_run=True)
    assert out.problems == [] and len(out.changes) == 1 and out.files
    assert "status: done" in next(iter(out.texts.values()))
    assert snapshot(root) == before


def test_an_import_keeps_fields_the_workbook_does_not_carry(tmp_path: Path) -> None:
    """Bands, comments and everything else of the item stay as they are."""
    out, old, new = _one_cell(tmp_path, "units/hainan-township/assessment/2009.yml", "量表 2009",
                              ("M-S3-1", 1), ("说明", 5), "分档计分")
    assert out.problems == []
    assert "bands:" in new and new.count("\n") == old.count("\n") + 1
    assert "    note: 分档计分\n" in new
