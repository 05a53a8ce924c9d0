"""A workbook described cell by cell: the one description the export writes and the import
checks a returned workbook against.

Each sheet is rows of slots: `Fixed` text (titles, headers, ids, labels: written by the export,
and on import it must read back unchanged), `Input` (an editable cell: its parser, the value it
was exported with and where that value lives in the YAML), `Free` (the signature block: anything
or nothing) and None (must stay empty). The import builds the layout again from the current
YAML (the workbook's revision says it is the same YAML) and walks both side by side, so a
deleted row, an edited id or a stray value is found at its cell.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from .cells import Cell, Value

#: a path inside a YAML document: mapping keys and list indexes
Loc = tuple[str | int, ...]
Style = Literal["title", "head", "key", "label", "text", "hint", "sign"]
WorkbookKind = Literal["system", "form"]


@dataclass(frozen=True)
class Place:
    """Where an editable value lives: `file` (relative to scorecards/), the mapping at `loc`
    and its `key`; `order` lists the mapping's keys in model order (where a new key goes), and
    `parent_order` the keys of the mapping above it (where the mapping goes if it is new)."""

    file: str
    loc: Loc
    key: str
    order: tuple[str, ...] = ()
    parent_order: tuple[str, ...] = ()


@dataclass(frozen=True)
class Fixed:
    value: str | float | None
    style: Style = "text"


@dataclass(frozen=True)
class Input:
    cell: Cell
    #: the value the cell was exported with (the model's current value)
    current: Value
    #: where the value lives (for edits that map one cell to one YAML value)
    place: Place | None = None
    #: a name for importers that assemble their own edits (the reporting form)
    key: str = ""
    wrap: bool = False


@dataclass(frozen=True)
class Free:
    """A cell for handwriting or anything else (the signature block): never imported."""

    style: Style = "sign"


Slot = Fixed | Input | Free | None


@dataclass
class SheetLayout:
    name: str
    rows: list[list[Slot]] = field(default_factory=list)
    #: 1-based rows styled as table headers
    header_rows: list[int] = field(default_factory=list)
    #: rows frozen at the top (0: none)
    freeze: int = 0
    #: rows repeated on every printed page, e.g. "4:4"
    print_rows: str | None = None
    #: printable form: A4 landscape, fit to width
    printable: bool = False
    #: fixed column widths (in characters) where the content would not tell
    min_widths: dict[int, int] = field(default_factory=dict)

    def add(self, *slots: Slot) -> int:
        """Append a row; returns its 1-based number."""
        self.rows.append(list(slots))
        return len(self.rows)

    def header(self, *titles: str) -> int:
        r = self.add(*(Fixed(t, "head") for t in titles))
        self.header_rows.append(r)
        return r

    def blank(self) -> None:
        self.rows.append([])


@dataclass
class WorkbookLayout:
    kind: WorkbookKind
    unit: str
    #: the reporting form's period
    period: str | None
    title: str
    sheets: list[SheetLayout]
    #: files (relative to scorecards/) whose bytes the revision covers
    files: tuple[str, ...]
    #: (row, col) of the unit id on the first sheet (a workbook of another unit is told by it)
    unit_cell: tuple[int, int] = (1, 1)
