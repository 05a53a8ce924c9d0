"""The commands for changes by pull request: `bscportal diff`, `bscportal new unit|period|article`,
and the changed-lines filter of `check --changed-since`. Registered on the `bscportal` group by
`cli.py`; like it, a thin shell over the library that prints and exits."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Callable

import click

from .cli_common import (LanguageCommand, LanguageGroup, content_folder, default_format,
                         print_problems)
from .i18n import tr, tr_n
from .problems import Problem

if TYPE_CHECKING:
    from .scaffold import Plan


def on_changed_lines(path: Path, since: str, problems: list[Problem]) -> list[Problem]:
    """Errors, and warnings on lines changed since `since` (for annotations on a pull request)."""
    from .diff.revision import Repo, RevisionError

    repo = Repo.find(path)
    if repo is None:
        raise click.UsageError(tr("--changed-since：{path} 不在 git 仓库里", path=path))
    try:
        changed = repo.changed_lines(repo.resolve(since))
    except RevisionError as exc:
        raise click.UsageError(str(exc)) from None

    def shown(p: Problem) -> bool:
        rel = repo.repo_path(p.path)
        if p.is_error or rel not in changed:
            return p.is_error
        lines = changed[rel]
        return lines is None or p.line in lines

    kept = [p for p in problems if shown(p)]
    if len(kept) < len(problems):
        hidden = len(problems) - len(kept)
        click.echo(tr_n("另有 {n} 条警告在 {since} 以来没有改动的行上，未列出",
                        "另有 {n} 条警告在 {since} 以来没有改动的行上，未列出", hidden,
                        n=hidden, since=since), err=True)
    return kept


@click.command("diff", cls=LanguageCommand)
@click.argument("base")
@click.argument("head", required=False)
@click.option("--path", type=click.Path(file_okay=False, path_type=Path), default="scorecards",
              show_default=True, help="The scorecards folder (inside a git checkout).")
@click.option("--format", "fmt", type=click.Choice(["markdown", "text", "json"]), default=None,
              help="markdown (for a pull-request comment; the default when piped), text (the "
                   "default on a terminal), json.")
@click.option("--edition", type=click.Choice(["internal", "public"]), default="internal",
              show_default=True, help="public: leave out every change only the internal edition shows.")
def diff_cmd(base: str, head: str | None, path: Path, fmt: str | None, edition: str) -> None:
    """What changed between git revisions BASE and HEAD (default: the working tree), in
    scorecard terms, grouped by unit: objectives, links, measures, targets, weights, rules,
    results (a closed period's result rewritten is a warning), people (internal).

    \b
    Example:
      bscportal diff main
      bscportal diff origin/main HEAD --format markdown > diff.md
    """
    from .diff import RevisionError, diff_revisions, render

    if not path.is_dir():
        raise click.UsageError(tr("找不到文件夹 {path}（--path: no such folder）", path=path))
    chosen = fmt or ("text" if sys.stdout.isatty() else "markdown")
    try:
        comparison = diff_revisions(path, base, head)
    except RevisionError as exc:
        click.echo(str(exc), err=True)
        sys.exit(1)
    click.echo(render(comparison, chosen, edition), nl=False)


@click.group("new", cls=LanguageGroup)
def new() -> None:
    """Start something from a skeleton that passes `check` at once: a unit, a period, an article.

    Nothing that exists is overwritten: a second run refuses and changes nothing.
    """


def _scaffold(plan_of: Callable[[], "Plan"], path: Path, content: Path | None) -> None:
    """Write a scaffold's plan, say what was written, then `check` the files it wrote."""
    from .check import check_tree
    from .problems import display_path
    from .scaffold import ScaffoldError, apply

    try:
        plan = plan_of()
        apply(plan)
    except ScaffoldError as exc:
        click.echo(str(exc), err=True)
        sys.exit(1)
    for w in plan.writes:
        shown = display_path(w.path)
        click.echo(tr("已创建 {path}", path=shown) if w.create else tr("已修改 {path}", path=shown))
    for note in plan.notes:
        click.echo(note)
    written = {display_path(w.path) for w in plan.writes}
    result = check_tree(path, content_folder(path, content))
    mine = [p for p in result.problems if p.path in written]
    print_problems(mine, default_format())
    sys.exit(1 if any(p.is_error for p in mine) else 0)


_path_option = click.option("--path", type=click.Path(file_okay=False, path_type=Path),
                            default="scorecards", show_default=True, help="The scorecards folder.")


@new.command("unit")
@click.argument("unit_id", metavar="ID")
@click.option("--name", required=True, help="The unit's name, e.g. 市林业局")  # i18n: data
@click.option("--kind", required=True, help="The unit kind (an id of kinds in city.yml), e.g. department")
@click.option("--stage", default=None, help="The rollout stage (default: the first stage).")
@_path_option
def new_unit(unit_id: str, name: str, kind: str, stage: str | None, path: Path) -> None:
    """A registry entry and a unit folder (unit.yml, map.yml, measures.yml) from the city's defaults.

    \b
    Example:
      bscportal new unit forestry-bureau --name 市林业局 --kind department
    """
    from .scaffold.unit import plan_unit

    _scaffold(lambda: plan_unit(path, unit_id, name, kind, stage), path, None)


@new.command("period")
@click.argument("unit")
@click.argument("period")
@_path_option
def new_period(unit: str, period: str, path: Path) -> None:
    """A new assessment period for UNIT: the rules entry if missing, the scale copied from the
    previous period with its weights, and a results file with every assessed measure as null.

    \b
    Example:
      bscportal new period hainan-township 2010
    """
    from .scaffold.period import plan_period

    _scaffold(lambda: plan_period(path, unit, period), path, None)


@new.command("article")
@click.option("--title", required=True, help="The article's title.")
@click.option("--unit", default=None, help="A unit id (the article is listed on that unit's page).")
@click.option("--slug", default=None, help="The file name (ASCII, default: the unit id); the year and month are put in front.")
@click.option("--author", default=None, help="The author (default: the unit's name).")
@_path_option
@click.option("--content", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder with articles/ (default: content next to --path).")
def new_article(title: str, unit: str | None, slug: str | None, author: str | None, path: Path,
                content: Path | None) -> None:
    """An experience article in CONTENT/articles with its information block filled in.

    \b
    Example:
      bscportal new article --title 我们怎样确定考核权重 --unit hainan-township --slug weights
    """
    from .scaffold.article import plan_article

    folder = content_folder(path, content)
    _scaffold(lambda: plan_article(path, folder, title, unit, slug, author), path, content)


@click.command("init", cls=LanguageCommand)
@click.argument("folder", metavar="DIR", type=click.Path(path_type=Path))
@click.option("--name", required=True, help="The city's (county's, bureau's) name, e.g. Springfield.")
@click.option("--language", type=click.Choice(["zh", "en"]), default="zh", show_default=True,
              help="The portal's language: its interface, example data and comments.")
def init_cmd(folder: Path, name: str, language: str) -> None:
    """A new portal repository in DIR (a new or empty folder) that passes `check` and builds at
    once: city settings, a registry with one example unit, a glossary, an article, an about
    page, a README with the portal's two commands, CI and pre-commit files.

    \b
    Example:
      bscportal init hailin-portal --name 海林市
      bscportal init springfield --name Springfield --language en
    """
    from .i18n import Language, language_from_env, set_language, use_language
    from .scaffold import ScaffoldError
    from .scaffold.portal import init_portal
    from .schema import atomic_write, render_vscode_settings, write_schemas

    chosen: Language = "en" if language == "en" else "zh"
    if not (click.get_current_context().find_root().params.get("lang") or language_from_env()):
        set_language(chosen)     # messages in the new portal's language

    def editor_support(root: Path) -> None:
        """The JSON Schema of every file kind and VS Code's settings that use it (`bscportal schema`)."""
        with use_language(chosen):
            write_schemas(root / "scorecards" / "schema")
            atomic_write(root / ".vscode" / "settings.json", render_vscode_settings("scorecards/schema"))

    try:
        portal = init_portal(folder, name, language, extra=editor_support)
    except ScaffoldError as exc:
        click.echo(str(exc), err=True)
        sys.exit(1)
    n = len(portal.files)
    click.echo(tr_n("已在 {path} 建立门户“{name}”：{n} 个文件", "已在 {path} 建立门户“{name}”：{n} 个文件",
                    n, path=folder, name=name, n=n))
    click.echo(tr("下一步：cd {path}，然后 make serve（安装 bscportal 并预览）或 bscportal check scorecards"
                  "（检查数据）；说明见 README.md", path=folder))
