"""What the CLI modules share: the output format of problems, printing them, the content folder."""
from __future__ import annotations

import os
from pathlib import Path

import click

from .problems import FORMATTERS, Problem


def default_format() -> str:
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"


def print_problems(problems: list[Problem], fmt: str) -> None:
    if problems:
        click.echo(FORMATTERS[fmt](problems))


def content_folder(path: Path, content: Path | None) -> Path:
    """The articles' content folder: `--content` as given (it must exist), else `content` next
    to the scorecards folder (for `scorecards` that is `content`; it may be missing: no articles)."""
    if content is not None:
        if not content.is_dir():
            raise click.UsageError(f"找不到文章文件夹 {content}（--content: no such folder）")
        return content
    base = path if path.name not in ("", ".", "..") else path.resolve()
    return base.parent / "content"
