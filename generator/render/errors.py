"""The one error the render layer raises for a failure a user can meet or cause."""
from __future__ import annotations


class RenderError(Exception):
    """A page, map or download could not be produced.

    `message` says why and what to do, in Chinese, naming the map, table or file; `unit` and
    `path` (a docs-relative output file) say where, when known.
    """

    def __init__(self, message: str, *, path: str | None = None, unit: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.unit = unit

    def __str__(self) -> str:
        where = "，".join(w for w in (f"单位 {self.unit}" if self.unit else "",
                                      f"文件 {self.path}" if self.path else "") if w)
        return f"{self.message}（{where}）" if where else self.message
