"""The error every site step raises for a failure the user can fix (printed by the CLI, exit 1)."""
from __future__ import annotations

from ..problems import Problem


class BuildError(Exception):
    """The build stopped; the message (Chinese) and `problems` (as `check` prints them) say why."""

    def __init__(self, message: str, problems: list[Problem] | None = None) -> None:
        super().__init__(message)
        self.problems = problems or []
