"""Chinese labels for fields and literal values, read from the model (`title`, `description`).

Field titles are the single source of the labels on pages and in downloads; literal values
are named in the field descriptions as `value 名称 / value 名称` (e.g. "outcome 结果指标 /
driver 驱动（过程）指标"), so a new value gets its label where it is declared.
"""
from __future__ import annotations

import re
from functools import lru_cache

from pydantic import BaseModel

from ..model.base import field_label

_PAIR = re.compile(r"^\s*([A-Za-z0-9_.\-]+)\s+(.+?)\s*$")


def label(model: type[BaseModel], name: str) -> str:
    return field_label(model, name)


@lru_cache(maxsize=None)
def literal_names(model: type[BaseModel], name: str) -> dict[str, str]:
    """`{"outcome": "结果指标", ...}` from a field description like "outcome 结果指标 / driver …"."""
    info = model.model_fields.get(name)
    desc = (info.description or "") if info else ""
    out: dict[str, str] = {}
    for part in desc.split("/"):
        m = _PAIR.match(part)
        if m:
            out[m.group(1)] = m.group(2)
    return out


def literal(model: type[BaseModel], name: str, value: object) -> str:
    if value is None:
        return "—"
    return literal_names(model, name).get(str(value), str(value))
