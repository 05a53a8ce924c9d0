"""What the model needs to know about where its objects came from (filled in by `load`)."""
from __future__ import annotations

from typing import Protocol

from ..problems import Mark


class SourceLocator(Protocol):
    """Maps model objects back to their file and position (`load.locate.Locator` is one)."""

    def mark(self, obj: object, *sub: str | int, key: bool = False) -> Mark:
        """Position of `obj` (or of its field/item `sub`); `key=True` points at the key."""
        ...

    def file_of(self, obj: object) -> str | None:
        """Repo path of the file `obj` was read from, if known."""
        ...
