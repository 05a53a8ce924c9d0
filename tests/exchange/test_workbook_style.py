"""The look of the exchange workbooks: deterministic bytes, hidden revision sheet, inputs the
only unlocked cells, lists Excel can take inline."""
from __future__ import annotations

import io

from openpyxl import load_workbook

from generator.exchange.cells import Choice, Number
from generator.exchange.layout import Fixed, Input, SheetLayout, WorkbookLayout
from generator.exchange.revision import Meta
from generator.exchange.workbook_style import workbook_bytes


def _book(terms: tuple[tuple[str, str], ...]) -> bytes:
    sheet = SheetLayout("表", freeze=1)
    sheet.header("编号", "选项", "数")
    sheet.add(Fixed("A1", "key"), Input(Choice(terms=terms), terms[0][0]), Input(Number(low=0, high=5), 3.0))
    layout = WorkbookLayout("system", "u", None, "标题", [sheet], ("units/u/unit.yml",))
    return workbook_bytes(layout, Meta("system", "u", None, {"units/u/unit.yml": "abc"}), "x.xlsx")


def test_deterministic_and_protected() -> None:
    data = _book((("a", "甲"), ("b", "乙")))
    assert data == _book((("a", "甲"), ("b", "乙")))
    wb = load_workbook(io.BytesIO(data))
    ws = wb["表"]
    assert wb["_bscportal"].sheet_state == "hidden" and ws.protection.sheet
    assert ws["A2"].protection.locked and not ws["B2"].protection.locked and ws["B2"].value == "甲"
    kinds = sorted(dv.type for dv in ws.data_validations.dataValidation)
    assert kinds == ["decimal", "list"]
    assert ws["A1"].comment is not None  # the id column says it is a key


def test_a_list_too_long_for_excel_gets_no_inline_validation() -> None:
    terms = tuple((f"p{i}", f"岗位名称很长的第{i}个岗位") for i in range(30))
    ws = load_workbook(io.BytesIO(_book(terms)))["表"]
    assert [dv.type for dv in ws.data_validations.dataValidation] == ["decimal"]
