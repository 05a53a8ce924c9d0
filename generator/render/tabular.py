"""Tables as downloads: one cell type, one CSV writer and one XLSX writer for every download.

A `Number` cell carries its value and the text `fmt` gives it, so a CSV shows exactly what
the page shows and an XLSX cell holds the number with a display format that reads the same.
Any other cell is text (or an int count). Text is made formula-safe: in CSV through
`escape.csv_cell`, in XLSX by storing it as a string (openpyxl would turn "=…" into a formula).

CSV: UTF-8 with a BOM (Excel opens Chinese correctly only then), CRLF line ends. XLSX bytes
are deterministic: fixed document dates and zip timestamps, so unchanged data gives
unchanged files. The downloads' workbooks are written as XML directly (`xlsxparts`, the parts
openpyxl would write, ten times faster) and kept by their cells (`use_cache`), without
importing openpyxl (a build that writes no new workbook does not load it); `put` and the
styles of workbooks made with openpyxl (the exchange forms) are in `sheetcells`.
"""
from __future__ import annotations

import csv
import hashlib
import io
import re
import sys
import zipfile
import zlib
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Iterable, Sequence



from ..files import atomic_write
from ..i18n import tr
from ..scoring.ranking import shown
from . import fmt, xlsxparts
from .errors import RenderError
from .escape import csv_cell
from .textwidth import columns

BOM = "\ufeff"
#: document date written into every XLSX (no build time: unchanged data, unchanged bytes)
FIXED_DATE = "2000-01-01T00:00:00Z"


@dataclass(frozen=True)
class Number:
    """A numeric cell: the value a spreadsheet computes with, the text every output shows."""

    value: float
    text: str
    #: Excel number format that shows `value` as `text`
    excel: str = "General"


Cell = Number | str | int | None
Row = Sequence[Cell]
#: (title line, header, rows) — a table with an optional title
Block = tuple[str | None, Sequence[str] | None, Sequence[Row]]


def score(x: float | None) -> Number | None:
    """Scores, weights, points, totals (two decimals)."""
    return None if x is None else Number(shown(x), fmt.score(x), "0.00")


def deduction(x: float) -> Number:
    """A deduction as it counts (negative)."""
    return Number(shown(-x), fmt.deduction(x), "0.00")


def factor(x: float | None) -> Number | None:
    return None if x is None else Number(round(x, 4), fmt.factor(x), "0.0000")


def value(x: float | None) -> Number | None:
    """A number as written (at most two decimals)."""
    return None if x is None else Number(float(fmt.value(x)), fmt.value(x))


def text(c: Cell) -> str:
    """A cell as every output shows it ("" for an empty cell)."""
    if c is None:
        return ""
    if isinstance(c, Number):
        return c.text
    return str(c)


# -- CSV ---------------------------------------------------------------------------------------

def csv_blocks(blocks: Iterable[Block]) -> bytes:
    """Blocks (title line, header, rows) separated by blank lines, as Excel-friendly CSV."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    first = True
    for title, header, rows in blocks:
        if not first:
            w.writerow([])
        first = False
        if title:
            w.writerow([csv_cell(title)])
        if header:
            w.writerow([csv_cell(h) for h in header])
        for row in rows:
            # numbers we formatted are data, never formulas (a negative number starts with "-")
            w.writerow([c.text if isinstance(c, Number) else csv_cell(c) for c in row])
    return (BOM + buf.getvalue()).encode("utf-8")


def csv_table(header: Sequence[str], rows: Iterable[Row]) -> bytes:
    return csv_blocks([(None, header, list(rows))])


# -- XLSX --------------------------------------------------------------------------------------

#: widest column, in characters (longer text wraps in the cell)
MAX_WIDTH = 60
#: the characters Excel refuses in a cell (openpyxl's `ILLEGAL_CHARACTERS_RE`)
ILLEGAL_CHARACTERS_RE = re.compile(r"[\000-\010]|[\013-\014]|[\016-\037]")


def sheet_text(value: object, name: str, sheet: str, ref: str) -> str:
    """A cell's text; `RenderError` (file, sheet, cell) when it holds a character Excel refuses."""
    s = str(value)
    bad = ILLEGAL_CHARACTERS_RE.search(s)
    if bad:
        raise RenderError(
            tr("{name}：工作表“{sheet}”{ref} 的文字含有 Excel 不允许的控制字符 U+{code:04X}"
               "（文字开头：{start!r}）：请在数据文件中删除这个字符", name=name, sheet=sheet, ref=ref,
               code=ord(bad.group()), start=s[:20]), path=name)
    return s


def deterministic(data: bytes) -> bytes:
    """Rewrite an XLSX zip with fixed timestamps (document properties and zip entries)."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                doc = body.decode("utf-8")
                doc = re.sub(r"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:\2>)",
                             lambda m: m.group(1) + FIXED_DATE + m.group(3), doc)
                body = doc.encode("utf-8")
            zi = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            dst.writestr(zi, body)
    return out.getvalue()


# -- the workbook cache ------------------------------------------------------------------------

#: where workbooks are kept by a digest of their cells (None: not kept); see `use_cache`
_CACHE: list[Path | None] = [None]


def use_cache(folder: Path | None) -> None:
    """Keep workbooks in `folder` (the site layer sets it per build; None: no cache).

    Writing a workbook (openpyxl, then `deterministic`) takes tens of milliseconds; its bytes
    are a function of its cells and title alone, so a workbook whose cells did not change is
    read back instead of written again."""
    _CACHE[0] = folder


@lru_cache(maxsize=1)
def _writer_version() -> bytes:
    """What else the bytes depend on: this module, the package writer, column widths, openpyxl
    (its theme), zlib, Python."""
    here = Path(__file__).resolve().parent
    parts = [(here / n).read_bytes() for n in ("tabular.py", "xlsxparts.py", "textwidth.py")]
    return b"\0".join([*parts, metadata.version("openpyxl").encode(), zlib.ZLIB_RUNTIME_VERSION.encode(),
                       sys.version.encode()])


Sheets = tuple[tuple[str, tuple[tuple[str | None, tuple[str, ...] | None, tuple[tuple[Cell, ...], ...]], ...]], ...]


def _frozen(sheets: Iterable[tuple[str, Iterable[Block]]]) -> Sheets:
    """The sheets as nested tuples (their `repr` is their content, whatever sequences came in)."""
    return tuple((str(n), tuple((t, tuple(h) if h is not None else None, tuple(tuple(r) for r in rows))
                                for t, h, rows in blocks)) for n, blocks in sheets)


def _cached(folder: Path, key: str) -> bytes | None:
    try:
        return (folder / f"{key}.xlsx").read_bytes()
    except OSError:
        return None


def _keep(path: Path, data: bytes) -> None:
    try:
        atomic_write(path, data)
    except OSError:
        pass   # a cache that cannot be written only costs time


def xlsx_sheets(sheets: Iterable[tuple[str, Iterable[Block]]], *, title: str, name: str) -> bytes:
    """A workbook with one sheet per (sheet name, blocks): headers bold and frozen (on a sheet
    with one block), columns as wide as their text. `name` (the file's name) is used in errors.
    From the cache (`use_cache`) when one with the same cells and title was written before."""
    frozen = _frozen(sheets)
    folder = _CACHE[0]
    if folder is None:
        return _write(frozen, title, name)
    key = hashlib.blake2b(repr((frozen, title)).encode("utf-8") + b"\0" + _writer_version(),
                          digest_size=20).hexdigest()
    data = _cached(folder, key)
    if data is None:
        data = _write(frozen, title, name)
        _keep(folder / f"{key}.xlsx", data)
    return data


def _cell(sheet: xlsxparts.Sheet, styles: xlsxparts.Styles, row: int, col: int, value: Cell, name: str,
          kind: int = 0) -> None:
    """One cell as `put` writes it with openpyxl: a number with its display format, an int, or
    text that is never a formula (and holds no character Excel refuses)."""
    ref = f"{xlsxparts.column_letter(col)}{row}"
    if isinstance(value, Number):
        sheet.add(row, col, xlsxparts.number_cell(ref, value.value, styles.of(kind, value.excel)))
    elif isinstance(value, int) and not isinstance(value, bool):
        sheet.add(row, col, xlsxparts.number_cell(ref, value, styles.of(kind)))
    elif value is not None:
        s = sheet_text(value, name, sheet.name, ref)
        if s:
            sheet.add(row, col, xlsxparts.text_cell(ref, s, styles.of(kind)))
        elif kind:   # an empty header keeps its look (openpyxl writes no value for "")
            sheet.add(row, col, f'<c r="{ref}" s="{styles.of(kind)}" />')


def _write(sheets: Sheets, title: str, name: str) -> bytes:
    styles = xlsxparts.Styles()
    out = []
    for sheet_name, blocks in sheets:
        sheet = xlsxparts.Sheet(sheet_name[:31])
        r = 1
        widths: dict[int, int] = {}
        for btitle, header, rows in blocks:
            if btitle:
                _cell(sheet, styles, r, 1, btitle, name, xlsxparts.TITLE)
                r += 1
            if header:
                for c, h in enumerate(header, 1):
                    _cell(sheet, styles, r, c, h, name, xlsxparts.HEAD)
                    widths[c] = max(widths.get(c, 0), columns(h))
                if len(blocks) == 1:
                    sheet.frozen_below = r
                r += 1
            for row in rows:
                for c, v in enumerate(row, 1):
                    _cell(sheet, styles, r, c, v, name)
                    widths[c] = max(widths.get(c, 0), columns(text(v)))
                r += 1
            r += 1
        sheet.widths = {c: min(MAX_WIDTH, max(8, w + 2)) for c, w in widths.items()}
        out.append(sheet)
    return xlsxparts.package(out, styles, title=title, creator="bscportal", date=FIXED_DATE, theme=_theme())


def _theme() -> str:
    """openpyxl's theme part, kept in the workbook cache by openpyxl's version (so a build that
    writes a workbook need not import openpyxl for it)."""
    folder = _CACHE[0]
    path = folder / f"theme-{metadata.version('openpyxl')}.xml" if folder is not None else None
    if path is not None:
        try:
            return path.read_text(encoding="utf-8")
        except OSError:
            pass
    theme = xlsxparts.openpyxl_theme()
    if path is not None:
        _keep(path, theme.encode("utf-8"))
    return theme
