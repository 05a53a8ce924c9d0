"""A returned workbook, cell by cell, against the layout it was exported with.

`open_workbook` opens the file (formulas kept as formulas, so one is seen, not its cached
result); `read_meta` reads the hidden revision sheet; `read_cells` walks every sheet beside
the layout and gives each input cell's typed value, or a problem at `Sheet!B7` for: a sheet
added or missing, merged cells, a formula, a changed header, id or label (a row deleted,
inserted or moved shows as one), content outside the form, and every input that its parser
refuses (wrong type, out of range, not in the list, unknown id, empty where required).
"""
from __future__ import annotations

import datetime as dt
import io
import zipfile
from dataclasses import dataclass

from openpyxl import load_workbook
from openpyxl.cell.cell import Cell as XlCell, MergedCell
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from ..i18n import N_, colon, join, tr
from ..problems import Problem, Severity
from .cells import CellError, Raw, Value, same
from .layout import Fixed, Free, Input, SheetLayout, WorkbookLayout
from .revision import META_SHEET, Meta, MetaError, parse_meta

#: problem codes of `import xlsx` (documented in docs/rules.md)
#: (marked for the catalogue; translated where shown)
CODES = {
    "BSC501": N_("不是 bscportal 导出的工作簿、打不开，或隐藏的工作簿信息表被删除或改动"),
    "BSC502": N_("工作簿属于另一个单位，或导出以后 YAML 文件已经改动（版本过期）"),
    "BSC503": N_("表格结构被改动：多出或缺少工作表、合并单元格、表头行或编号被删除或修改、只读内容被改、表格以外写了内容"),
    "BSC504": N_("单元格内容不对：类型、范围、下拉选项、不存在的编号、必填项为空、公式而不是数值"),
    "BSC505": N_("导入后的 YAML 文件没有通过检查（bscportal check），所以什么也没有写入"),
}


def problem(path: str, code: str, message: str, sheet: str | None = None, row: int = 1,
            col: int = 1, unit: str | None = None) -> Problem:
    """A problem at a workbook cell (`Sheet!B7`), or at the file itself when `sheet` is None."""
    cell = f"{sheet}!{get_column_letter(col)}{row}" if sheet is not None else None
    return Problem(path, row, col, Severity.ERROR, code, message, unit, cell)


@dataclass(frozen=True)
class CellValue:
    """An input cell's typed value, with the cell it came from."""

    input: Input
    value: Value
    sheet: str
    row: int
    col: int
    #: what the cell is, for the change summary: the row's id and the column's header
    label: str = ""

    @property
    def ref(self) -> str:
        return f"{self.sheet}!{get_column_letter(self.col)}{self.row}"

    @property
    def changed(self) -> bool:
        return not same(self.value, self.input.current)


class ReadError(Exception):
    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(problems[0].message if problems else "")
        self.problems = problems


def open_workbook(data: bytes, path: str) -> Workbook:
    try:
        return load_workbook(io.BytesIO(data), data_only=False)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, OSError) as exc:
        raise ReadError([problem(path, "BSC501", tr("打不开这个文件（{error}）：它不是 .xlsx 工作簿，或者已经损坏。"
                                                    "请用 Excel 或 WPS 另存为 .xlsx 后再导入",
                                                    error=type(exc).__name__))]) from None


def read_meta(wb: Workbook, path: str) -> Meta:
    if META_SHEET not in wb.sheetnames:
        raise ReadError([problem(path, "BSC501", tr("工作簿里没有隐藏的工作簿信息表 {sheet}：只能导入用 "
                                                    "bscportal export 导出的工作簿（不要把内容复制到新建的工作簿里）",
                                                    sheet=META_SHEET))])
    ws = wb[META_SHEET]
    rows = [[_raw(c) for c in row] for row in ws.iter_rows()]
    try:
        return parse_meta(rows)
    except MetaError as exc:
        raise ReadError([problem(path, "BSC501", tr("{error}：请重新导出工作簿后再填写", error=exc),
                                 META_SHEET)]) from None


def _raw(cell: XlCell | MergedCell) -> Raw:
    v = cell.value
    if v is None or isinstance(v, (str, int, float, bool, dt.date, dt.time)):
        return v
    return str(v)  # rich text, a formula object, an error value: read as its text


def _text(v: Raw) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v).strip()


def _fixed_message(slot: Fixed, found: Raw) -> str:
    want, got = _text(slot.value), _text(found)
    empty = tr("（空）")
    shown = tr("应为“{want}”，现为“{got}”", want=want or empty, got=got[:30] or empty)
    if slot.style == "head":
        return tr("表头{shown}：表头行被删除、改动，或上面插入、删除了行。请不要增删行列，用导出的原表重新填写",
                  shown=shown)
    if slot.style == "key":
        return tr("编号被改动，{shown}：编号是导入时认行的依据，不能修改（也不能增删、移动行）。"
                  "要改编号或增删条目，请直接修改 YAML 文件", shown=shown)
    return tr("只读内容被改动，{shown}：这一格不导入，请改回原样或用导出的原表重新填写", shown=shown)


def _sheet(ws: Worksheet, layout: SheetLayout, path: str, unit: str,
           values: list[CellValue], problems: list[Problem]) -> None:
    name = layout.name
    for rng in sorted(ws.merged_cells.ranges, key=str):
        problems.append(problem(path, "BSC503", tr("合并了单元格 {cells}：导入的表格不能有合并单元格，请取消合并",
                                                   cells=rng.coord), name, rng.min_row, rng.min_col, unit))
    width = max([len(r) for r in layout.rows] + [ws.max_column])
    height = max(len(layout.rows), ws.max_row)
    layout_broken = False
    for r in range(1, height + 1):
        row = layout.rows[r - 1] if r <= len(layout.rows) else []
        for c in range(1, width + 1):
            slot = row[c - 1] if c <= len(row) else None
            cell = ws.cell(row=r, column=c)
            raw = _raw(cell)
            if cell.data_type == "f" or isinstance(raw, str) and raw.startswith("=") and cell.data_type != "s":
                problems.append(problem(path, "BSC504", tr("这里是公式（{formula}），不是数值：请把公式换成"
                                                           "它算出的数值（复制后“选择性粘贴 → 数值”）",
                                                           formula=str(raw)[:30]), name, r, c, unit))
                continue
            if isinstance(slot, Free):
                continue
            if isinstance(slot, Fixed):
                if layout_broken:
                    continue
                want = slot.value
                if not (same(want, raw) if isinstance(want, (int, float)) and isinstance(raw, (int, float))
                        else _text(want) == _text(raw)):
                    problems.append(problem(path, "BSC503", _fixed_message(slot, raw), name, r, c, unit))
                    layout_broken = True  # the rest of the sheet would only repeat the cause
                continue
            if isinstance(slot, Input):
                if layout_broken:
                    continue
                head = _header_of(layout, r, c)
                try:
                    value = slot.cell.parse(raw, "%" in (cell.number_format or ""))
                except CellError as exc:
                    problems.append(problem(path, "BSC504", tr("“{header}”：{error}", header=head, error=exc)
                                            if head else str(exc),
                                            name, r, c, unit))
                    continue
                keys = [s.value for s in row if isinstance(s, Fixed) and s.style == "key"]
                values.append(CellValue(slot, value, name, r, c, " ".join([str(k) for k in keys[:1]] + [head])))
                continue
            if raw is not None and _text(raw) != "" and not layout_broken:
                problems.append(problem(path, "BSC503", tr("表格以外的单元格写了内容“{text}”：这里的内容不会导入。"
                                                           "请删除，说明请写在“说明”栏", text=_text(raw)[:20]),
                                        name, r, c, unit))


def _header_of(layout: SheetLayout, r: int, c: int) -> str:
    """The header above an input cell (or the label left of it), for messages."""
    above = [h for h in layout.header_rows if h < r]
    if above:
        head = layout.rows[above[-1] - 1]
        slot = head[c - 1] if c <= len(head) else None
        if isinstance(slot, Fixed):
            return _text(slot.value)
    left = layout.rows[r - 1][c - 2] if c >= 2 else None
    return _text(left.value).rstrip(colon().strip()) if isinstance(left, Fixed) else ""


def read_cells(wb: Workbook, layout: WorkbookLayout, path: str) -> list[CellValue]:
    """Every input cell's value; raises `ReadError` with every problem found."""
    problems: list[Problem] = []
    values: list[CellValue] = []
    expected = [s.name for s in layout.sheets]
    for name in wb.sheetnames:
        if name != META_SHEET and name not in expected:
            problems.append(problem(path, "BSC503", tr("多出的工作表“{sheet}”：导入的工作簿只能有导出时的工作表"
                                                       "（{expected}），请删除它或把内容移到说明栏", sheet=name,
                                                       expected=join(expected)), name, 1, 1, layout.unit))
    for sheet in layout.sheets:
        if sheet.name not in wb.sheetnames:
            problems.append(problem(path, "BSC503", tr("缺少工作表“{sheet}”：请用导出的原表重新填写", sheet=sheet.name),
                                    sheet.name, 1, 1, layout.unit))
            continue
        _sheet(wb[sheet.name], sheet, path, layout.unit, values, problems)
    if problems:
        raise ReadError(problems)
    return values
