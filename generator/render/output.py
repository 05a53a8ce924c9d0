"""`Output`, one staged file, and `page`, which renders a template into one."""
from __future__ import annotations

from dataclasses import dataclass

from .jinja import render


@dataclass(frozen=True)
class Output:
    """One staged file: a docs-relative POSIX path and its bytes."""

    path: str
    data: bytes


def page(template: str, path: str, **context: object) -> Output:
    """Render `templates/<template>` as the Markdown page `path`."""
    return Output(path, render(template, path, **context).encode("utf-8"))
