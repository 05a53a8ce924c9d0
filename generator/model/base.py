"""Shared building blocks: the strict base model, id types, visibility."""
from __future__ import annotations

from typing import Annotated, Any, TypeVar

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

    def model_post_init(self, context: Any, /) -> None:
        """Share the set of the fields given (pydantic's `model_fields_set`) among the objects
        given the same fields. Pydantic makes one set per object, a third of a large city's
        memory (each edition's process copies it again); the models are frozen, so no object
        adds a name to the set it shares (a copy, `model_copy`, gets a set of its own)."""
        _share_fields_set(self)


#: one set of field names per distinct set (`Model.model_post_init`)
_FIELD_SETS: dict[frozenset[str], set[str]] = {}


def _share_fields_set(model: BaseModel) -> None:
    names = model.__pydantic_fields_set__
    shared = _FIELD_SETS.setdefault(frozenset(names), names)
    if shared is not names:
        object.__setattr__(model, "__pydantic_fields_set__", shared)

M = TypeVar("M", bound=Model)


def copied(model: M, update: dict[str, Any]) -> M:
    """`model` with the fields in `update` replaced (not validated, as `model_copy`), or `model`
    itself when each value in `update` is equal to the field's and of its type: a filtered view
    (the public edition) then holds a copy only of what it changes. A copy shares its set of
    given fields (`Model.model_post_init`)."""
    if all(type(value) is type(old := getattr(model, name)) and value == old for name, value in update.items()):
        return model
    made = model.model_copy(update=update)
    _share_fields_set(made)
    return made


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
