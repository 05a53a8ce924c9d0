"""Writes a `WorkbookLayout` as XLSX: the look of every exchange workbook in one place.

Headers bold on grey and frozen; input cells pale yellow and the only unlocked cells (the
sheets are protected without a password, so ids and labels cannot be changed by accident, and
anyone who must can lift the protection); ids on grey with a key in the header; lists and number
ranges as data validation; columns as wide as their Chinese text; a printable form on A4
landscape, fitted to the page width, its header row repeated on every page. Text goes through
`sheetcells.put` (never a formula), and the bytes are deterministic like every download.
"""
from __future__ import annotations

import datetime as dt
import io

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from ..i18n import N_, tr
from ..render import sheetcells, tabular
from ..render.textwidth import columns
from .cells import Raw
from .layout import Fixed, Free, Input, SheetLayout, Slot, WorkbookLayout
from .revision import META_SHEET, Meta, meta_rows

INPUT_FILL = PatternFill("solid", fgColor="FFF8D6")
KEY_FILL = PatternFill("solid", fgColor="E0E0E0")
KEY_NOTE = N_("编号是导入时认行的依据，不能修改")
_THIN = Side(style="thin", color="9E9E9E")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_SIGN = Border(bottom=_THIN)
_WRAP = Alignment(vertical="top", wrap_text=True)
#: widest column, in characters (longer text wraps)
MAX_WIDTH = tabular.MAX_WIDTH


def _shown(slot: Slot) -> Raw:
    if isinstance(slot, Fixed):
        return slot.value
    if isinstance(slot, Input):
        return slot.cell.show(slot.current)
    return None


def _write(ws: Worksheet, r: int, c: int, value: Raw, name: str) -> None:
    if value is None:
        return
    if isinstance(value, (dt.date, dt.datetime)):
        cell = ws.cell(row=r, column=c, value=value)
        cell.number_format = "yyyy-mm-dd"
    elif isinstance(value, float) and not value.is_integer():
        ws.cell(row=r, column=c, value=value)
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        ws.cell(row=r, column=c, value=int(value))
    else:
        sheetcells.put(ws, r, c, str(value), name)


def _style(ws: Worksheet, r: int, c: int, slot: Slot) -> None:
    cell = ws.cell(row=r, column=c)
    if isinstance(slot, Input):
        cell.fill = INPUT_FILL
        cell.protection = Protection(locked=False)
        cell.border = _BOX
        if slot.wrap:
            cell.alignment = _WRAP
    elif isinstance(slot, Free):
        cell.protection = Protection(locked=False)
        cell.border = _SIGN
    elif isinstance(slot, Fixed):
        if slot.style == "title":
            cell.font = Font(bold=True, size=14)
        elif slot.style == "head":
            cell.font, cell.fill, cell.alignment = sheetcells.HEAD_FONT, sheetcells.HEAD_FILL, _WRAP
            cell.border = _BOX
        elif slot.style == "key":
            cell.fill, cell.border = KEY_FILL, _BOX
        elif slot.style == "label":
            cell.font = Font(bold=True)
        elif slot.style == "hint":
            cell.font = Font(italic=True, color="616161")
        elif slot.style == "text":
            cell.border = _BOX


#: Excel refuses a list validation written in the formula longer than this
MAX_LIST = 255


def _listable(choices: tuple[str, ...]) -> bool:
    """A list Excel can take inline (a long list of names, or one with commas or quotes, is
    left to the import's own check)."""
    return len(",".join(choices)) + 2 <= MAX_LIST and not any("," in c or '"' in c for c in choices)


def _validations(ws: Worksheet, sheet: SheetLayout) -> None:
    """One data validation per distinct list or number range, over all its cells."""
    groups: dict[tuple[str, str, str], list[str]] = {}
    for r, row in enumerate(sheet.rows, 1):
        for c, slot in enumerate(row, 1):
            if not isinstance(slot, Input):
                continue
            ref = f"{get_column_letter(c)}{r}"
            choices = slot.cell.choices
            if choices and _listable(choices):
                groups.setdefault(("list", '"' + ",".join(choices) + '"', ""), []).append(ref)
            elif slot.cell.bounds is not None:
                lo, hi = slot.cell.bounds
                groups.setdefault(("decimal", repr(lo), repr(hi)), []).append(ref)
    for (kind, f1, f2), refs in groups.items():
        if kind == "list":
            dv = DataValidation(type="list", formula1=f1, allow_blank=True, showErrorMessage=True,
                                errorTitle=tr("请从列表中选择"), error=tr("只能选择下拉列表中的一项"))
        else:
            dv = DataValidation(type="decimal", operator="between", formula1=f1, formula2=f2,
                                allow_blank=True, showErrorMessage=True, errorTitle=tr("请填写数字"),
                                error=tr("这里只能填数字（{low} 至 {high}），说明请写在说明栏", low=f1, high=f2))
        for ref in refs:
            dv.add(ref)
        ws.add_data_validation(dv)


def _sheet(wb: Workbook, sheet: SheetLayout, name: str) -> None:
    ws = wb.create_sheet(title=sheet.name[:31])
    widths: dict[int, int] = dict(sheet.min_widths)
    for r, row in enumerate(sheet.rows, 1):
        for c, slot in enumerate(row, 1):
            value = _shown(slot)
            _write(ws, r, c, value, name)
            _style(ws, r, c, slot)
            if isinstance(slot, Fixed) and slot.style == "head" and tr("编号").lower() in str(slot.value).lower():
                below = sheet.rows[r] if r < len(sheet.rows) else []
                under = below[c - 1] if c <= len(below) else None
                if isinstance(under, Fixed) and under.style == "key":
                    ws.cell(row=r, column=c).comment = Comment(tr(KEY_NOTE), "bscportal")
            if value is not None and not (isinstance(slot, Fixed) and slot.style in ("title", "hint")):
                text = value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else str(value)
                widths[c] = max(widths.get(c, 0), max(columns(line) for line in text.splitlines() or [""]))
    for c, w in widths.items():
        ws.column_dimensions[get_column_letter(c)].width = min(MAX_WIDTH, max(8, w + 2))
    if sheet.freeze:
        ws.freeze_panes = ws.cell(row=sheet.freeze + 1, column=1)
    _validations(ws, sheet)
    ws.protection.sheet = True
    # protected, but columns and rows can still be resized and the sheet sorted and filtered
    ws.protection.formatColumns = False
    ws.protection.formatRows = False
    ws.protection.formatCells = False
    if sheet.print_rows:
        ws.print_title_rows = sheet.print_rows
    if sheet.printable:
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.page_setup.orientation = "landscape"
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.print_options.horizontalCentered = True


def workbook_bytes(layout: WorkbookLayout, meta: Meta, name: str) -> bytes:
    """The workbook of `layout` with its hidden revision sheet; `name` is used in errors."""
    wb = Workbook()
    for default in list(wb.worksheets):
        wb.remove(default)
    wb.properties.title = layout.title
    wb.properties.creator = "bscportal"
    for sheet in layout.sheets:
        _sheet(wb, sheet, name)
    ws = wb.create_sheet(META_SHEET)
    for r, row in enumerate(meta_rows(meta), 1):
        for c, value in enumerate(row, 1):
            sheetcells.put(ws, r, c, value, name)
    ws.sheet_state = "hidden"
    ws.protection.sheet = True
    buf = io.BytesIO()
    wb.save(buf)
    return tabular.deterministic(buf.getvalue())
