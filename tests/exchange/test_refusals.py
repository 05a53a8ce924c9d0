"""Invalid workbooks are refused with the sheet and cell named, and no file changes.

Each case edits a freshly exported workbook the way a spreadsheet user might, imports it, and
checks the problem's code and cell (`Sheet!B7`), that the message is in Chinese, and that not
a byte of the scorecards tree changed.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable

import pytest
from openpyxl.workbook.workbook import Workbook

from generator.exchange.export_form import INPUT_COL, SHEET
from generator.exchange.importer import import_workbook
from generator.problems import format_text

from .helpers import edit, example_copy, find_col, find_row, form_xlsx, snapshot, system_xlsx

UNIT, PERIOD = "hainan-township", "2009"


@pytest.fixture(scope="module")
def books(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    tmp = tmp_path_factory.mktemp("refusals")
    root = example_copy(tmp)
    return root, system_xlsx(root, UNIT, tmp / "system.xlsx"), form_xlsx(root, UNIT, PERIOD, tmp / "form.xlsx")


def measure_cell(wb: Workbook, mid: str, header: str):
    ws = wb["指标卡"]
    return ws.cell(find_row(ws, mid, 2), find_col(ws, header))


def actual_cell(wb: Workbook, mid: str, offset: int = 0):
    ws = wb[SHEET]
    return ws.cell(find_row(ws, mid, 3), INPUT_COL + offset)


def set_value(get: Callable, value: object) -> Callable[[Workbook], None]:
    def change(wb: Workbook) -> None:
        get(wb).value = value
    return change


def _merge(wb: Workbook) -> None:
    wb[SHEET].merge_cells("K6:L6")


def _delete_header(wb: Workbook) -> None:
    wb[SHEET].delete_rows(4)


def _extra_sheet(wb: Workbook) -> None:
    wb.create_sheet("草稿")["A1"] = "算一下"


def _scale_weight(wb: Workbook):
    ws = wb["量表 2009"]
    return ws.cell(find_row(ws, "M-S1-1", 1), find_col(ws, "权重", 5))


def _action_dates(wb: Workbook) -> None:
    ws = wb["行动方案"]
    ws.cell(2, find_col(ws, "结束日期")).value = "2001-01-01"


def _no_meta(wb: Workbook) -> None:
    del wb["_bscportal"]


# (name, system or form, change, code, cell)
CASES = [
    ("wrong type", "system", set_value(lambda wb: wb["行动方案"].cell(2, 6), "明年春天"), "BSC504", "行动方案!F2"),
    ("not in the list", "system", set_value(lambda wb: measure_cell(wb, "M-S1-1", "指标类型"), "重要指标"),
     "BSC504", "指标卡!E2"),
    ("out of range", "system", set_value(_scale_weight, 150), "BSC504", "量表 2009!C6"),
    ("unknown id", "system", set_value(lambda wb: measure_cell(wb, "M-S1-1", "所属目标"), "X9"), "BSC504", "指标卡!D2"),
    ("edited key", "system", set_value(lambda wb: measure_cell(wb, "M-S1-2", "指标编号"), "M-S1-9"),
     "BSC503", "指标卡!B3"),
    ("empty required cell", "system", set_value(lambda wb: measure_cell(wb, "M-S1-1", "指标名称"), None),
     "BSC504", "指标卡!C2"),
    ("wrong unit", "form", set_value(lambda wb: wb[SHEET]["C2"], "education-bureau"), "BSC502", "填报表!C2"),
    ("formula instead of a value", "form", set_value(lambda wb: actual_cell(wb, "M-S2-1"), "=800+15"),
     "BSC504", "填报表!J6"),
    ("merged cells", "form", _merge, "BSC503", "填报表!K6"),
    ("deleted header row", "form", _delete_header, "BSC503", "填报表!A4"),
    ("extra sheet", "form", _extra_sheet, "BSC503", "草稿!A1"),
    ("text in a number cell", "form", set_value(lambda wb: actual_cell(wb, "M-S2-1"), "约820万元"),
     "BSC504", "填报表!J6"),
    ("bonus above its maximum", "form", set_value(lambda wb: actual_cell(wb, "B1"), 5), "BSC504", None),
    ("yes/no cell with another answer", "form", set_value(lambda wb: actual_cell(wb, "V1"), "可能"), "BSC504", None),
    ("content outside the form", "form", set_value(lambda wb: wb[SHEET]["N6"], "另附说明"), "BSC503", "填报表!N6"),
    ("missing revision sheet", "form", _no_meta, "BSC501", None),
    ("passes every cell, fails check", "system", _action_dates, "BSC505", None),
]


@pytest.mark.parametrize("name,kind,change,code,cell", CASES, ids=[c[0] for c in CASES])
def test_refused_with_the_cell_named_and_nothing_written(books, tmp_path: Path, name: str, kind: str,
                                                        change: Callable, code: str, cell: str | None) -> None:
    root, system, form = books
    bad = edit(system if kind == "system" else form, change, tmp_path / "bad.xlsx")
    before = snapshot(root)
    out = import_workbook(root, bad)
    assert out.problems, name
    assert code in {p.code for p in out.problems}, format_text(out.problems)
    if cell is not None:
        assert cell in {p.cell for p in out.problems}, format_text(out.problems)
    assert all(any("\u4e00" <= ch <= "\u9fff" for ch in p.message) for p in out.problems)
    assert out.files == [] or code == "BSC505"
    assert snapshot(root) == before
    text = format_text(out.problems)
    if cell is not None:
        assert f"bad.xlsx:{cell}: error:" in text


def test_a_stale_workbook_is_refused(tmp_path: Path) -> None:
    root = example_copy(tmp_path)
    book = form_xlsx(root, UNIT, PERIOD, tmp_path / "form.xlsx")
    results = root / f"units/{UNIT}/results/{PERIOD}.yml"
    results.write_text(results.read_text(encoding="utf-8") + "# 办公室已审核\n", encoding="utf-8")
    before = snapshot(root)
    out = import_workbook(root, edit(book, set_value(lambda wb: actual_cell(wb, "M-S2-1"), 820)))
    assert [p.code for p in out.problems] == ["BSC502"]
    assert "已经改动" in out.problems[0].message and f"results/{PERIOD}.yml" in out.problems[0].message
    assert snapshot(root) == before


def test_a_workbook_of_another_unit_than_asked_is_refused(books) -> None:
    root, _, form = books
    out = import_workbook(root, form, expect_unit="education-bureau")
    assert [p.code for p in out.problems] == ["BSC502"]


def test_a_file_that_is_not_a_workbook_is_refused(books, tmp_path: Path) -> None:
    root, _, _ = books
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"not a zip")
    out = import_workbook(root, bad)
    assert [p.code for p in out.problems] == ["BSC501"] and out.problems[0].cell is None
