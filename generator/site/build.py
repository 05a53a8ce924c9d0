"""`bscportal build`: check → render → stage → `mkdocs build`, one edition at a time.

Each edition gets its own staging folder (`<stage_root>/<edition>/docs`, plus its mkdocs.yml and
jieba user dictionary) and its own output folder (`<out>/<edition>`), so nothing of the internal
edition can reach the public one. Check errors (the scorecards' and the articles') stop the build
before anything is written.

The output is atomic and locked (`publish`): MkDocs writes each edition into a new folder beside
`<out>/<edition>`, which replaces the previous site in one step only once MkDocs has finished; a
failed or killed build leaves the previous site exactly as it was. The output folder and the
staging folder are locked for the whole build, so a second build into either stops with a message.
"""
from __future__ import annotations

import logging
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

import yaml

from ..check import check_tree
from ..diff.history import History
from ..model import City
from ..problems import Problem
from ..render import render_edition
from ..load.articles import Article
from ..render.edition import EDITION_NAMES, EDITIONS, Edition
from ..render.errors import RenderError
from ..render.maps import MapRenderer
from ..render.searchdict import user_dict
from . import gitdates, history
from .errors import BuildError
from .mkdocs_config import BASE_CONFIG, THEME_DIR, dump, edition_config
from .publish import OutputLock, publish
from .stage import StageReport, stage, write_if_changed

DEFAULT_STAGE = Path(".stage")
DEFAULT_CACHE = Path(".cache")


@dataclass
class Prepared:
    """What every edition is rendered from: the checked city and its surroundings."""

    city: City
    articles: list[Article]
    updated: dict[str, str]
    repo_paths: dict[str, str]
    pages_dir: Path | None
    warnings: list[Problem] = field(default_factory=list)
    #: each edition's revision history (from git)
    history: dict[Edition, History] = field(default_factory=dict)


@dataclass
class EditionReport:
    edition: Edition
    out_dir: Path
    pages: int
    search_index_bytes: int
    seconds: float
    staged: StageReport
    mkdocs_warnings: list[str]
    #: of `seconds`: our step (render + stage) and `mkdocs build`
    render_seconds: float = 0.0
    mkdocs_seconds: float = 0.0


def prepare(scorecards_root: Path, content_root: Path, cache_root: Path | None = None) -> Prepared:
    """check (scorecards and articles) + git dates and history; raises `BuildError` on any
    error. Compared commits are cached under `cache_root` (None: not cached)."""
    result = check_tree(scorecards_root, content_root)
    if not result.ok or result.city is None:
        raise BuildError("数据或经验文章有错误，未生成网站：请先修正上面的错误（bscportal check）",
                         result.errors or result.problems)
    city = result.city
    paths = sorted({p for u in city.units.values() for p in u.files.values()})
    pages_dir = Path(content_root) / "pages"
    return Prepared(
        city=city,
        articles=list(result.articles),
        updated=gitdates.unit_dates(Path(scorecards_root), list(city.units)),
        repo_paths=gitdates.repo_paths(paths, Path(scorecards_root)),
        pages_dir=pages_dir if pages_dir.is_dir() else None,
        warnings=[p for p in result.problems if not p.is_error],
        history=history.histories(Path(scorecards_root), city, cache_root),
    )


def stage_edition(prep: Prepared, edition: Edition, stage_root: Path, site_dir: Path,
                  maps: MapRenderer, theme_dir: Path = THEME_DIR) -> tuple[Path, StageReport]:
    """Render and stage one edition; returns the path of its mkdocs.yml and what changed.

    Raises `BuildError` when a page, map or download cannot be rendered or the base mkdocs.yml
    cannot be read (nothing of this edition is staged then)."""
    folder = stage_root / edition
    try:
        site, files = render_edition(prep.city, edition, articles=prep.articles, updated=prep.updated,
                                     maps=maps, pages_dir=prep.pages_dir, repo_paths=prep.repo_paths,
                                     history=prep.history.get(edition))
    except RenderError as exc:
        raise BuildError(f"未能生成{EDITION_NAMES[edition]}：{exc}") from None
    dict_path = folder / "jieba_user_dict.txt"
    cfg = edition_config(prep.city, edition, docs_dir=folder / "docs", site_dir=site_dir,
                         user_dict=dict_path, theme_dir=theme_dir)
    report = stage(files, folder / "docs")
    write_if_changed(dict_path, user_dict(site.city).encode("utf-8"))
    config_path = folder / "mkdocs.yml"
    write_if_changed(config_path, dump(cfg).encode("utf-8"))
    return config_path, report


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def mkdocs_build(config_path: Path, **overrides: str) -> list[str]:
    """Run `mkdocs build` in this process; returns MkDocs' warnings.

    A configuration error (the base mkdocs.yml), a broken theme template or any error MkDocs
    reports raises `BuildError` with what MkDocs said."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    import jieba
    import jinja2
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    jieba.setLogLevel(logging.WARNING)
    _plain_jieba()
    log = logging.getLogger("mkdocs")
    handler = _Collect()
    old_propagate, old_level = log.propagate, log.level
    log.addHandler(handler)
    log.propagate = False
    log.setLevel(logging.INFO)
    try:
        config = load_config(config_file=str(config_path), **overrides)
        build(config)
    except (MkDocsException, jinja2.TemplateError, yaml.YAMLError) as exc:
        raise BuildError(_mkdocs_failure(exc, handler.messages)) from None
    finally:
        log.removeHandler(handler)
        log.propagate, log.level = old_propagate, old_level
    return handler.messages


#: jieba's word frequencies and their total as read from its own dictionary (see `_plain_jieba`)
_JIEBA_PLAIN: tuple[dict[str, int], int] | None = None


def _plain_jieba() -> None:
    """Give jieba's global tokenizer back its own dictionary, without any user dictionary.

    Material's search plugin loads each edition's user dictionary into `jieba.dt` (the tokenizer
    behind `jieba.cut`) and nothing removes it, so a build would segment, and index, its text
    with the words of every edition built before it in this process (the internal edition's
    names in the public index). Called before every `mkdocs build`."""
    global _JIEBA_PLAIN
    import jieba
    import jieba.finalseg

    dt = jieba.dt
    if _JIEBA_PLAIN is None:
        # an uninitialised `dt` has not been given any word yet; otherwise read the file afresh
        plain = dt if not dt.initialized else jieba.Tokenizer()
        plain.check_initialized()
        _JIEBA_PLAIN = dict(plain.FREQ), plain.total
    freq, total = _JIEBA_PLAIN
    with dt.lock:
        dt.dictionary = jieba.DEFAULT_DICT
        dt.FREQ, dt.total = dict(freq), total
        dt.user_word_tag_tab = {}
        dt.initialized = True
    jieba.finalseg.Force_Split_Words.clear()   # words a user dictionary gave frequency 0


def _mkdocs_failure(exc: Exception, logged: list[str]) -> str:
    """One message for a failed `mkdocs build`: what MkDocs logged, then the error itself."""
    import jinja2

    if isinstance(exc, jinja2.TemplateSyntaxError):
        said = f"主题模板 {exc.filename or exc.name} 第 {exc.lineno} 行有语法错误：{exc.message}"
    elif isinstance(exc, jinja2.TemplateError):
        said = f"主题模板出错：{exc}"
    else:
        said = str(exc)
    details = [m for m in logged[-10:] if m.strip() and m.strip() != said]
    lines = [f"MkDocs 未能生成网站：{said}", *(f"  {m}" for m in details),
             f"请检查 {BASE_CONFIG.name}（网站配置）和 theme/ 文件夹（主题）里的改动。"]
    return "\n".join(lines)


def count_pages(site_dir: Path) -> int:
    return sum(1 for p in site_dir.rglob("*.html") if p.name != "404.html")


def search_index_size(site_dir: Path) -> int:
    index = site_dir / "search" / "search_index.json"
    return index.stat().st_size if index.is_file() else 0


def edition_of(name: str) -> Edition:
    """The edition called `name` (as typed on the command line); `BuildError` if there is none."""
    known: dict[str, Edition] = {e: e for e in EDITIONS}
    if name not in known:
        raise BuildError(f"未知的版本 {name!r}：可用 public、internal")
    return known[name]


def build_editions(scorecards_root: Path | str, content_root: Path | str, out_dir: Path | str,
                   editions: Iterable[str] = EDITIONS, *, stage_root: Path | str = DEFAULT_STAGE,
                   cache_root: Path | str | None = DEFAULT_CACHE,
                   theme_dir: Path = THEME_DIR) -> tuple[Prepared, list[EditionReport]]:
    """check, then per edition: render and stage, `mkdocs build` into a new folder, swap it in.

    Check errors stop it before anything is written. Staging and MkDocs run under the locks of
    `out_dir` and `stage_root` (`BuildError` if another build holds either). An edition whose
    build fails keeps its previous site; editions built before it in this call are already
    published."""
    chosen = [edition_of(e) for e in editions]
    prep = prepare(Path(scorecards_root), Path(content_root),   # read-only: nothing written yet
                   Path(cache_root) if cache_root is not None else None)
    with OutputLock(Path(out_dir), "写入"), OutputLock(Path(stage_root), "使用暂存文件夹"):
        maps = MapRenderer(Path(cache_root) / "maps" if cache_root is not None else None)
        reports = []
        for edition in chosen:
            started = time.perf_counter()
            site_dir = Path(out_dir) / edition
            config_path, staged = stage_edition(prep, edition, Path(stage_root), site_dir, maps, theme_dir)
            rendered = time.perf_counter()
            warnings = publish(site_dir, lambda new: mkdocs_build(config_path, site_dir=str(new.resolve())))
            done = time.perf_counter()
            reports.append(EditionReport(edition, site_dir, count_pages(site_dir), search_index_size(site_dir),
                                         done - started, staged, warnings, rendered - started, done - rendered))
    return prep, reports


def format_report(prep: Prepared, reports: list[EditionReport], seconds: float) -> str:
    lines = []
    for r in reports:
        lines.append(
            f"{r.edition}: {r.pages} 个页面 → {r.out_dir}；搜索索引 {r.search_index_bytes / 1e6:.2f} MB；"
            f"{r.seconds:.1f} s（生成 {r.render_seconds:.1f} s + MkDocs {r.mkdocs_seconds:.1f} s；暂存：写入 {len(r.staged.written)}，未变 {r.staged.unchanged}，"
            f"删除 {len(r.staged.deleted)}）")
        for w in r.mkdocs_warnings[:20]:
            lines.append(f"  MkDocs 警告：{w}")
        if len(r.mkdocs_warnings) > 20:
            lines.append(f"  …… 另有 {len(r.mkdocs_warnings) - 20} 条 MkDocs 警告")
    units = len(prep.city.units)
    warn = f"；{len(prep.warnings)} 条检查警告（bscportal check 查看）" if prep.warnings else ""
    lines.append(f"共 {units} 个单位、{len(prep.articles)} 篇文章{warn}；总用时 {seconds:.1f} s")
    return "\n".join(lines)


def build_site(scorecards_root: Path | str, content_root: Path | str, out_dir: Path | str,
               editions: Iterable[str] = EDITIONS, *, stage_root: Path | str = DEFAULT_STAGE,
               cache_root: Path | str | None = DEFAULT_CACHE) -> str:
    """Build the editions into `out_dir/<edition>`; returns a printable report.

    Raises `BuildError` (with the problems) when `check` or the articles have errors.
    """
    started = time.perf_counter()
    prep, reports = build_editions(scorecards_root, content_root, out_dir, editions,
                                   stage_root=stage_root, cache_root=cache_root)
    return format_report(prep, reports, time.perf_counter() - started)
