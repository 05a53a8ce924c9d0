"""Shared building blocks: the strict base model, id types, visibility."""
from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

from ..i18n import N_, tr

SLUG_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$"

#: A stable ASCII id: letters, digits, `-`, `_`, `.`; display text lives in `name`.
Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN, max_length=64)]

#: Display text (Chinese); never empty.
Text = Annotated[str, StringConstraints(min_length=1, max_length=4000, strip_whitespace=True)]
Name = Annotated[str, StringConstraints(min_length=1, max_length=120, strip_whitespace=True)]

#: every number in the format is below this in magnitude (the YAML reader refuses bigger ones
#: where they are written; this catches quoted ones such as "1e300")
NUMBER_LIMIT = 10 ** 15


def _bounded(value: float) -> float:
    if not abs(value) < NUMBER_LIMIT:
        raise ValueError(tr("数值太大：要小于 10 的 15 次方（1000 万亿）"))
    return value


#: a number without other bounds: finite and below `NUMBER_LIMIT` in magnitude. A field with
#: its own `ge`/`gt` stays `float` and adds `lt=NUMBER_LIMIT` (constraints on this type would
#: not reach the JSON Schema)
Number = Annotated[float, AfterValidator(_bounded)]


class Model(BaseModel):
    """Strict: unknown fields are errors (a typo like `wieght` must not pass silently)."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        coerce_numbers_to_str=True,   # `id: 2008` is the id "2008"
        allow_inf_nan=False,          # 1e400, .nan: not a figure anyone measured
        str_strip_whitespace=True,
        validate_default=False,
        use_attribute_docstrings=False,
    )


class Visible(Model):
    """An entity that may be marked internal (never in the public edition)."""

    internal: bool = Field(False, title=N_("仅内部可见"),
                           description=N_("true 时只出现在内部版，公开版的页面、搜索、下载中都不会出现"))


def field_label(model: type[BaseModel], name: str) -> str:
    """The label (title) of a field in the current language, for messages and pages."""
    info = model.model_fields.get(name)
    if info is not None and info.title:
        return tr(info.title)
    return name
