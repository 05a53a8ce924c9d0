"""Cells and header styles of workbooks made with openpyxl (the exchange forms, `exchange`):
`put` writes a cell as the downloads do (`tabular`: a number with its display format, an int,
or text that is never a formula and holds no character Excel refuses)."""
from __future__ import annotations

from openpyxl.styles import Font, PatternFill
from openpyxl.worksheet.worksheet import Worksheet

from .tabular import Cell, Number, sheet_text
from .xlsxparts import column_letter

HEAD_FONT = Font(bold=True)
HEAD_FILL = PatternFill("solid", fgColor="ECEFF1")


def put(ws: Worksheet, row: int, col: int, value: Cell, name: str) -> None:
    cell = ws.cell(row=row, column=col)
    if value is None:
        return
    if isinstance(value, Number):
        cell.value = value.value
        cell.number_format = value.excel
    elif isinstance(value, int) and not isinstance(value, bool):
        cell.value = value
    else:
        cell.value = sheet_text(value, name, ws.title, f"{column_letter(col)}{row}")
        cell.data_type = "s"  # never a formula, whatever the text starts with
