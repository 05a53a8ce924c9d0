"""One problem type for everything `check` reports, and the formatters that print it.

Every stage (YAML loading, schema validation, cross-reference rules) yields `Problem`s; only
`cli.py` prints them or decides the exit status.
"""
from __future__ import annotations

import enum
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from .i18n import current, tr, tr_n


class Severity(str, enum.Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    col: int
    severity: Severity = field(compare=False)
    code: str = field(compare=True)
    message: str = field(compare=True)
    unit: str | None = field(default=None, compare=False)
    #: a spreadsheet cell (`Sheet!B7`) in place of line:col, for problems in a workbook
    cell: str | None = field(default=None, compare=False)

    @property
    def where(self) -> str:
        """`line:col`, or the workbook cell (`Sheet!B7`)."""
        return self.cell if self.cell is not None else f"{self.line}:{self.col}"

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def with_severity(self, severity: Severity) -> "Problem":
        return Problem(self.path, self.line, self.col, severity, self.code, self.message, self.unit,
                       self.cell)


@dataclass(frozen=True)
class Mark:
    """A position in a source file (1-based line and column)."""

    path: str
    line: int = 1
    col: int = 1

    def problem(self, code: str, message: str, severity: Severity = Severity.ERROR,
                unit: str | None = None) -> Problem:
        return Problem(self.path, self.line, self.col, severity, code, message, unit)


def display_path(path: Path | str) -> str:
    """A path as printed in messages: relative to the working directory where possible."""
    p = Path(path)
    try:
        return p.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return p.as_posix()


def format_text(problems: Iterable[Problem]) -> str:
    """`path:line:col: severity: message [CODE]`, the form compilers use (`path:Sheet!B7: …` in a
    workbook)."""
    return "\n".join(
        f"{p.path}:{p.where}: {p.severity.value}: {p.message} [{p.code}]" for p in problems
    )


def _gh_escape(text: str, prop: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def format_github(problems: Iterable[Problem]) -> str:
    """GitHub Actions workflow commands, so problems show as annotations on the PR diff."""
    lines = []
    for p in problems:
        kind = "error" if p.is_error else "warning"
        lines.append(
            f"::{kind} file={_gh_escape(p.path, True)},line={p.line},col={p.col},"
            f"title={_gh_escape(p.code, True)}::{_gh_escape(p.message)}"
        )
    return "\n".join(lines)


def format_json(problems: Iterable[Problem]) -> str:
    return json.dumps(
        [
            {"path": p.path, "line": p.line, "col": p.col, "severity": p.severity.value,
             "code": p.code, "message": p.message, "unit": p.unit,
             **({"cell": p.cell} if p.cell is not None else {})}
            for p in problems
        ],
        ensure_ascii=False,
        indent=2,
    )


def format_gitlab(problems: Iterable[Problem]) -> str:
    """A GitLab Code Quality report (Code Climate JSON), so a merge request shows the problems
    (`artifacts: reports: codequality:`)."""
    return json.dumps([
        {"description": f"{p.message} [{p.code}]", "check_name": p.code,
         "fingerprint": hashlib.sha256(f"{p.path}:{p.line}:{p.col}:{p.code}:{p.message}".encode()).hexdigest(),
         "severity": "major" if p.is_error else "minor",
         "location": {"path": p.path, "lines": {"begin": p.line}}}
        for p in problems], ensure_ascii=False, indent=2)


FORMATTERS = {"text": format_text, "github": format_github, "json": format_json, "gitlab": format_gitlab}


def summary(problems: list[Problem]) -> str:
    errors = sum(1 for p in problems if p.is_error)
    warnings = len(problems) - errors
    counts = tr("{errors}，{warnings}",
                errors=tr_n("{n} 个错误", "{n} 个错误", errors, n=errors),
                warnings=tr_n("{n} 个警告", "{n} 个警告", warnings, n=warnings))
    if current() == "en":
        return counts
    # the counts in English too, for whoever searches a log for them
    return f"{counts} ({errors} error(s), {warnings} warning(s))"
