"""`bscportal serve`: build one edition into temporary folders and serve it with live reload.

MkDocs' `LiveReloadServer` watches `scorecards/`, `content/`, `theme/` and the base mkdocs.yml;
on a change the builder re-checks and re-stages (only changed files are written), then runs
`mkdocs build` and the browser reloads. The staging folder itself is not watched, so staging
never triggers a second build. Check errors do not stop the server: they are printed, and the
site shows a page listing them until they are fixed.
"""
from __future__ import annotations

import logging
import shutil
import signal
import tempfile
from pathlib import Path
from types import FrameType

from ..problems import FORMATTERS, Problem
from ..render.edition import EDITION_NAMES, Edition
from ..render.escape import html
from ..render.maps import MapRenderer
from .build import DEFAULT_CACHE, BuildError, edition_of, mkdocs_build, prepare, stage_edition
from .mkdocs_config import BASE_CONFIG, THEME_DIR
from .stage import stage

log = logging.getLogger("bscportal.serve")


def error_page(message: str, problems: list[Problem]) -> dict[str, bytes]:
    """A one-page site that lists the problems (shown in the browser until they are fixed)."""
    items = "".join(f"<li><code>{html(p.path)}:{p.line}:{p.col}</code> {html(p.message)} "
                    f"<small>[{html(p.code)}]</small></li>" for p in problems)
    text = (f"---\ntitle: 数据有错误\n---\n\n# 数据有错误\n\n<p>{html(message)}</p>\n\n"
            f"<ol class=\"bsc-problems\">{items}</ol>\n\n<p>改正后保存文件，本页会自动刷新。</p>\n")
    about = "---\ntitle: 关于本站\n---\n\n# 关于本站\n\n数据有错误，网站暂时只显示错误列表。\n"
    return {"index.md": text.encode("utf-8"), "about.md": about.encode("utf-8")}


class Preview:
    """Re-stage and rebuild one edition on demand (the live-reload server's builder)."""

    def __init__(self, scorecards: Path, content: Path, edition: Edition, workdir: Path,
                 cache_root: Path | None = DEFAULT_CACHE, theme_dir: Path = THEME_DIR) -> None:
        self.scorecards, self.content, self.edition = scorecards, content, edition
        self.stage_root = workdir / "stage"
        self.site_dir = workdir / "site"
        self.theme_dir = theme_dir
        self.maps = MapRenderer(cache_root / "maps" if cache_root else None)
        self.config_path: Path | None = None
        self.serve_url: str | None = None
        #: False while the data has errors (the site shows the error page)
        self.ok = True

    def restage(self) -> Path:
        """check → render → stage; on errors (in the data, or a map that cannot be drawn) stage
        the error page instead (and log the problems)."""
        try:
            prep = prepare(self.scorecards, self.content)
            self.config_path, report = stage_edition(prep, self.edition, self.stage_root, self.site_dir,
                                                     self.maps, self.theme_dir)
        except BuildError as exc:
            if exc.problems:
                log.error("\n%s", FORMATTERS["text"](exc.problems))
            log.error("%s", exc)
            stage(error_page(str(exc), exc.problems), self.stage_root / self.edition / "docs")
            self.ok = False
            if self.config_path is None:  # first run: still need a config
                raise
            return self.config_path
        self.ok = True
        if report.changed:
            log.info("暂存：写入 %d 个文件，删除 %d 个", len(report.written), len(report.deleted))
        return self.config_path

    def build(self) -> None:
        config_path = self.restage()
        overrides = {"site_url": self.serve_url} if self.serve_url else {}
        warnings = mkdocs_build(config_path, **overrides)
        for warning in warnings if self.ok else ():   # the error page leaves the nav dangling
            log.warning("MkDocs: %s", warning)


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
               addr: str = "127.0.0.1:8000", *, cache_root: Path | None = DEFAULT_CACHE) -> None:
    """Serve `edition` at `addr` until interrupted, rebuilding on edits."""
    from mkdocs.livereload import LiveReloadServer

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
            try:
                preview.build()
            except BuildError as exc:   # e.g. a broken theme file: keep serving the last site
                log.error("%s", exc)

        server = LiveReloadServer(builder=builder, host=host, port=int(port), root=str(preview.site_dir))

        def error_handler(code: int) -> bytes | None:
            page = preview.site_dir / "404.html"
            return page.read_bytes() if code == 404 and page.is_file() else None

        server.error_handler = error_handler
        for path in (Path(root), Path(content), THEME_DIR, BASE_CONFIG):
            if path.exists():
                server.watch(str(path))
        log.info("预览%s：%s", EDITION_NAMES[preview.edition], preview.serve_url)
        try:
            server.serve()
        except KeyboardInterrupt:
            log.info("Shutting down...")
        finally:
            server.shutdown()
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def _first_run_with_errors(preview: Preview) -> None:
    """No good build yet: write a config for the error page so the server can start."""
    from ..check import check_tree
    from .mkdocs_config import dump, edition_config
    from .stage import write_if_changed

    result = check_tree(preview.scorecards)
    folder = preview.stage_root / preview.edition
    dict_path = folder / "jieba_user_dict.txt"
    write_if_changed(dict_path, b"")
    if result.city is None:
        raise BuildError("找不到可用的 city.yml / registry.yml，无法预览", result.problems)
    cfg = edition_config(result.city, preview.edition, docs_dir=folder / "docs", site_dir=preview.site_dir,
                         user_dict=dict_path, theme_dir=preview.theme_dir)
    cfg["nav"] = [{"首页": "index.md"}]
    preview.config_path = folder / "mkdocs.yml"
    write_if_changed(preview.config_path, dump(cfg).encode("utf-8"))
    mkdocs_build(preview.config_path)
