"""What an input cell takes: a parser per kind of value, from what a spreadsheet holds to a
typed value, and back to what the export writes.

Every parser has `parse(raw, percent)` (raises `CellError` with a message saying what
the cell should hold), `show(value)` (the cell's content on export) and, for the export's
data validation, `choices` (a list) or `bounds` (a number range). Values are the model's own:
str, float, bool, `datetime.date`, a tuple of ids, a `TargetRange`; None for an empty cell.
"""
from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass
from typing import Callable

from ..i18n import LANGUAGES, N_, join, paren, tr, use_language
from ..model import TargetRange
from ..model.base import NUMBER_LIMIT
from ..render import fmt

Value = str | float | bool | dt.date | tuple[str, ...] | TargetRange | None
#: what openpyxl reads from (and writes to) a cell
Raw = str | int | float | bool | dt.date | dt.datetime | dt.time | None

_LIST_SPLIT = re.compile(r"[、,，;；\s]+")  # i18n: data
_RANGE = re.compile(r"^\s*(-?[\d.]+)\s*[–—~～-]\s*(-?[\d.]+)\s*$")


class CellError(ValueError):
    """A cell's content that cannot be taken; the message says what the cell should hold."""


def _words(word: Callable[[], str]) -> frozenset[str]:
    """A word (是, 否) in every language, lower-case: a workbook exported in one language reads
    back in any."""
    out = set()
    for language in LANGUAGES:
        with use_language(language):
            out.add(word().lower())
    return frozenset(out)


_YES, _NO = _words(fmt.yes), _words(fmt.no)


def number(x: float) -> float | int:
    """A number as a cell (and YAML) writes it: 75, not 75.0."""
    return int(x) if float(x).is_integer() and abs(x) < NUMBER_LIMIT else x


def same(a: Value, b: Value) -> bool:
    """Equal as values: 75 and 75.0 are the same number, and a yes/no actual written `1` is
    the same as 是 (`true`), so an unedited cell never rewrites how a value was written."""
    if isinstance(a, bool) or isinstance(b, bool):
        return isinstance(a, (bool, int, float)) and isinstance(b, (bool, int, float)) and float(a) == float(b)
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return math.isclose(a, b, rel_tol=1e-12, abs_tol=1e-12)
    if isinstance(a, TargetRange) and isinstance(b, TargetRange):
        return same(a.min, b.min) and same(a.max, b.max)
    return a == b


def _text(raw: Raw) -> str:
    if raw is None:
        return ""
    if isinstance(raw, bool):
        return fmt.yes() if raw else fmt.no()
    if isinstance(raw, float):
        return fmt.value(raw) if not raw.is_integer() else str(int(raw))
    if isinstance(raw, dt.datetime):
        return raw.date().isoformat() if raw.time() == dt.time() else raw.isoformat(sep=" ")
    return str(raw).strip()


def _number(raw: Raw, percent: bool) -> float | None:
    """A number from a number cell, or from text that is only a number (`1,234.5`, `97.5%`)."""
    if raw is None or raw == "":
        return None
    if isinstance(raw, bool) or isinstance(raw, (dt.date, dt.time)):
        raise CellError(tr("应填数字"))
    if isinstance(raw, (int, float)):
        x = float(raw) * (100 if percent else 1)
    else:
        s = raw.strip().replace(",", "").replace("，", "")  # i18n: data
        if not s:
            return None
        scale = 1.0
        if s.endswith(("%", "％")):  # i18n: data
            s, scale = s[:-1].strip(), 1.0
        try:
            x = float(s) * scale
        except ValueError:
            raise CellError(tr("应填数字，现在是文字“{text}”：只填数字（如 97.5），单位和说明写在说明栏",
                               text=raw.strip()[:20])) from None
    if not math.isfinite(x) or abs(x) >= NUMBER_LIMIT:
        raise CellError(tr("数值太大：要小于 10 的 15 次方"))
    return x


@dataclass(frozen=True)
class Cell:
    """Base of every parser: `required` and what the cell takes (for messages)."""

    required: bool = False

    @property
    def kind(self) -> str:
        """What the cell takes, for messages."""
        return tr("文字")

    @property
    def choices(self) -> tuple[str, ...]:
        """The list a cell's data validation offers (empty: no list)."""
        return ()

    @property
    def bounds(self) -> tuple[float, float] | None:
        """(low, high) for a number cell's data validation; None: not a number cell."""
        return None

    def empty(self) -> Value:
        if self.required:
            raise CellError(tr("此项必填（{kind}）：请填写，不能留空", kind=self.kind))
        return None

    def parse(self, raw: Raw, percent: bool = False) -> Value:
        s = _text(raw)
        return s if s else self.empty()

    def show(self, value: Value) -> Raw:
        if value is None:
            return None
        if isinstance(value, tuple):
            return join(value)
        return str(value)


@dataclass(frozen=True)
class Text(Cell):
    max_length: int = 4000

    def parse(self, raw: Raw, percent: bool = False) -> Value:
        s = _text(raw)
        if len(s) > self.max_length:
            raise CellError(tr("文字太长（{n} 个字）：最多 {limit} 个字", n=len(s), limit=self.max_length))
        return s if s else self.empty()


@dataclass(frozen=True)
class TextList(Cell):
    """Several short texts in one cell, one a line (they may contain any punctuation)."""

    @property
    def kind(self) -> str:
        return tr("若干项，每行一项（Alt+Enter 换行）")

    def parse(self, raw: Raw, percent: bool = False) -> Value:
        items = tuple(x.strip() for x in _text(raw).splitlines() if x.strip())
        if not items:
            self.empty()
        return items

    def show(self, value: Value) -> Raw:
        return "\n".join(value) if isinstance(value, tuple) and value else None


@dataclass(frozen=True)
class Number(Cell):
    low: float | None = None
    high: float | None = None
    #: strict bounds (> low, < high) instead of >= and <=
    open_low: bool = False
    whole: bool = False

    @property
    def kind(self) -> str:
        return tr("整数") if self.whole else tr("数字")

    @property
    def bounds(self) -> tuple[float, float] | None:
        if self.low is None and self.high is None:
            return None
        return (self.low if self.low is not None else -NUMBER_LIMIT,
                self.high if self.high is not None else NUMBER_LIMIT)

    def parse(self, raw: Raw, percent: bool = False) -> Value:
        x = _number(raw, percent)
        if x is None:
            return self.empty()
        if self.whole and not x.is_integer():
            raise CellError(tr("应填整数，现在是 {value}", value=fmt.value(x)))
        low, high = self.low, self.high
        if low is not None and (x < low or self.open_low and x == low) or high is not None and x > high:
            lo = "—" if low is None else fmt.value(low)
            hi = "—" if high is None else fmt.value(high)
            if self.open_low:
                raise CellError(tr("{value} 超出允许范围：应大于 {low}、不大于 {high}", value=fmt.value(x),
                                   low=lo, high=hi))
            raise CellError(tr("{value} 超出允许范围：应不小于 {low}、不大于 {high}", value=fmt.value(x),
                               low=lo, high=hi))
        return x

    def show(self, value: Value) -> Raw:
        return number(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


@dataclass(frozen=True)
class YesNo(Cell):
    @property
    def kind(self) -> str:
        return tr("“{yes}”或“{no}”", yes=fmt.yes(), no=fmt.no())

    @property
    def choices(self) -> tuple[str, ...]:
        return (fmt.yes(), fmt.no())

    def parse(self, raw: Raw, percent: bool = False) -> Value:
        if isinstance(raw, bool):
            return raw
        s = _text(raw).lower()
        if not s:
            return self.empty()
        if s in _YES or s in ("true", "1", "y", "yes", "√", "✓"):
            return True
        if s in _NO or s in ("false", "0", "n", "no", "×"):
            return False
        raise CellError(tr("应填{kind}，现在是“{text}”", kind=self.kind, text=_text(raw)[:20]))

    def show(self, value: Value) -> Raw:
        return None if value is None else (fmt.yes() if value else fmt.no())


@dataclass(frozen=True)
class Choice(Cell):
    """One of a list; written as its label, read as label or value. `terms`: (value, label)."""

    terms: tuple[tuple[str, str], ...] = ()
    #: what the choice is (for messages; translated where shown)
    what: str = N_("选项")

    @property
    def kind(self) -> str:
        return tr(self.what)

    @property
    def choices(self) -> tuple[str, ...]:
        return tuple(label for _, label in self.terms)

    def parse(self, raw: Raw, percent: bool = False) -> Value:
        s = _text(raw)
        if not s:
            return self.empty()
        for value, label in self.terms:
            if s in (label, value):
                return value
        raise CellError(tr("“{text}”不是可选的{what}：请从下拉列表中选择", text=s[:20], what=tr(self.what))
                        + paren(join(self.choices)))

    def show(self, value: Value) -> Raw:
        for v, label in self.terms:
            if v == value:
                return label
        return None if value is None else str(value)


@dataclass(frozen=True)
class Ref(Cell):
    """An id of something that must exist (an objective, a post or department)."""

    known: frozenset[str] = frozenset()
    #: what the ids are of (for messages; translated where shown)
    what: str = N_("编号")
    many: bool = False

    @property
    def kind(self) -> str:
        return tr("{what}编号", what=tr(self.what)) + (tr("，多个用顿号“、”分隔") if self.many else "")

    def parse(self, raw: Raw, percent: bool = False) -> Value:
        items = tuple(x for x in _LIST_SPLIT.split(_text(raw)) if x)
        if not items:
            self.empty()
            return () if self.many else None
        unknown = [x for x in items if x not in self.known]
        if unknown:
            hint = join(sorted(self.known)[:12]) or tr("（没有）")
            raise CellError(tr("没有编号为 {ids} 的{what}：可用的有 {hint}", ids=join(unknown),
                               what=tr(self.what), hint=hint))
        if not self.many:
            if len(items) > 1:
                raise CellError(tr("只能填一个{what}编号", what=tr(self.what)))
            return items[0]
        return items


@dataclass(frozen=True)
class Date(Cell):
    @property
    def kind(self) -> str:
        return tr("日期（如 2009-03-31）")

    def parse(self, raw: Raw, percent: bool = False) -> Value:
        if isinstance(raw, dt.datetime):
            return raw.date()
        if isinstance(raw, dt.date):
            return raw
        s = _text(raw)
        if not s:
            return self.empty()
        m = re.match(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$", s)  # i18n: data
        try:
            if m:
                return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            pass
        raise CellError(tr("应填日期（如 2009-03-31），现在是“{text}”", text=s[:20]))

    def show(self, value: Value) -> Raw:
        return value if isinstance(value, dt.date) else None


@dataclass(frozen=True)
class TargetCell(Cell):
    """A target: a number, a range `95–100`, or 是/否 for a yes/no measure."""

    data_type: str = "number"

    @property
    def kind(self) -> str:
        return YesNo().kind if self.data_type == "yesno" else tr("数字或区间（如 95–100）")

    def parse(self, raw: Raw, percent: bool = False) -> Value:
        if self.data_type == "yesno" and isinstance(raw, str) and raw.strip().lower() in _YES | _NO:
            return 1.0 if raw.strip().lower() in _YES else 0.0
        if isinstance(raw, str):
            m = _RANGE.match(raw.replace("，", ""))  # i18n: data
            if m:
                lo, hi = float(m.group(1)), float(m.group(2))
                if lo > hi:
                    raise CellError(tr("区间的下限 {low} 大于上限 {high}：请交换", low=m.group(1), high=m.group(2)))
                return TargetRange(min=lo, max=hi)
        try:
            x = _number(raw, percent)
        except CellError:
            raise CellError(tr("应填{kind}，现在是“{text}”", kind=self.kind, text=_text(raw)[:20])) from None
        return x if x is not None else self.empty()

    def show(self, value: Value) -> Raw:
        if isinstance(value, TargetRange):
            return f"{fmt.value(value.min)}–{fmt.value(value.max)}"
        if self.data_type == "yesno" and isinstance(value, (int, float)):
            return fmt.yesno(value)
        return number(value) if isinstance(value, (int, float)) else None


@dataclass(frozen=True)
class ActualCell(Cell):
    """A reported value: a number (percent-formatted cells read as percentages), or 是/否."""

    data_type: str = "number"

    @property
    def kind(self) -> str:
        return YesNo().kind if self.data_type == "yesno" else tr("数字")

    @property
    def choices(self) -> tuple[str, ...]:
        return (fmt.yes(), fmt.no()) if self.data_type == "yesno" else ()

    @property
    def bounds(self) -> tuple[float, float] | None:
        return None if self.data_type == "yesno" else (-NUMBER_LIMIT, NUMBER_LIMIT)

    def parse(self, raw: Raw, percent: bool = False) -> Value:
        if self.data_type == "yesno":
            return YesNo(required=self.required).parse(raw)
        return _number(raw, percent and self.data_type == "percent")

    def show(self, value: Value) -> Raw:
        if isinstance(value, bool):
            return fmt.yes() if value else fmt.no()
        return number(value) if isinstance(value, (int, float)) else None
