"""The `bscportal` command: a thin shell over the library; only the CLI modules (this one and
`cli_changes.py`, with `cli_common.py`) print or exit."""
from __future__ import annotations

import datetime as dt
import sys
import time
from pathlib import Path

import click

from .cli_changes import diff_cmd, init_cmd, new, on_changed_lines
from .cli_common import LanguageGroup, as_of_option
from .cli_common import content_folder as _content_folder
from .cli_common import default_format as _default_format
from .cli_common import print_problems as _print_problems
from .i18n import LANGUAGES, list_sep, record_sep, tr, tr_n
from .problems import FORMATTERS, summary


@click.group(cls=LanguageGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="bscportal")
@click.option("--lang", type=click.Choice(LANGUAGES), default=None,
              help="Language of messages (default: the locale variables, else the city's "
                   "settings.language, else zh).")
def main(lang: str | None) -> None:
    """平衡计分卡门户生成器 — balanced-scorecard portal generator.

    \b
    Example:
      bscportal check scorecards
      bscportal build --edition all --out site
    """


@main.command()
@click.argument("path", type=click.Path(file_okay=False, path_type=Path), default="scorecards")
@click.option("--format", "fmt", type=click.Choice(sorted(FORMATTERS)), default=None,
              help="Output format: text (path:line:col: severity: message), github (Actions annotations), json.")
@click.option("--strict", is_flag=True, help="Exit 1 on warnings too.")
@click.option("--quiet", "-q", is_flag=True, help="Print errors only.")
@click.option("--content", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder with articles/ (default: content next to PATH).")
@click.option("--changed-since", "since", default=None, metavar="REV",
              help="Print warnings only on lines changed since git revision REV (a pull request's "
                   "base); errors are always printed. The exit status still counts every problem.")
@as_of_option
def check(path: Path, fmt: str | None, strict: bool, quiet: bool, content: Path | None,
          since: str | None, as_of: dt.date | None) -> None:
    """Load and validate every YAML file under PATH (default: scorecards) and the experience
    articles under CONTENT/articles.

    Exit status: 0 no errors (warnings allowed), 1 errors, 2 usage error.

    \b
    Example:
      bscportal check scorecards --format github
    """
    from .check import check_tree
    from .site.portal import Portal, config_problems

    if not path.is_dir():
        raise click.UsageError(tr("找不到文件夹 {path}（no such folder）", path=path))
    if not (path / "city.yml").is_file():
        raise click.UsageError(tr("{path} 里没有 city.yml：请指定整个数据文件夹（如 scorecards），"
                                  "不是某个单位的文件夹", path=path))
    content = _content_folder(path, content)
    started = time.perf_counter()
    result = check_tree(path, content, as_of)
    result.problems.extend(config_problems(Portal.of(path)))   # the portal's own mkdocs.yml
    problems = [p for p in result.problems if p.is_error] if quiet else result.problems
    if since is not None:
        problems = on_changed_lines(path, since, problems)
    _print_problems(problems, fmt or _default_format())
    units = len(result.city.units) if result.city else 0
    articles = len(result.articles)
    click.echo(summary(result.problems) + record_sep()
               + tr_n("{n} 个单位", "{n} 个单位", units, n=units) + list_sep()
               + tr_n("{n} 篇文章", "{n} 篇文章", articles, n=articles) + record_sep()
               + tr("用时 {seconds:.2f} s", seconds=time.perf_counter() - started), err=True)
    failed = bool(result.errors) or result.city is None or (strict and result.problems)
    sys.exit(1 if failed else 0)


@main.command()
@click.option("--out", type=click.Path(path_type=Path), default=Path("scorecards/schema"),
              show_default=True, help="Folder for one JSON Schema per file kind.")
@click.option("--vscode", type=click.Path(path_type=Path), default=Path(".vscode/settings.json"),
              show_default=True, help="VS Code settings that map YAML files to the schemas.")
def schema(out: Path, vscode: Path) -> None:
    """Write the JSON Schema of every YAML file kind (for editor completion and inline errors)."""
    from .schema import atomic_write, render_vscode_settings, write_schemas

    written = write_schemas(out)
    atomic_write(vscode, render_vscode_settings(out.as_posix()))
    click.echo(f"wrote {len(written)} schema files to {out} and {vscode}")


@main.command("docs")
@click.option("--out", type=click.Path(path_type=Path), default=Path("docs"), show_default=True)
def docs_cmd(out: Path) -> None:
    """Write the editors' reference (format.md, rules.md) generated from the model and rules."""
    from .reference import write_reference

    written = write_reference(out)
    click.echo(f"wrote {', '.join(str(p) for p in written)}")


@main.command()
@click.argument("unit")
@click.argument("period")
@click.option("--path", type=click.Path(file_okay=False, path_type=Path), default="scorecards")
def score(unit: str, period: str, path: Path) -> None:
    """Print a unit's scored assessment scale for a period as a table.

    \b
    Example:
      bscportal score hainan-township 2008
    """
    from .check import check_tree
    from .render.score_text import format_unit_score

    result = check_tree(path)
    city = result.city
    if city is None:
        _print_problems(result.errors, _default_format())
        click.echo(tr("数据有错误，无法计分：请先修正上面的错误（bscportal check）"), err=True)
        sys.exit(1)
    if unit not in city.units:
        raise click.UsageError(tr("没有单位 `{unit}`；可用：{choices} …", unit=unit,
                                  choices=", ".join(sorted(city.units)[:10])))
    u = city.units[unit]
    # errors elsewhere in the city do not stop scoring this unit; its own errors (or the
    # city-level files') do
    own = [p for p in result.errors if p.unit == unit or not p.unit and (
        u.folder and p.path.startswith(u.folder + "/") or "/units/" not in p.path)]
    if own:
        _print_problems(own, _default_format())
        click.echo(tr("{unit} 的数据有错误，无法计分：请先修正上面的错误（bscportal check）",
                      unit=u.name), err=True)
        sys.exit(1)
    if period not in u.period_index:
        raise click.UsageError(tr("{unit} 没有考核期 `{period}`；可用：{choices}", unit=u.name,
                                  period=period, choices=", ".join(u.period_index)))
    if period not in u.scales or period not in u.results:
        click.echo(tr("{unit} {period}：没有考核量表或考核结果（no scale or results）", unit=u.name,
                      period=period), err=True)
        sys.exit(1)
    click.echo(format_unit_score(u, period))


@main.command()
@click.option("--edition", type=click.Choice(["public", "internal", "all"]), default="all", show_default=True)
@click.option("--out", type=click.Path(path_type=Path), default=None,
              help="Output folder; each edition goes to OUT/<edition> (default: site in the portal "
                   "folder, next to --path).")
@click.option("--path", type=click.Path(file_okay=False, path_type=Path), default="scorecards")
@click.option("--content", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder with articles/ and pages/ (default: content next to --path).")
@as_of_option
def build(edition: str, out: Path | None, path: Path, content: Path | None, as_of: dt.date | None) -> None:
    """check → generate Markdown/SVG/JSON per edition → mkdocs build.

    Stops before writing anything when `check` finds errors (in the scorecards or the
    articles). Exit status: 0 built, 1 errors, 2 usage error.

    \b
    Example:
      bscportal build --edition public --out site
      bscportal build --as-of 2010-08-31      # 督办: what is overdue on that date
    """
    from .site.build import BuildError, build_site

    if not path.is_dir():
        raise click.UsageError(tr("找不到文件夹 {path}（--path: no such folder）", path=path))
    content = _content_folder(path, content)
    out = out if out is not None else path.resolve().parent / "site"
    try:
        report = build_site(path, content, out, editions=_editions(edition), as_of=as_of)
    except BuildError as exc:
        _print_problems(exc.problems, _default_format())
        click.echo(str(exc), err=True)
        sys.exit(1)
    click.echo(report)


@main.command()
@click.option("--edition", type=click.Choice(["public", "internal"]), default="internal", show_default=True)
@click.option("--addr", default="127.0.0.1:8000", show_default=True)
@click.option("--path", type=click.Path(file_okay=False, path_type=Path), default="scorecards")
@click.option("--content", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder with articles/ and pages/ (default: content next to --path).")
def serve(edition: str, addr: str, path: Path, content: Path | None) -> None:
    """Serve the portal with live reload on edits to scorecards/, content/, theme/ and mkdocs.yml."""
    from .site.build import BuildError
    from .site.serve import serve_site

    content = _content_folder(path, content)
    try:
        serve_site(path, content, edition=edition, addr=addr)
    except BuildError as exc:
        _print_problems(exc.problems, _default_format())
        click.echo(str(exc), err=True)
        sys.exit(1)
    except OSError as exc:  # most often: the port is taken by another server
        click.echo(tr("无法在 {addr} 启动预览服务：{reason}。请换一个端口，如 --addr 127.0.0.1:8001",
                      addr=addr, reason=exc.strerror or exc), err=True)
        sys.exit(1)


@main.group()
def export() -> None:
    """Write workbooks (Excel) to revise a unit's system or to report a period's values."""


def _export_failed(exc: Exception, problems: list) -> None:
    _print_problems(problems, _default_format())
    click.echo(str(exc), err=True)
    sys.exit(1)


def _scorecards(path: Path) -> Path:
    if not (path / "city.yml").is_file():
        raise click.UsageError(tr("{path} 里没有 city.yml：请用 --path 指定整个数据文件夹（如 scorecards）",
                                  path=path))
    return path


@export.command("xlsx")
@click.argument("unit")
@click.option("-o", "--out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="The workbook to write (default: UNIT-system.xlsx).")
@click.option("--path", type=click.Path(file_okay=False, path_type=Path), default="scorecards")
def export_xlsx(unit: str, out: Path | None, path: Path) -> None:
    """Write a unit's scorecard system (unit, unit card, indicator cards, action plans, one sheet
    per assessment scale) as one workbook; change the yellow cells and `import xlsx` it back.

    \b
    Example:
      bscportal export xlsx hainan-township -o 海南乡体系.xlsx
    """
    from .exchange.export import ExportError, system_workbook
    from .files import atomic_write

    try:
        name, data = system_workbook(_scorecards(path), unit)
    except ExportError as exc:
        _export_failed(exc, exc.problems)
    atomic_write(out or Path(name), data)
    click.echo(tr("已写出 {path}", path=out or name))


@export.command("form")
@click.argument("unit")
@click.argument("period")
@click.option("-o", "--out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="The workbook to write (default: UNIT-PERIOD-form.xlsx).")
@click.option("--path", type=click.Path(file_okay=False, path_type=Path), default="scorecards")
def export_form(unit: str, period: str, out: Path | None, path: Path) -> None:
    """Write a unit's reporting form (填报表) for a period: every assessed and monitoring measure
    with an input cell for its actual value, bonus/deduction/veto items, a signature block.

    \b
    Example:
      bscportal export form hainan-township 2009
    """
    from .exchange.export import ExportError, form_workbook
    from .files import atomic_write

    try:
        name, data = form_workbook(_scorecards(path), unit, period)
    except ExportError as exc:
        _export_failed(exc, exc.problems)
    atomic_write(out or Path(name), data)
    click.echo(tr("已写出 {path}", path=out or name))


@export.command("forms")
@click.argument("period")
@click.option("-o", "--out", type=click.Path(path_type=Path), default=None,
              help="A folder, or a file ending in .zip (default: folder forms-PERIOD).")
@click.option("--path", type=click.Path(file_okay=False, path_type=Path), default="scorecards")
def export_forms(period: str, out: Path | None, path: Path) -> None:
    """Write the reporting form of every unit that has a scale for PERIOD, into a folder or a zip.

    \b
    Example:
      bscportal export forms 2009 -o 2009填报表.zip
    """
    from .exchange.export import ExportError, all_forms, zip_bytes
    from .files import atomic_write

    try:
        files, skipped = all_forms(_scorecards(path), period)
    except ExportError as exc:
        _export_failed(exc, exc.problems)
    target = out or Path(f"forms-{period}")
    if target.suffix.lower() == ".zip":
        atomic_write(target, zip_bytes(files))
    else:
        for name, data in sorted(files.items()):
            atomic_write(target / name, data)
    click.echo(tr_n("已写出 {n} 份填报表到 {target}", "已写出 {n} 份填报表到 {target}", len(files),
                    n=len(files), target=target))
    if skipped:
        click.echo(tr("这些单位的数据有错误，没有生成填报表（请运行 bscportal check）：{units}",
                      units=list_sep().join(skipped)), err=True)


@main.group("import")
def import_group() -> None:
    """Read workbooks made by `bscportal export` back into the YAML files."""


@import_group.command("xlsx")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--dry-run", is_flag=True, help="Show the changes without writing any file.")
@click.option("--unit", default=None, help="Refuse a workbook of any other unit.")
@click.option("--path", type=click.Path(file_okay=False, path_type=Path), default="scorecards")
@click.option("--format", "fmt", type=click.Choice(sorted(FORMATTERS)), default=None,
              help="How problems are printed (as for check).")
def import_xlsx(files: tuple[Path, ...], dry_run: bool, unit: str | None, path: Path, fmt: str | None) -> None:
    """Apply the changes of each workbook (all of them or, on any problem, none), keeping the
    YAML files' comments and layout; the result must pass check. Prints what changed.

    Exit status: 0 every workbook imported (or unchanged), 1 a workbook refused.

    \b
    Example:
      bscportal import xlsx 海南乡-2009-填报表.xlsx --dry-run
    """
    from .exchange.importer import import_workbook, summary

    root = _scorecards(path)
    failed = False
    for file in files:
        outcome = import_workbook(root, file, dry_run=dry_run, expect_unit=unit)
        if outcome.problems:
            _print_problems(outcome.problems, fmt or _default_format())
            click.echo(tr("{workbook}：没有导入，没有改动任何文件", workbook=outcome.workbook), err=True)
            failed = True
            continue
        click.echo("\n".join(summary(outcome, dry_run)))
    sys.exit(1 if failed else 0)


main.add_command(diff_cmd)
main.add_command(new)
main.add_command(init_cmd)


def _editions(edition: str) -> tuple[str, ...]:
    return ("public", "internal") if edition == "all" else (edition,)


if __name__ == "__main__":  # pragma: no cover
    main()
