"""The one CSV/XLSX writer: numbers keep their shown text, text a spreadsheet refuses is a
`RenderError` naming the file and the cell."""
from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

from generator.render import fmt, tabular
from generator.render.errors import RenderError


def test_number_cells_read_as_fmt_writes_them() -> None:
    cell = tabular.score(98.336)
    assert cell is not None and cell.text == fmt.score(98.336) == "98.34" and cell.value == 98.34
    assert tabular.deduction(2).text == "-2.00" and tabular.deduction(2).value == -2.0
    assert tabular.score(None) is None and tabular.text(None) == ""
    data = tabular.xlsx_sheets([("表", [(None, ["分"], [[cell]])])], title="t", name="x.xlsx")
    ws = load_workbook(io.BytesIO(data))["表"]
    assert ws["A2"].value == 98.34 and ws["A2"].number_format == "0.00"
    assert ws.freeze_panes == "A2"                         # the header row stays in view


def test_control_character_is_a_render_error_with_sheet_and_cell() -> None:
    with pytest.raises(RenderError) as caught:
        tabular.xlsx_sheets([("考核量表", [(None, ["名称"], [["好"], ["坏\x0b"]])])], title="t",
                            name="units/a/a-results-2008.xlsx")
    message = str(caught.value)
    assert "units/a/a-results-2008.xlsx" in message and "考核量表" in message and "A3" in message
    assert "U+000B" in message


def test_a_workbook_is_the_same_with_the_cache_and_without(tmp_path) -> None:
    from generator.render import tabular

    sheets = [("表", [("标题", ("名称", "数值"), [("甲", 1), ("乙", 2)])])]
    tabular.use_cache(None)
    plain = tabular.xlsx_sheets(sheets, title="测试", name="t.xlsx")
    tabular.use_cache(tmp_path)
    try:
        assert tabular.xlsx_sheets(sheets, title="测试", name="t.xlsx") == plain          # theme kept
        assert list(tmp_path.glob("theme-*.xml"))
        assert tabular.xlsx_sheets(sheets, title="测试", name="t.xlsx") == plain          # read back
    finally:
        tabular.use_cache(None)
