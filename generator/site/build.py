"""`bscportal build`: check → render → stage → `mkdocs build`, the two editions side by side.

Each edition gets its own staging folder (`<stage_root>/<edition>/docs`, plus its mkdocs.yml and
jieba user dictionary) and its own output folder (`<out>/<edition>`), so nothing of the internal
edition can reach the public one. Check errors (the scorecards' and the articles') stop the build
before anything is written.

The output is atomic and locked (`publish`): MkDocs writes each edition into a new folder beside
`<out>/<edition>`, which replaces the previous site in one step only once MkDocs has finished; a
failed or killed build leaves the previous site exactly as it was. The output folder and the
staging folder are locked for the whole build, so a second build into either stops with a message.

Staging and caches are in the portal's working folder (`<portal>/.bscportal/stage` and `cache`,
see `portal`), never in the current folder; the portal's own mkdocs.yml and theme/ are merged
over the package's.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import gc
import time
from dataclasses import dataclass, field
from pathlib import Path
from contextlib import contextmanager
from typing import Any, Callable, Iterable, Iterator

from ..check import check_tree
from ..diff.history import History
from ..i18n import N_, list_sep, record_sep, tr, tr_n
from ..model import City
from ..problems import Problem
from ..load.articles import Article
from ..load.tree import Reads
from ..render.edition import EDITION_NAMES, EDITIONS, Edition
from ..render.errors import RenderError
from ..render.maps import MapRenderer
from ..render.searchdict import user_dict
from . import gitdates, history
from .errors import BuildError
from ..i18n import use_language
from .mkdocs_config import THEME_DIR, dump, edition_config
from .editions import EditionReport, build_edition, in_parallel, manifest_file, use_render_caches
from .mkdocs_run import mkdocs_build, release_memory
from .portal import Portal, site_config, theme_folder
from .publish import OutputLock
from .segment import share_dictionaries
from .stage import StageReport, stage_stream, write_if_changed
from .unitreuse import UnitReuse, city_key, read_digests


class InPortal(enum.Enum):
    """The default of a working folder: the portal's (`Portal.stage`, `Portal.cache`)."""

    FOLDER = "portal"


DEFAULT_STAGE = InPortal.FOLDER
DEFAULT_CACHE = InPortal.FOLDER


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
    #: the date the site is "as of" (`--as-of`; None: today, or `SOURCE_DATE_EPOCH`)
    as_of: dt.date | None = None
    #: digests of what it read, taken before reading it (`unitreuse.read_digests`): a file
    #: saved while the build runs makes the next build's inputs differ from those this build
    #: records (the edition's manifest, `editions.inputs_of`; the units' keys, `unitreuse`)
    read: dict[str, str] = field(default_factory=dict)


def prepare(scorecards_root: Path, content_root: Path, cache_root: Path | None = None,
            as_of: dt.date | None = None, reads: Reads | None = None) -> Prepared:
    """check (scorecards and articles) + git dates and history; raises `BuildError` on any
    error. Compared commits are cached under `cache_root` (None: not cached); `as_of` is the
    date the site is built as of (overdue items, statuses; None: today); `reads` keeps parsed
    files for the next build in this process (`serve`)."""
    if reads is not None:   # check then knows each file's bytes without reading them again
        reads.digests = {}
    read = read_digests(Path(scorecards_root), Path(content_root), reads.digests if reads is not None else None)
    result = check_tree(scorecards_root, content_root, as_of, reads)
    if not result.ok or result.city is None:
        raise BuildError(tr("数据或经验文章有错误，未生成网站：请先修正上面的错误（bscportal check）"),
                         result.errors or result.problems)
    city = dataclasses.replace(result.city, locator=None)   # positions are for check's messages only
    paths = sorted({p for u in city.units.values() for p in u.files.values()})
    pages_dir = Path(content_root) / "pages"
    with use_language(city.info.settings.language):   # the history's labels are the site's
        revisions = history.histories(Path(scorecards_root), city, cache_root)
    return Prepared(
        city=city,
        articles=list(result.articles),
        updated=gitdates.unit_dates(Path(scorecards_root), list(city.units)),
        repo_paths=gitdates.repo_paths(paths, Path(scorecards_root)),
        pages_dir=pages_dir if pages_dir.is_dir() else None,
        warnings=[p for p in result.problems if not p.is_error],
        history=revisions,
        as_of=as_of,
        read=read,
    )


def described(prep: Prepared, edition: Edition) -> list[tuple[str, str]]:
    """What `prep` holds besides the files' bytes, as labelled texts (the incremental build's
    fingerprint, `editions.inputs_of`): every field the pages may show."""
    return [("updated", repr(sorted(prep.updated.items()))), ("repo", repr(sorted(prep.repo_paths.items()))),
            ("pages", str(prep.pages_dir)), ("history", repr(prep.history.get(edition))),
            ("as of", str(prep.as_of))]


def cache_folder(cache_root: Path | str | None | InPortal, portal: Portal) -> Path | None:
    """The cache folder a build uses: the portal's by default, None: no cache."""
    if cache_root is InPortal.FOLDER:
        return portal.cache
    return Path(cache_root) if cache_root is not None else None


def stage_folder(stage_root: Path | str | InPortal, portal: Portal) -> Path:
    return portal.stage if stage_root is InPortal.FOLDER else Path(stage_root)


def stage_edition(prep: Prepared, edition: Edition, stage_root: Path, site_dir: Path,
                  maps: MapRenderer, theme_dir: Path = THEME_DIR,
                  base: dict[str, Any] | None = None, reuse: bool = False) -> tuple[Path, StageReport]:
    """`_stage_edition` in the city's interface language (`settings.language`), whatever the
    language of the command that builds it."""
    with use_language(prep.city.info.settings.language):
        return _stage_edition(prep, edition, stage_root, site_dir, maps, theme_dir, base, reuse)


def _stage_edition(prep: Prepared, edition: Edition, stage_root: Path, site_dir: Path,
                   maps: MapRenderer, theme_dir: Path, base: dict[str, Any] | None,
                   reuse: bool) -> tuple[Path, StageReport]:
    """Render and stage one edition; returns the path of its mkdocs.yml and what changed. Each
    file is written as it is rendered (none are held: a large city stages gigabytes). With
    `reuse`, a unit whose files and the city's are those of the last staging is not rendered
    again (`unitreuse`).

    Raises `BuildError` when a page, map or download cannot be rendered or the base mkdocs.yml
    cannot be read; the staging folder may then hold part of the new files (the next build
    stages it whole), the published site is untouched."""
    folder = stage_root / edition
    from ..render import edition_site, pinyin   # here: a build with nothing to do renders nothing
    from ..render.pages import site_outputs

    site = edition_site(prep.city, edition, articles=prep.articles, updated=prep.updated, maps=maps,
                        pages_dir=prep.pages_dir, repo_paths=prep.repo_paths,
                        history=prep.history.get(edition), as_of=prep.as_of)
    dict_path = folder / "jieba_user_dict.txt"
    cfg = edition_config(prep.city, edition, docs_dir=folder / "docs", site_dir=site_dir,
                         user_dict=dict_path, theme_dir=theme_dir, base=base)
    units = None
    if reuse and prep.read:
        key = city_key(prep.read, edition, str(site.as_of), described(prep, edition))
        units = UnitReuse.open(folder / "units.json", folder / "docs", key, prep.read)
    try:
        staged = units.outputs(site) if units is not None else ((o.path, o.data) for o in site_outputs(site))
        report = stage_stream(staged, folder / "docs")
    except RenderError as exc:
        raise BuildError(tr("未能生成{edition}：{error}", edition=tr(EDITION_NAMES[edition]),
                            error=exc)) from None
    if units is not None:
        units.save(report)
    else:
        report.units_rendered = len(site.units)
    pinyin.save_cache()
    write_if_changed(dict_path, user_dict(site.city).encode("utf-8"))
    config_path = folder / "mkdocs.yml"
    write_if_changed(config_path, dump(cfg).encode("utf-8"))
    return config_path, report


def edition_of(name: str) -> Edition:
    """The edition called `name` (as typed on the command line); `BuildError` if there is none."""
    known: dict[str, Edition] = {e: e for e in EDITIONS}
    if name not in known:
        raise BuildError(tr("未知的版本 {name}：可用 public、internal", name=repr(name)))
    return known[name]


def build_editions(scorecards_root: Path | str, content_root: Path | str, out_dir: Path | str,
                   editions: Iterable[str] = EDITIONS, *, stage_root: Path | str | InPortal = DEFAULT_STAGE,
                   cache_root: Path | str | None | InPortal = DEFAULT_CACHE,
                   theme_dir: Path | None = None,
                   as_of: dt.date | None = None) -> tuple[Prepared, list[EditionReport]]:
    """check, then per edition (in parallel, see `editions`): render and stage, `mkdocs build`
    into a new folder, swap it in; incrementally where a previous build allows it.

    Check errors stop it before anything is written. Staging and MkDocs run under the locks of
    `out_dir` and `stage_root` (`BuildError` if another build holds either). An edition whose
    build fails keeps its previous site; the other edition is published all the same."""
    chosen = [edition_of(e) for e in editions]
    portal = Portal.of(scorecards_root)
    cache = cache_folder(cache_root, portal)
    prep = prepare(Path(scorecards_root), Path(content_root), cache, as_of)   # read-only: nothing written yet
    base = site_config(portal)
    with _frozen():
        return prep, _build(prep, chosen, Path(out_dir),
                            stage_folder(stage_root, portal), cache, theme_dir, base, portal)


@contextmanager
def _frozen() -> Iterator[None]:
    """The objects alive now (the checked city) left out of garbage collection while the
    editions are built: every full collection would walk all of them again, which grows with the
    city's size times the number of collections, and would copy the memory a forked edition
    shares with this process."""
    gc.collect()
    release_memory()   # what check freed (its parsed files, positions) is not carried into the editions
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def first_build(cache: Path | None, site_dirs: list[Path]) -> bool:
    """No site in `site_dirs` was built before with `cache` (nor is jieba's segmentation kept
    there): each will be built whole and load jieba's and pypinyin's dictionaries."""
    if cache is None:
        return True
    return not any(manifest_file(cache, d).is_file() for d in site_dirs) and not any((cache / "jieba").glob("*.pickle"))


def _build(prep: Prepared, chosen: list[Edition], out_dir: Path,
           stage_root: Path, cache: Path | None, theme_dir: Path | None, base: dict[str, Any],
           portal: Portal) -> list[EditionReport]:
    with OutputLock(out_dir, N_("写入")), OutputLock(stage_root, N_("使用暂存文件夹")):
        maps = MapRenderer(cache / "maps" if cache is not None else None)
        use_render_caches(cache)
        theme = theme_dir if theme_dir is not None else theme_folder(portal, stage_root)

        if len(chosen) > 1 and first_build(cache, [out_dir / e for e in chosen]):
            share_dictionaries()   # every edition is built whole: each will load them

        def job(edition: Edition) -> Callable[[], EditionReport]:
            site_dir = out_dir / edition
            return lambda: build_edition(
                edition, read=prep.read, prepared=described(prep, edition),
                stage=lambda: stage_edition(prep, edition, stage_root, site_dir, maps, theme, base,
                                            reuse=cache is not None),
                site_dir=site_dir, theme_dir=theme, cache_root=cache, base=base)
        return in_parallel([job(e) for e in chosen])   # each edition on its own core


def format_report(prep: Prepared, reports: list[EditionReport], seconds: float) -> str:
    lines = []
    for r in reports:
        if r.way == "unchanged":
            lines.append(tr_n("{edition}: 输入与上次构建相同，网站未变：{n} 个页面 → {out}；{seconds:.1f} s",
                              "{edition}: 输入与上次构建相同，网站未变：{n} 个页面 → {out}；{seconds:.1f} s",
                              r.pages, edition=r.edition, n=r.pages, out=r.out_dir, seconds=r.seconds))
            continue
        way = tr("全部重建") if r.way == "full" else tr_n(
            "增量构建，MkDocs 重建 {n} 个页面", "增量构建，MkDocs 重建 {n} 个页面", r.pages_built, n=r.pages_built)
        lines.append(tr_n(
            "{edition}: {n} 个页面 → {out}（{way}）；搜索索引 {mb:.2f} MB；{seconds:.1f} s（生成 {render:.1f} s"
            " + MkDocs {mkdocs:.1f} s；暂存：写入 {written}，未变 {unchanged}，删除 {deleted}）",
            "{edition}: {n} 个页面 → {out}（{way}）；搜索索引 {mb:.2f} MB；{seconds:.1f} s（生成 {render:.1f} s"
            " + MkDocs {mkdocs:.1f} s；暂存：写入 {written}，未变 {unchanged}，删除 {deleted}）",
            r.pages, edition=r.edition, n=r.pages, out=r.out_dir, way=way, mb=r.search_index_bytes / 1e6,
            seconds=r.seconds, render=r.render_seconds, mkdocs=r.mkdocs_seconds,
            written=len(r.staged.written), unchanged=r.staged.unchanged, deleted=len(r.staged.deleted)))
        for w in r.mkdocs_warnings[:20]:
            lines.append("  " + tr("MkDocs 警告：{warning}", warning=w))
        if len(r.mkdocs_warnings) > 20:
            more = len(r.mkdocs_warnings) - 20
            lines.append("  " + tr_n("…… 另有 {n} 条 MkDocs 警告", "…… 另有 {n} 条 MkDocs 警告", more, n=more))
    units = len(prep.city.units)
    articles = len(prep.articles)
    warnings = len(prep.warnings)
    warn = record_sep() + tr_n("{n} 条检查警告（bscportal check 查看）", "{n} 条检查警告（bscportal check 查看）",
                               warnings, n=warnings) if prep.warnings else ""
    lines.append(tr_n("共 {n} 个单位", "共 {n} 个单位", units, n=units) + list_sep()
                 + tr_n("{n} 篇文章", "{n} 篇文章", articles, n=articles) + warn + record_sep()
                 + tr("总用时 {seconds:.1f} s", seconds=seconds))
    return "\n".join(lines)


def build_site(scorecards_root: Path | str, content_root: Path | str, out_dir: Path | str,
               editions: Iterable[str] = EDITIONS, *, stage_root: Path | str | InPortal = DEFAULT_STAGE,
               cache_root: Path | str | None | InPortal = DEFAULT_CACHE, as_of: dt.date | None = None) -> str:
    """Build the editions into `out_dir/<edition>`; returns a printable report.

    Raises `BuildError` (with the problems) when `check` or the articles have errors.
    """
    started = time.perf_counter()
    prep, reports = build_editions(scorecards_root, content_root, out_dir, editions,
                                   stage_root=stage_root, cache_root=cache_root, as_of=as_of)
    return format_report(prep, reports, time.perf_counter() - started)
