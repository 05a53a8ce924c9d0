"""Helpers for the workbook tests: a copy of the example tree, workbooks made from it, and
edits to a workbook the way a spreadsheet user makes them."""
from __future__ import annotations

import hashlib
import shutil
from pathlib import Path
from typing import Callable

from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from generator.exchange.export import form_workbook, system_workbook

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "scorecards"


def example_copy(tmp_path: Path) -> Path:
    root = tmp_path / "scorecards"
    shutil.copytree(EXAMPLE, root)
    return root


def snapshot(root: Path) -> dict[str, str]:
    """Every file's hash: the test that nothing changed compares two of these."""
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def system_xlsx(root: Path, unit: str, out: Path) -> Path:
    _, data = system_workbook(root, unit)
    out.write_bytes(data)
    return out


def form_xlsx(root: Path, unit: str, period: str, out: Path) -> Path:
    _, data = form_workbook(root, unit, period)
    out.write_bytes(data)
    return out


def edit(path: Path, change: Callable[..., None], out: Path | None = None) -> Path:
    """Open the workbook, let `change(wb)` edit it, save it (to `out`, else in place)."""
    wb = load_workbook(path)
    change(wb)
    target = out or path
    wb.save(target)
    return target


def find_row(ws: Worksheet, key: str, col: int = 0) -> int:
    """The row whose cells hold `key` (in column `col`, 1-based; 0: any column)."""
    for row in ws.iter_rows():
        for cell in row:
            if (col == 0 or cell.column == col) and cell.value == key:
                return cell.row
    raise KeyError(key)


def find_col(ws: Worksheet, header: str, row: int = 1) -> int:
    for cell in ws[row]:
        if cell.value == header:
            return cell.column
    raise KeyError(header)
