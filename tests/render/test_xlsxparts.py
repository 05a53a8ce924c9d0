"""The downloads' workbooks written directly (render/xlsxparts.py) read back as openpyxl wrote them:
every cell's value, kind and format, the header's look, the frozen row, widths, sheets, title."""
from __future__ import annotations

import io
import zipfile

import pytest
from openpyxl import load_workbook

from generator.render import tabular
from generator.render.tabular import Number

SHEETS = [
    ("汇总", [("海南朝鲜族乡 2009年度 考核结果", ["项目", "值", ""],
              [["总分", Number(98.336, "98.34", "0.00"), None], ["系数", Number(1.15, "1.1500", "0.0000"), 3],
               ["=SUM(A1)", Number(-2.0, "-2.00", "0.00"), "  前后空格 "], ["<b>&</b>", True, ""]])]),
    ("两张表", [("甲", ["a"], [["x"]]), (None, ["b", "c"], [[1, "很长很长很长很长很长的文字"]])]),
]


@pytest.fixture(scope="module")
def book() -> object:
    return load_workbook(io.BytesIO(tabular.xlsx_sheets(SHEETS, title="标题 & 说明", name="x.xlsx")))


def test_cells_keep_their_value_kind_and_format(book: object) -> None:
    ws = book["汇总"]   # type: ignore[index]
    assert ws["A1"].value == "海南朝鲜族乡 2009年度 考核结果" and ws["A1"].font.b and ws["A1"].font.sz == 12
    head = ws["B2"]
    assert head.value == "值" and head.font.b and head.fill.fgColor.rgb == "00ECEFF1"
    assert head.alignment.wrap_text and head.alignment.vertical == "top"
    assert ws["C2"].font.b and ws["C2"].value is None        # an empty header keeps its look
    assert ws["B3"].value == 98.336 and ws["B3"].number_format == "0.00" and ws["B3"].data_type == "n"
    assert ws["B4"].number_format == "0.0000" and ws["C4"].value == 3
    assert ws["A5"].value == "=SUM(A1)" and ws["A5"].data_type == "s"   # never a formula
    assert ws["C5"].value == "  前后空格 "
    assert ws["A6"].value == "<b>&</b>" and ws["B6"].value == "True" and ws["C6"].value is None
    assert ws.freeze_panes == "A3"
    assert ws.column_dimensions["A"].width == 10 and ws.column_dimensions["B"].width == 8   # title not counted


def test_sheets_title_and_layout(book: object) -> None:
    assert book.sheetnames == ["汇总", "两张表"]   # type: ignore[attr-defined]
    assert book.properties.title == "标题 & 说明" and book.properties.creator == "bscportal"   # type: ignore[attr-defined]
    ws = book["两张表"]   # type: ignore[index]
    assert ws.freeze_panes is None                             # two tables: nothing frozen
    assert [c.value for c in ws["A"]] == ["甲", "a", "x", None, "b", 1]
    assert ws["B6"].value == "很长很长很长很长很长的文字" and ws.column_dimensions["B"].width == 28


def test_same_cells_same_bytes() -> None:
    one = tabular.xlsx_sheets(SHEETS, title="t", name="x.xlsx")
    assert one == tabular.xlsx_sheets(SHEETS, title="t", name="x.xlsx")
    assert {i.date_time for i in zipfile.ZipFile(io.BytesIO(one)).infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_workbooks_are_kept_by_their_cells(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    tabular.use_cache(tmp_path)
    try:
        first = tabular.xlsx_sheets(SHEETS, title="t", name="x.xlsx")
        monkeypatch.setattr(tabular, "_write", lambda *a: pytest.fail("written again"))
        assert tabular.xlsx_sheets(SHEETS, title="t", name="y.xlsx") == first
        assert len(list(tmp_path.glob("*.xlsx"))) == 1
    finally:
        tabular.use_cache(None)
