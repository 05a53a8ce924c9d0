"""The workbooks open in LibreOffice (headless) and read the same there: every sheet converted
to CSV holds the values the export wrote, and a workbook saved again by LibreOffice imports
without a change. Needs `soffice` (Debian's libreoffice-calc-nogui: `.ci/system-deps.sh
--office`, which `make test` runs)."""
from __future__ import annotations

import csv
import datetime as dt
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from generator.exchange.export_form import form_layout
from generator.exchange.export_system import system_layout
from generator.exchange.importer import import_workbook
from generator.exchange.layout import Fixed, Input, WorkbookLayout
from generator.load.tree import load_city
from generator.render import fmt

from .helpers import example_copy, form_xlsx, snapshot, system_xlsx

pytestmark = pytest.mark.e2e
SOFFICE = shutil.which("soffice")
#: every sheet to its own CSV file (UTF-8, values as shown)
CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"


def soffice(tmp: Path, target: str, *files: Path) -> Path:
    if SOFFICE is None:
        pytest.skip("no LibreOffice (bash .ci/system-deps.sh --office)")
    out = tmp / "out"
    out.mkdir(exist_ok=True)
    env = {**os.environ, "HOME": str(tmp)}
    subprocess.run([SOFFICE, "--headless", "--norestore", "--convert-to", target, "--outdir", str(out),
                    *map(str, files)], check=True, capture_output=True, timeout=180, env=env)
    return out


def expected(layout: WorkbookLayout, sheet: int) -> list[list[str]]:
    rows = []
    for row in layout.sheets[sheet].rows:
        cells = []
        for slot in row:
            value = slot.value if isinstance(slot, Fixed) else (
                slot.cell.show(slot.current) if isinstance(slot, Input) else None)
            if isinstance(value, dt.date):
                value = value.isoformat()
            elif isinstance(value, (int, float)):
                value = fmt.value(value)
            cells.append("" if value is None else str(value))
        rows.append(cells)
    return [_trim(r) for r in rows]


def _trim(row: list[str]) -> list[str]:
    while row and row[-1] == "":
        row = row[:-1]
    return row


def read_csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as f:
        rows = [_trim(r) for r in csv.reader(f)]
    return rows


def test_every_sheet_reads_the_same_in_libreoffice(tmp_path: Path) -> None:
    root = example_copy(tmp_path)
    city = load_city(root).city
    unit = city.units["hainan-township"]  # type: ignore[union-attr]
    system = system_xlsx(root, unit.id, tmp_path / "system.xlsx")
    form = form_xlsx(root, unit.id, "2009", tmp_path / "form.xlsx")
    out = soffice(tmp_path, CSV_FILTER, system, form)
    for book, layout in ((system, system_layout(unit)), (form, form_layout(unit, unit.period_index["2009"]))):
        for i, sheet in enumerate(layout.sheets):
            got = read_csv(out / f"{book.stem}-{sheet.name}.csv")
            want = expected(layout, i)
            while got and not got[-1]:
                got.pop()
            while want and not want[-1]:
                want.pop()
            assert got == want, f"{book.name} {sheet.name}"
        assert (out / f"{book.stem}-_bscportal.csv").is_file()


def test_a_workbook_saved_by_libreoffice_imports_unchanged(tmp_path: Path) -> None:
    root = example_copy(tmp_path)
    books = [system_xlsx(root, "education-bureau", tmp_path / "system.xlsx"),
             form_xlsx(root, "education-bureau", "2009", tmp_path / "form.xlsx")]
    out = soffice(tmp_path, "xlsx:Calc MS Excel 2007 XML", *books)
    before = snapshot(root)
    for book in books:
        result = import_workbook(root, out / book.name)
        assert (result.problems, result.changes) == ([], [])
    assert snapshot(root) == before
