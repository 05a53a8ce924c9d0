"""Where each model object came from: file and position, for messages and edit links."""
from __future__ import annotations

from typing import Any, Iterable

from pydantic import BaseModel

from ..problems import Mark
from .yamlfile import Loc, YamlDoc


#: the values `Locator._walk` looks into
_CONTAINERS = (BaseModel, list, tuple, dict)


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
        text and numbers hold none and are not visited (most of a file's values)."""
        if isinstance(value, BaseModel):
            self._where[id(value)] = (path, loc)
            self._keep.append(value)
            items: Iterable[tuple[Any, Any]] = value.__dict__.items()   # its fields, and nothing else
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
