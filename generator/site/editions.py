"""Build one edition, as little as its changes need; the editions of a build side by side.

`build_edition` has three ways, decided by the manifest of the edition's last build (see
`incremental`), all ending in the same bytes:

1. **unchanged**: the build's inputs (every file of the scorecards, the articles and the theme,
   the base mkdocs.yml, the git data the pages show, the edition, the "as of" date, the
   generator's version) are those of the last build and its site is as it left it: nothing is
   rendered, staged or built (`check` has run before: its warnings are printed);
2. **incremental**: render and stage (only changed files are written); MkDocs rebuilds only the
   pages and files whose staged bytes changed, into a copy of the published site;
3. **full**: everything, when there is no usable manifest or something that every page shows
   changed (theme, settings, the jieba dictionary, the generator's version).

Either way the new site is built beside the published one and swapped in (`publish`): a failed
or killed build leaves the published site, and its manifest is written only after the swap
(deleted just before it), so a manifest never describes a site that is not there.

`in_parallel` runs the editions in separate processes (two cores, two editions).
"""
from __future__ import annotations

import ctypes
import json
import os
import pickle
import signal
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Literal, Sequence, TypeVar

from ..render.edition import Edition
from ..scoring.reporting import today
from . import mkdocs_config
from ..i18n import tr
from .errors import BuildError
from .fingerprint import Fingerprint, code_version, digest, tree
from .incremental import Incremental, copy_site, forget, intact, load_manifest, save_manifest, scan
from .incremental import Manifest
from .mkdocs_run import bytecode_cache, release_memory, run_mkdocs
from .publish import publish
from .segment import CachedSegmenter, cache_file
from .stage import StageReport

T = TypeVar("T")
Way = Literal["unchanged", "incremental", "full"]


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
    #: how it was built (see the module docstring) and how many pages MkDocs built
    way: Way = "full"
    pages_built: int = 0
    notes: list[str] = field(default_factory=list)


def count_pages(site_dir: Path) -> int:
    return sum(1 for p in site_dir.rglob("*.html") if p.name != "404.html")


def search_index_size(site_dir: Path) -> int:
    index = site_dir / "search" / "search_index.json"
    return index.stat().st_size if index.is_file() else 0


def use_render_caches(cache_root: Path | None) -> None:
    """The render step's caches for this build (None: none): workbooks by their cells
    (`tabular.use_cache`), what pypinyin gave (`pinyin.use_cache`), compiled page templates."""
    from ..render import pinyin, tabular    # here: a build with nothing to do renders nothing
    from ..render.jinja import environment

    tabular.use_cache(cache_root / "xlsx" if cache_root is not None else None)
    pinyin.use_cache(cache_root / "pinyin" if cache_root is not None else None)
    environment().bytecode_cache = bytecode_cache(cache_root / "jinja" if cache_root is not None else None)


def manifest_file(cache_root: Path, site_dir: Path) -> Path:
    """Where the manifest of the site at `site_dir` is kept (one per output folder)."""
    where = digest(str(site_dir.resolve()).encode("utf-8"))[:16]
    return cache_root / "site" / f"{site_dir.name}-{where}.json"


def inputs_of(edition: Edition, read: dict[str, str], prepared: Sequence[tuple[str, str]],
              theme_dir: Path, site_dir: Path, overrides: dict[str, str],
              base: dict[str, Any] | None = None) -> str:
    """Everything an edition's site is made from (equal: the same site): the scorecards' and
    articles' files (`read`: their digests, taken before the build read them, so a file saved
    while it runs makes the next build's inputs differ), the theme, the base configuration
    (`base`, None: the package's) with the hooks it names, and `prepared`, what else the build
    knows of them (labelled texts: git dates, history, …)."""
    from mkdocs.utils import get_build_date

    fp = Fingerprint().add("code", code_version()).add("edition", edition)
    fp.add("read", json.dumps(read, sort_keys=True)).add("theme", tree(theme_dir))
    base = base if base is not None else mkdocs_config.load_base()
    fp.add("base", mkdocs_config.dump(base)).add("hooks", hooks_of(base))
    fp.add("site", str(site_dir.resolve())).add("overrides", json.dumps(overrides, sort_keys=True))
    for label, text in prepared:
        fp.add(label, text)
    return fp.add("today", str(today())).add("date", get_build_date()).hexdigest()


def hooks_of(base: dict[str, Any]) -> str:
    """A digest of the MkDocs hooks a portal's configuration adds (files, by absolute path)."""
    fp = Fingerprint()
    for hook in base.get("hooks") or []:
        path = Path(str(hook))
        fp.add(str(hook), path.read_bytes() if path.is_absolute() and path.is_file() else b"")
    return fp.hexdigest()


def site_key(config_path: Path, dict_path: Path, theme_dir: Path, overrides: dict[str, str],
             base: dict[str, Any] | None = None) -> str:
    """What every page of the edition shows or is made with (changed: build everything): the
    staged configuration, the hooks it names (`base`), the dictionary, the theme."""
    fp = Fingerprint().add("code", code_version()).add("config", config_path.read_bytes())
    fp.add("dict", dict_path.read_bytes()).add("theme", tree(theme_dir))
    if base is not None:
        fp.add("hooks", hooks_of(base))
    return fp.add("overrides", json.dumps(overrides, sort_keys=True)).hexdigest()


def build_edition(edition: Edition, *, read: dict[str, str], prepared: Sequence[tuple[str, str]],
                  stage: Callable[[], tuple[Path, StageReport]], site_dir: Path, theme_dir: Path,
                  cache_root: Path | None, overrides: dict[str, str] | None = None,
                  base: dict[str, Any] | None = None) -> EditionReport:
    """Render, stage and build one edition into `site_dir` (see the module docstring).

    `read` and `prepared` describe the files and what the build made of them besides their
    bytes (see `inputs_of`);
    `stage()` renders and stages it, returning its mkdocs.yml; `overrides` are MkDocs settings
    for this build (`site_url` in `serve`); `base` is the base configuration `stage()` used
    (None: the package's). Raises `BuildError`; the published site is then as
    it was."""
    started = time.perf_counter()
    overrides = dict(overrides or {})
    record = manifest_file(cache_root, site_dir) if cache_root is not None else None
    previous = load_manifest(record) if record is not None else None
    inputs = inputs_of(edition, read, prepared, theme_dir, site_dir, overrides, base)
    if previous is not None and previous.inputs == inputs and intact(previous, site_dir):
        return EditionReport(edition, site_dir, count_pages(site_dir), search_index_size(site_dir),
                             time.perf_counter() - started, StageReport(), [], way="unchanged")
    config_path, staged = stage()
    release_memory()   # what rendering held goes back to the system before MkDocs starts
    rendered = time.perf_counter()
    dict_path = config_path.parent / "jieba_user_dict.txt"
    key = site_key(config_path, dict_path, theme_dir, overrides, base)
    usable = previous if previous is not None and previous.key == key and intact(previous, site_dir) else None
    inc = Incremental(usable, staged.digests)
    jieba_cache = (cache_file(cache_root / "jieba", dict_path.read_bytes()) if cache_root is not None
                   else None)
    segmenter = CachedSegmenter(dict_path, jieba_cache)

    def build(new: Path) -> tuple[list[str], dict[str, list[int]]]:
        if usable is not None:
            copy_site(site_dir, new)
        warnings = run_mkdocs(config_path, {**overrides, "site_dir": str(new.resolve())},
                              segmenter=segmenter, incremental=inc,
                              templates=cache_root / "jinja" if cache_root is not None else None)
        outputs = scan(new)
        if record is not None:
            forget(record)   # from here until the new one is written, the next build is complete
        return warnings, outputs

    warnings, outputs = publish(site_dir, build)
    if record is not None:
        save_manifest(record, Manifest(key, inputs, inc.nav, staged.digests, inc.dests, outputs))
    done = time.perf_counter()
    notes = [] if segmenter.jieba_loaded or not segmenter.runs else [tr("jieba 未加载（分词全部来自缓存）")]
    return EditionReport(edition, site_dir, count_pages(site_dir), search_index_size(site_dir),
                         done - started, staged, warnings, rendered - started, done - rendered,
                         way="full" if inc.full else "incremental", pages_built=inc.built, notes=notes)


# -- side by side ---------------------------------------------------------------------------------

_PR_SET_PDEATHSIG = 1


def _die_with_parent() -> None:
    """In a forked child: be killed when the parent process ends (however it ends), so that a
    killed build never leaves a process that goes on writing."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        pass


def _child(job: Callable[[], T], parent: int, write: int) -> None:
    _die_with_parent()
    if os.getppid() != parent:
        os._exit(1)
    try:
        result: tuple[str, object] = ("ok", job())
    except BaseException as exc:   # noqa: BLE001 - every failure goes to the parent
        result = ("error", exc if isinstance(exc, BuildError) else BuildError(f"{type(exc).__name__}: {exc}"))
    try:
        data = pickle.dumps(result)
    except Exception as exc:   # noqa: BLE001
        data = pickle.dumps(("error", BuildError(tr("构建结果无法传回：{error}", error=exc))))
    with os.fdopen(write, "wb") as f:
        f.write(data)
    os._exit(0)


def in_parallel(jobs: Sequence[Callable[[], T]]) -> list[T]:
    """Run `jobs` at the same time, each but the last in a forked process, the last in this one;
    their results in order. The first `BuildError` (or other failure) is raised after all have
    ended."""
    if len(jobs) <= 1 or not hasattr(os, "fork"):
        return [job() for job in jobs]
    children: list[tuple[int, int]] = []
    for job in jobs[:-1]:
        read, write = os.pipe()
        parent = os.getpid()
        pid = os.fork()
        if pid == 0:   # pragma: no cover - in the child
            os.close(read)
            _child(job, parent, write)
        os.close(write)
        children.append((pid, read))
    outcomes: list[tuple[str, object]] = []
    try:
        try:
            outcomes.append(("ok", jobs[-1]()))
        except BuildError as exc:
            outcomes.append(("error", exc))
    finally:
        results = [_collect(pid, read) for pid, read in children]
    ordered = results + outcomes
    for kind, value in ordered:
        if kind == "error":
            assert isinstance(value, BaseException)
            raise value
    return [value for _, value in ordered]   # type: ignore[misc]


def _collect(pid: int, read: int) -> tuple[str, object]:
    with os.fdopen(read, "rb") as f:
        data = f.read()
    _, status = os.waitpid(pid, 0)
    if not data:
        return "error", BuildError(tr("构建进程意外结束（退出状态 {status}）",
                                      status=os.waitstatus_to_exitcode(status)))
    outcome: tuple[str, object] = pickle.loads(data)
    return outcome
