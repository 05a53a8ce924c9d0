"""Field by field: which fields of two versions of one entity differ, and how each value reads.

Labels are the model's own field titles (`field_label`); values read as on the site (`fmt`):
numbers at most two decimals, targets `95–100` or 是/否, enumerated values by their vocabulary
label, shares as percentages, nothing as `—`.
"""
from __future__ import annotations

import datetime as dt
import typing
from dataclasses import dataclass
from typing import Mapping

from pydantic import BaseModel

from ..i18n import colon, paren, tr_p
from ..model import Period, TargetRange
from ..model.base import field_label
from ..model.vocab import VOCABULARIES, Vocabulary
from ..render import fmt

#: fields whose change a reviewer must not miss (called out as `notice`)
NOTICE_FIELDS = frozenset({"targets", "target", "thresholds", "weight", "status", "baseline"})
#: free text: never called out, and shown around what changed when long
TEXT_FIELDS = frozenset({"description", "note", "notes", "definition", "purpose", "summary",
                         "duties", "mission", "vision", "updated_note", "disclaimer", "formula",
                         "source", "evidence"})
#: text longer than this is shown around the part that changed
LONG = 40
#: characters kept on each side of the changed part
CONTEXT = 8
#: fractions shown as percentages
SHARE_FIELDS = frozenset({"share", "leadership_share", "driver_share_warning"})
#: between a nested field's label and its part's (`状态阈值·达标线`)
def nest() -> str:
    """Between a field and its part in a label (`考核办法·等次` / `Assessment rules · Grades`)."""
    return tr_p("field path", "·")


@dataclass(frozen=True)
class FieldDiff:
    label: str
    old: str
    new: str
    notice: bool
    #: the field's name in the model (`targets`, `perspective`)
    name: str


def _vocabulary(annotation: object) -> Vocabulary | None:
    """The vocabulary of an enumerated field (its `Literal`, possibly optional or in a list)."""
    stack = [annotation]
    while stack:
        a = stack.pop()
        if typing.get_origin(a) is typing.Literal:
            args = typing.get_args(a)
            for v, _ in VOCABULARIES:
                if v.values == args:
                    return v
        stack.extend(typing.get_args(a))
    return None


def show(value: object, *, vocab: Vocabulary | None = None, name: str = "",
         data_type: str = "number", names: Mapping[str, str] | None = None) -> str:
    """One value as it reads on the site; `names` turns ids (of perspectives, objectives,
    posts) into display names."""
    if value is None:
        return fmt.NONE
    if isinstance(value, bool):
        return fmt.yes() if value else fmt.no()
    if isinstance(value, (int, float)):
        return fmt.share(value) if name in SHARE_FIELDS else (
            fmt.target(value, data_type) if name in ("target", "targets") else fmt.value(value))
    if isinstance(value, TargetRange):
        return fmt.target(value)
    if isinstance(value, dt.date):
        return fmt.date(value)
    if isinstance(value, str):
        if names is not None:
            return names.get(value, value)
        return vocab.label(value) if vocab is not None else value
    if isinstance(value, BaseModel):
        return compact(value)
    if isinstance(value, (list, tuple)):
        return fmt.join(show(v, vocab=vocab, name=name, names=names) for v in value) if value else fmt.NONE
    if isinstance(value, dict):
        return fmt.join((str(k) + colon() + show(v, vocab=vocab, name=name) for k, v in value.items()),
                        fmt.record_sep()) if value else fmt.NONE
    return str(value)


def around_change(old: str, new: str) -> tuple[str, str]:
    """Two long texts shortened to the part that differs, with a little context: the reviewer
    sees `…各下调2分…` → `…下调2分，投诉办结率…` instead of two paragraphs."""
    if len(old) <= LONG and len(new) <= LONG:
        return old, new
    start = 0
    while start < min(len(old), len(new)) and old[start] == new[start]:
        start += 1
    end = 0
    while end < min(len(old), len(new)) - start and old[-1 - end] == new[-1 - end]:
        end += 1
    lo = max(0, start - CONTEXT)

    def cut(s: str) -> str:
        hi = len(s) - max(0, end - CONTEXT)
        middle = s[lo:hi]
        if len(middle) > 2 * LONG:
            middle = middle[:2 * LONG] + "…"
        return ("…" if lo > 0 else "") + middle + ("…" if hi < len(s) and not middle.endswith("…") else "")

    return cut(old), cut(new)


def compact(model: BaseModel) -> str:
    """A nested object in one line: the fields that are set, `label：value`, in model order."""
    cls = type(model)
    parts = []
    for name, info in cls.model_fields.items():
        if name not in model.model_fields_set:
            continue
        v = getattr(model, name)
        parts.append(field_label(cls, name) + colon() + show(v, vocab=_vocabulary(info.annotation), name=name))
    return tr_p("comma", "，").join(parts) if parts else fmt.NONE


#: field name → id → display name, for fields that refer to other entities
Names = Mapping[str, Mapping[str, str]]


def field_diffs(old: BaseModel, new: BaseModel, *, skip: frozenset[str] = frozenset(),
                periods: Mapping[str, Period] | None = None, prefix: str = "",
                names: Names | None = None) -> list[FieldDiff]:
    """The fields of `new` that differ from `old` (same model), in model order.

    A measure's targets are compared period by period (`目标值（2009年）`); nested objects
    (thresholds, baseline, rules' sub-settings) part by part (`状态阈值·达标线`)."""
    cls = type(new)
    out: list[FieldDiff] = []
    data_type = str(getattr(new, "data_type", "number"))
    for name, info in cls.model_fields.items():
        if name in skip:
            continue
        a, b = getattr(old, name, None), getattr(new, name, None)
        if a == b:
            continue
        label = prefix + field_label(cls, name)
        notice = name in NOTICE_FIELDS
        if name == "targets" and isinstance(a, dict) and isinstance(b, dict):
            for key in [*a, *(k for k in b if k not in a)]:
                if a.get(key) != b.get(key):
                    when = fmt.period_key(key, dict(periods or {}))
                    out.append(FieldDiff(label + paren(when), fmt.target(a.get(key), data_type),
                                         fmt.target(b.get(key), data_type), True, name))
            continue
        if isinstance(a, BaseModel) and isinstance(b, BaseModel) and type(a) is type(b):
            for d in field_diffs(a, b, periods=periods, prefix=label + nest()):
                out.append(FieldDiff(d.label, d.old, d.new, d.notice or notice, name))
            continue
        vocab = _vocabulary(info.annotation)
        ids = (names or {}).get(name)
        old_text = show(a, vocab=vocab, name=name, data_type=data_type, names=ids)
        new_text = show(b, vocab=vocab, name=name, data_type=data_type, names=ids)
        if isinstance(a, str) and isinstance(b, str):
            old_text, new_text = around_change(old_text, new_text)
        out.append(FieldDiff(label, old_text, new_text, notice and name not in TEXT_FIELDS, name))
    return out
