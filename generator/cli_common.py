"""What the CLI modules share: the output format of problems, printing them, the content folder."""
from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Callable, TypeVar

import click

from .i18n import DEFAULT, Language, language_from_env, process_language, set_language, tr
from .load.language import city_language
from .problems import FORMATTERS, Problem


F = TypeVar("F", bound=Callable[..., object])


def _as_of(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(tr("“{value}”不是日期：请写成 YYYY-MM-DD，如 2010-03-31",
                                    value=value)) from None


def as_of_option(f: F) -> F:
    """`--as-of YYYY-MM-DD`: the date overdue items and statuses are judged by (default today)."""
    return click.option("--as-of", "as_of", default=None, metavar="YYYY-MM-DD", callback=_as_of,
                        help="Judge overdue items, action statuses and reporting as of this date "
                             "(default: today, or SOURCE_DATE_EPOCH).")(f)


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
            raise click.UsageError(tr("找不到文章文件夹 {folder}（--content: no such folder）",
                                      folder=content))
        return content
    base = path if path.name not in ("", ".", "..") else path.resolve()
    return base.parent / "content"


def choose_language(ctx: click.Context) -> Language:
    """The CLI's language: `--lang`, else the usual locale variables (LANGUAGE, LC_ALL,
    LC_MESSAGES, LANG) when they name a language we have, else the city's `settings.language`
    (from the command's `--path`/PATH, default `scorecards`), else Chinese."""
    root = ctx.find_root()
    explicit: Language | None = root.params.get("lang") or language_from_env()
    if explicit:
        return explicit
    path = ctx.params.get("path")
    folder = path if isinstance(path, Path) else Path(path) if isinstance(path, str) else Path("scorecards")
    return city_language(folder) or DEFAULT


class LanguageCommand(click.Command):
    """A command that runs in its language (`choose_language`): set for the whole process
    (threads it starts included) while it runs, and put back afterwards (a test runner that
    invokes several commands in one process sees each in its own language)."""

    def invoke(self, ctx: click.Context) -> object:
        before = process_language()
        set_language(choose_language(ctx))
        try:
            return super().invoke(ctx)
        finally:
            set_language(before)


class LanguageGroup(click.Group):
    """A group whose commands and subgroups settle the language before they run."""

    command_class = LanguageCommand
    group_class = type
