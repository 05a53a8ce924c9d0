"""Where each model object came from: file and position, for messages and edit links."""
from __future__ import annotations

from functools import cache
from typing import Any, Iterable, get_args

from pydantic import BaseModel

from ..problems import Mark
from .yamlfile import Loc, YamlDoc


#: the values `Locator._walk` looks into
_CONTAINERS = (BaseModel, list, tuple, dict)


@cache
def _holders(model: type[BaseModel]) -> tuple[str, ...]:
    """The fields of `model` whose type can hold a model object."""
    return tuple(name for name, info in model.model_fields.items() if _holds_model(info.annotation))


def _holds_model(annotation: Any) -> bool:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return True
    return annotation is Any or any(_holds_model(arg) for arg in get_args(annotation))


class Locator:
    """Maps model objects (by identity) back to the YAML node they were built from."""

    def __init__(self) -> None:
        self._docs: dict[str, YamlDoc] = {}
        self._where: dict[int, tuple[str, Loc]] = {}
        self._keep: list[Any] = []  # keeps objects alive so ids stay unique

    def register(self, doc: YamlDoc, model: BaseModel) -> None:
        self._docs[doc.path] = doc
        self._walk(doc.path, model, ())

    def _walk(self, path: str, value: Any, loc: Loc) -> None:
        """Record every model object in `value` (a field's value, where `loc` leads to it);
        fields whose type holds no model (text, numbers, lists of ids: most of a file's
        values) are not visited."""
        if isinstance(value, BaseModel):
            self._where[id(value)] = (path, loc)
            self._keep.append(value)
            fields = value.__dict__
            items: Iterable[tuple[Any, Any]] = ((name, fields[name]) for name in _holders(type(value)))
        elif isinstance(value, (list, tuple)):
            items = enumerate(value)
        elif isinstance(value, dict):
            items = value.items()
        else:
            return
        for key, item in items:
            if isinstance(item, _CONTAINERS):
                self._walk(path, item, loc + (key,))

    def file_of(self, obj: Any) -> str | None:
        found = self._where.get(id(obj))
        return found[0] if found else None

    def mark(self, obj: Any, *sub: str | int, key: bool = False) -> Mark:
        """Position of `obj` (or of its field/item `sub`); `key=True` points at the key."""
        found = self._where.get(id(obj))
        if found is None:
            return Mark("?", 1, 1)
        path, loc = found
        doc = self._docs[path]
        full = loc + tuple(sub)
        return doc.mark(full, key=key or bool(sub) and isinstance(sub[-1], str))

    def doc(self, path: str) -> YamlDoc | None:
        return self._docs.get(path)
