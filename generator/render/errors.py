"""The one error the render layer raises for a failure a user can meet or cause."""
from __future__ import annotations

from ..i18n import tr


class RenderError(Exception):
    """A page, map or download could not be produced.

    `message` says why and what to do, in the interface language, naming the map, table or file; `unit` and
    `path` (a docs-relative output file) say where, when known.
    """

    def __init__(self, message: str, *, path: str | None = None, unit: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.unit = unit

    def __str__(self) -> str:
        if self.unit and self.path:
            return tr("{message}（单位 {unit}，文件 {path}）", message=self.message, unit=self.unit, path=self.path)
        if self.unit:
            return tr("{message}（单位 {unit}）", message=self.message, unit=self.unit)
        if self.path:
            return tr("{message}（文件 {path}）", message=self.message, path=self.path)
        return self.message
