"""Building blocks for the workbook sheets: a table of columns over model objects, and cells
whose label, bounds and required-ness come from the model's fields (one source)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Generic, Sequence, TypeVar

from annotated_types import Ge, Gt, Le, Lt
from pydantic import BaseModel

from ..model import Unit
from ..model.base import field_label
from ..model.vocab import Vocabulary
from .cells import Cell, Choice, Number, Ref, Text, Value, YesNo
from .layout import Fixed, Input, Loc, Place, SheetLayout, Slot

T = TypeVar("T")


def unit_file(unit: Unit, name: str) -> str:
    """A unit's file, relative to scorecards/ (`units/<id>/measures.yml`)."""
    return f"units/{unit.id}/{name}"


def order(model: type[BaseModel]) -> tuple[str, ...]:
    return tuple(model.model_fields)


def number(model: type[BaseModel], name: str, whole: bool = False, optional: bool = False) -> Number:
    """A number cell with the field's bounds (ge/gt/le/lt) and required-ness (`optional`: a
    field of an optional mapping, such as the baseline's value)."""
    info = model.model_fields[name]
    low = high = None
    open_low = False
    for m in info.metadata:
        if isinstance(m, Ge):
            low = float(m.ge)  # type: ignore[arg-type]
        elif isinstance(m, Gt):
            low, open_low = float(m.gt), True  # type: ignore[arg-type]
        elif isinstance(m, Le):
            high = float(m.le)  # type: ignore[arg-type]
        elif isinstance(m, Lt) and float(m.lt) < 1e15:  # type: ignore[arg-type]
            high = float(m.lt)  # type: ignore[arg-type]
    return Number(required=info.is_required() and not optional, low=low, high=high, open_low=open_low, whole=whole)


def text(model: type[BaseModel], name: str) -> Text:
    return Text(required=model.model_fields[name].is_required())


def choice(vocab: Vocabulary, required: bool = True) -> Choice:
    return Choice(required=required, terms=vocab.terms, what=vocab.title)


def named(items: Sequence[tuple[str, str]], current: Sequence[str | None], what: str,
          required: bool = False) -> Choice:
    """A choice among named things (perspectives, themes, posts); a current value that names
    nothing known stays choosable, so an unedited workbook reads back the same."""
    terms = list(items)
    known = {i for i, _ in terms}
    terms += [(c, c) for c in current if c is not None and c not in known]
    return Choice(required=required, terms=tuple(terms), what=what)


def refs(known: Sequence[str], current: Sequence[str], what: str, many: bool = True) -> Ref:
    return Ref(known=frozenset(known) | frozenset(current), what=what, many=many)


YES_NO = YesNo()


@dataclass(frozen=True)
class Row(Generic[T]):
    """One model object on a sheet: the object, its file and where it sits in that file."""

    obj: T
    file: str
    loc: Loc
    #: which card it is on (总卡 or a department's name)
    card: str = ""


@dataclass(frozen=True)
class Column(Generic[T]):
    head: str
    slot: Callable[[Row[T]], Slot]


def key(get: Callable[[T], str]) -> Callable[[Row[T]], Slot]:
    return lambda row: Fixed(get(row.obj), "key")


def shown(get: Callable[[T], str | float | None]) -> Callable[[Row[T]], Slot]:
    return lambda row: Fixed(get(row.obj), "text")


def edit(model: type[BaseModel], name: str, cell: Cell | Callable[[T], Cell],
         current: Callable[[T], Value] | None = None, wrap: bool = False,
         sub: str | None = None, sub_order: tuple[str, ...] = ()) -> Callable[[Row[T]], Slot]:
    """An input cell for field `name` of the row's object (or for key `name` of its mapping
    field `sub`, e.g. a target or the baseline's value)."""
    def make(row: Row[T]) -> Input:
        value = current(row.obj) if current else getattr(row.obj, name)
        if isinstance(value, list):
            value = tuple(value)
        c = cell(row.obj) if callable(cell) and not isinstance(cell, Cell) else cell
        assert isinstance(c, Cell)
        if sub is None:
            place = Place(row.file, row.loc, name, order(model))
        else:
            place = Place(row.file, row.loc + (sub,), name, sub_order, parent_order=order(model))
        return Input(c, value, place, wrap=wrap)
    return make


def label(model: type[BaseModel], name: str) -> str:
    return field_label(model, name)


def table(sheet: SheetLayout, columns: Sequence[Column[T]], rows: Sequence[Row[T]]) -> int:
    """A header row and one row per object; returns the header's row number."""
    head = sheet.header(*(c.head for c in columns))
    for row in rows:
        sheet.add(*(c.slot(row) for c in columns))
    return head
