"""`bscportal serve`: build one edition into temporary folders and serve it with live reload.

MkDocs' `LiveReloadServer` watches `scorecards/`, `content/`, the portal's `theme/` and
`mkdocs.yml` and the package's theme and base mkdocs.yml;
on a change the builder re-checks and re-stages (only changed files are written), then runs
`mkdocs build` into a new folder that replaces the served one only when complete (`publish`), and
the browser reloads. The staging folder itself is not watched, so staging never triggers a second
build.

A rebuild that fails — check errors in the data, a map `dot` cannot draw, a broken theme template
or mkdocs.yml — does not stop the server and does not touch the site being served: the last good
build stays, and every page is served with a banner at the top that says why the preview did not
update (the server adds it to each HTML response while the error lasts). When the very first build
fails there is no good build yet: a one-page site listing the problems is built instead.
"""
from __future__ import annotations

import logging
import os
import shutil
import signal
import tempfile
import time
from pathlib import Path
from types import FrameType
from typing import Any

from ..i18n import tr, tr_n
from ..load.tree import Reads
from ..problems import FORMATTERS, Problem
from ..render.edition import EDITION_NAMES, Edition
from ..render.escape import html
from ..render.maps import MapRenderer
from .build import (DEFAULT_CACHE, BuildError, InPortal, cache_folder, described, edition_of, mkdocs_build,
                    prepare, stage_edition)
from .editions import build_edition, manifest_file, use_render_caches
from .incremental import forget
from . import mkdocs_config
from .mkdocs_config import THEME_DIR
from .portal import Portal, site_config, theme_folder, watched
from .publish import publish
from .stage import stage

log = logging.getLogger("bscportal.serve")


def _problem_items(problems: list[Problem]) -> str:
    return "".join(f"<li><code>{html(p.path)}:{p.line}:{p.col}</code> {html(p.message)} "
                   f"<small>[{html(p.code)}]</small></li>" for p in problems)


def error_page(message: str, problems: list[Problem]) -> dict[str, bytes]:
    """A one-page site that lists the problems (built when the first build fails)."""
    title, fix = tr("数据有错误"), html(tr("改正后保存文件，本页会自动刷新。"))
    text = (f"---\ntitle: {title}\n---\n\n# {title}\n\n<p>{html(message)}</p>\n\n"
            f"<ol class=\"bsc-problems\">{_problem_items(problems)}</ol>\n\n<p>{fix}</p>\n")
    about_title, about_text = tr("关于本站"), tr("数据有错误，网站暂时只显示错误列表。")
    about = f"---\ntitle: {about_title}\n---\n\n# {about_title}\n\n{about_text}\n"
    return {"index.md": text.encode("utf-8"), "about.md": about.encode("utf-8")}


#: the banner's look: inline, so it shows whatever state the theme's stylesheet is in
_BANNER_STYLE = ("position:sticky;top:0;z-index:1000;margin:0;padding:.8em 1.2em;max-height:50vh;"
                 "overflow:auto;background:#fff3f3;color:#8a0000;border-bottom:3px solid #c00000;"
                 "font:15px/1.5 sans-serif")


def error_banner(error: BuildError) -> bytes:
    """The banner shown at the top of every served page while the last rebuild has failed."""
    problems = f"<ol>{_problem_items(error.problems[:50])}</ol>" if error.problems else ""
    hidden = len(error.problems) - 50
    more = "<p>" + str(html(tr_n("…… 另有 {n} 个问题（见终端）", "…… 另有 {n} 个问题（见终端）", hidden,
                                 n=hidden))) + "</p>" if hidden > 0 else ""
    headline = html(tr("预览没有更新：最近一次修改后未能生成网站，下面仍是上次成功生成的页面。"))
    fix = html(tr("改正后保存文件，本页会自动刷新。"))
    return (f'<div class="bsc-build-error" role="alert" style="{_BANNER_STYLE}">'
            f"<p><strong>{headline}</strong></p>"
            f'<pre style="white-space:pre-wrap;margin:.4em 0;font:inherit">{html(str(error))}</pre>'
            f"{problems}{more}<p>{fix}</p></div>").encode("utf-8")


def with_banner(page: bytes, error: BuildError | None) -> bytes:
    """`page` (an HTML document) with the error banner right after `<body…>`; as is without error."""
    if error is None:
        return page
    start = page.find(b"<body")
    at = page.find(b">", start) + 1 if start >= 0 else 0
    return page[:at] + error_banner(error) + page[at:]


class Preview:
    """Re-stage and rebuild one edition on demand (the live-reload server's builder)."""

    def __init__(self, scorecards: Path, content: Path, edition: Edition, workdir: Path,
                 cache_root: Path | None | InPortal = DEFAULT_CACHE, theme_dir: Path | None = None) -> None:
        """`theme_dir`: the theme folder to use as it is (None: the package's with the portal's
        `theme/` over it, combined again at every build)."""
        self.scorecards, self.content, self.edition = scorecards, content, edition
        self.portal = Portal.of(scorecards)
        #: what the checks read (a save re-checks the city: only the files it changed are parsed again)
        self.reads = Reads()
        cache_root = cache_folder(cache_root, self.portal)
        self.stage_root = workdir / "stage"
        self.site_dir = workdir / "site"
        self.theme_dir = theme_dir if theme_dir is not None else THEME_DIR
        self.own_theme = theme_dir is None
        self.maps = MapRenderer(cache_root / "maps" if cache_root else None)
        self.cache_root = cache_root
        self.config_path: Path | None = None
        self.serve_url: str | None = None
        #: why the last rebuild failed (shown on every page until a rebuild succeeds), or None
        self.error: BuildError | None = None
        #: whether the last rebuild changed what a browser shows (the site, or the error banner)
        self.changed = True

    @property
    def has_site(self) -> bool:
        return (self.site_dir / "index.html").is_file()

    def build(self) -> None:
        """check → render → stage → `mkdocs build` into a new folder → swap it in; only what the
        edit changed is rendered and built again (`editions.build_edition`), in this process,
        which keeps everything loaded between builds.

        On a failure the site being served stays as it was and `error` says why; the failure is
        raised only while there is no site yet (the caller builds the error page then)."""
        started = time.perf_counter()
        had_error, self.changed = self.error is not None, True
        try:
            prep = prepare(self.scorecards, self.content, self.cache_root, reads=self.reads)
            base = site_config(self.portal)
            if self.own_theme:
                self.theme_dir = theme_folder(self.portal, self.stage_root)
            overrides = {"site_url": self.serve_url} if self.serve_url else {}
            use_render_caches(self.cache_root)
            config_path = self.stage_root / self.edition / "mkdocs.yml"
            report = build_edition(
                self.edition, read=prep.read, prepared=described(prep, self.edition),
                stage=lambda: stage_edition(prep, self.edition, self.stage_root, self.site_dir, self.maps,
                                            self.theme_dir, base, reuse=self.cache_root is not None),
                site_dir=self.site_dir, theme_dir=self.theme_dir, cache_root=self.cache_root, base=base,
                overrides=overrides)
            self.config_path = config_path
            if report.staged.changed:
                written, deleted = len(report.staged.written), len(report.staged.deleted)
                log.info("%s", tr_n("暂存：写入 {n} 个文件，删除 {deleted} 个", "暂存：写入 {n} 个文件，删除 {deleted} 个",
                                    written, n=written, deleted=deleted))
        except BuildError as exc:
            self.error = exc
            if exc.problems:
                log.error("\n%s", FORMATTERS["text"](exc.problems))
            log.error("%s", exc)
            if not self.has_site:
                raise
            log.error("%s", tr("仍在提供上次成功生成的网站；页面顶部显示上面的错误。"))
            return
        self.error = None
        self.changed = report.way != "unchanged" or had_error
        for warning in report.mkdocs_warnings:
            log.warning("MkDocs: %s", warning)
        built = tr("没有变化") if report.way == "unchanged" else tr("全部重建") if report.way == "full" \
            else tr_n("重建 {n} 个页面", "重建 {n} 个页面", report.pages_built, n=report.pages_built)
        log.info("%s", tr("预览已更新（{what}，{seconds:.2f} s）", what=built,
                          seconds=time.perf_counter() - started))


def _interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def _setup_logging() -> None:
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)-7s - %(message)s"))
    for name in ("mkdocs", "bscportal"):
        logger = logging.getLogger(name)
        if not logger.handlers:
            logger.addHandler(handler)
        logger.setLevel(logging.INFO)


def serve_site(root: Path | str, content: Path | str, edition: str = "internal",
               addr: str = "127.0.0.1:8000", *, cache_root: Path | None | InPortal = DEFAULT_CACHE) -> None:
    """Serve `edition` at `addr` until interrupted, rebuilding on edits."""
    _setup_logging()
    signal.signal(signal.SIGTERM, _interrupt)   # `kill` cleans up like Ctrl-C
    host, _, port = addr.rpartition(":")
    workdir = Path(tempfile.mkdtemp(prefix="bscportal-serve-"))
    preview = Preview(Path(root), Path(content), edition_of(edition), workdir, cache_root)
    preview.serve_url = f"http://{host}:{port}/"
    try:
        try:
            preview.build()
        except BuildError:
            _first_run_with_errors(preview)   # errors on the very first run: show them

        def builder() -> None:
            rebuild(preview, server)

        server = _server_class()(preview, builder=builder, host=host, port=int(port),
                                 root=str(preview.site_dir))

        def error_handler(code: int) -> bytes | None:
            page = preview.site_dir / "404.html"
            return with_banner(page.read_bytes(), preview.error) if code == 404 and page.is_file() else None

        server.error_handler = error_handler
        for path in (Path(root), Path(content), *watched(preview.portal)):
            if path.exists():
                server.watch(str(path))
        if not (preview.portal.theme.exists() and preview.portal.config.exists()):
            # a theme/ or mkdocs.yml made while serving: seen in the portal folder itself (only
            # those two names: a log written there by this very server would rebuild for ever)
            server.watch_names(preview.portal.root, {preview.portal.theme.name, preview.portal.config.name})
        log.info("%s", tr("预览{edition}：{url}", edition=tr(EDITION_NAMES[preview.edition]),
                          url=preview.serve_url))
        try:
            server.serve()
        except KeyboardInterrupt:
            log.info("Shutting down...")
        finally:
            server.shutdown()
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def rebuild(preview: Preview, server: Any) -> None:
    """The server's builder: `preview.build()`; while there is no site at all, the error page
    again. A rebuild that changed nothing a browser shows (a file saved as it was, touched, or
    checked out again unchanged; an editor's backup file) reloads no page."""
    try:
        preview.build()
    except BuildError:
        try:
            _first_run_with_errors(preview)
        except BuildError as exc:
            log.error("%s", exc)
        return
    if not preview.changed:
        server.keep_pages()


def _first_run_with_errors(preview: Preview) -> None:
    """No good build yet: build a one-page site that lists the problems, so the server can start
    (raises `BuildError` when even that cannot be built, e.g. the base mkdocs.yml is broken). It
    is built with the package's configuration and theme: the portal's may be what is broken."""
    from ..check import check_tree
    from .mkdocs_config import dump, edition_config
    from .stage import write_if_changed

    error = preview.error or BuildError(tr("未能生成网站"))
    result = check_tree(preview.scorecards)
    folder = preview.stage_root / preview.edition
    dict_path = folder / "jieba_user_dict.txt"
    write_if_changed(dict_path, b"")
    if result.city is None:
        raise BuildError(tr("找不到可用的 city.yml / registry.yml，无法预览"), result.problems)
    stage(error_page(str(error), error.problems), folder / "docs")
    cfg = edition_config(result.city, preview.edition, docs_dir=folder / "docs", site_dir=preview.site_dir,
                         user_dict=dict_path, theme_dir=THEME_DIR,
                         base=mkdocs_config.load_base())
    cfg["nav"] = [{tr("首页"): "index.md"}]
    config_path = folder / "mkdocs.yml"
    write_if_changed(config_path, dump(cfg).encode("utf-8"))
    if preview.cache_root is not None:
        forget(manifest_file(preview.cache_root, preview.site_dir))   # this site is no build of the data
    publish(preview.site_dir, lambda new: mkdocs_build(config_path, site_dir=str(new.resolve())))
    preview.config_path = config_path


def _changes_observer() -> Any:
    """An inotify observer that reports changes only. watchdog (5 and later) also reports a file
    being opened and closed without a write, and MkDocs' server rebuilds on any event: every
    rebuild reads the data, which would start the next one, for ever."""
    import inspect

    from watchdog import events
    from watchdog.observers.inotify import InotifyObserver

    if "event_filter" not in inspect.signature(InotifyObserver.schedule).parameters:   # older watchdog
        return InotifyObserver(timeout=0.1)
    changes = [events.FileCreatedEvent, events.FileModifiedEvent, events.FileDeletedEvent, events.FileMovedEvent,
               events.FileClosedEvent, events.FileAttribEvent, events.DirCreatedEvent, events.DirDeletedEvent,
               events.DirMovedEvent]

    class ChangesOnly(InotifyObserver):
        def schedule(self, event_handler: Any, path: Any, *, recursive: bool = False,
                     event_filter: Any = None, **kwargs: Any) -> Any:
            return super().schedule(event_handler, path, recursive=recursive,
                                    event_filter=event_filter or changes, **kwargs)

    return ChangesOnly(timeout=0.1)


def _server_class() -> Any:
    """MkDocs' live-reload server, adding the error banner to every HTML page it serves while
    the preview's last rebuild has failed (MkDocs 1.6: the hook is `_inject_js_into_html`, where
    the server adds its reload script; tests/site/test_serve.py checks it is still called)."""
    from mkdocs.livereload import LiveReloadServer

    class PreviewServer(LiveReloadServer):
        def __init__(self, preview: Preview, **kwargs: Any) -> None:
            super().__init__(**kwargs)
            self.preview = preview
            self.polling = self.observer
            self.recursive: dict[str, bool] = {}

        def watch(self, path: str, func: None = None, *, recursive: bool = True) -> None:
            """Told of a save at once by the kernel (inotify) where it can; MkDocs' polling every
            half second (up to half a second after the save) where it cannot."""
            if self.observer is self.polling:
                try:
                    self.observer = _changes_observer()
                except (ImportError, OSError):
                    pass
            self.recursive[os.path.abspath(path)] = recursive
            try:
                super().watch(path, func, recursive=recursive)
            except OSError:   # no inotify watch left (a very large tree): poll it instead
                self.observer, self._watch_refs = self.polling, {}
                paths = list(self._watched_paths)
                self._watched_paths = {}
                for p in paths:
                    super().watch(p, func, recursive=self.recursive.get(p, True))

        def watch_names(self, folder: Path, names: set[str]) -> None:
            """Rebuild when an entry of `folder` (not its subfolders) called one of `names` is
            made, changed, moved or deleted; other files there are not the site's."""
            from watchdog.events import FileSystemEvent, FileSystemEventHandler

            def ours(path: str | bytes) -> bool:
                return os.path.basename(os.fsdecode(path)) in names

            def callback(event: FileSystemEvent) -> None:
                if ours(event.src_path) or ours(getattr(event, "dest_path", "") or ""):
                    with self._rebuild_cond:
                        self._want_rebuild = True
                        self._rebuild_cond.notify_all()
            handler = FileSystemEventHandler()
            handler.on_any_event = callback   # type: ignore[method-assign]
            try:
                self.observer.schedule(handler, str(folder), recursive=False)
            except OSError:   # no inotify watch left: this one is a convenience
                pass

        def keep_pages(self) -> None:
            """Open pages are not reloaded after this build (MkDocs 1.6 sets `_wanted_epoch`
            before each build, and reloads every page once `_visible_epoch` reaches it)."""
            self._wanted_epoch = self._visible_epoch

        def _inject_js_into_html(self, content: bytes, epoch: int) -> bytes:
            page: bytes = super()._inject_js_into_html(content, epoch)
            return with_banner(page, self.preview.error)

    return PreviewServer
