"""Run `mkdocs build` in this process: MkDocs' warnings collected, its errors made readable, jieba
through the segmentation cache (`segment`), and optionally incrementally (`incremental`)."""
from __future__ import annotations

import ctypes
import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

import yaml

from ..i18n import tr
from .errors import BuildError
from .fingerprint import code_version
from .mkdocs_config import BASE_CONFIG
from .portal import theme_source
from ..render.wordbreak import import_jieba
from .segment import CachedSegmenter, install, plain_jieba

if TYPE_CHECKING:
    import jinja2
    from jinja2 import FileSystemLoader
    from mkdocs.config.defaults import MkDocsConfig

    from .incremental import Incremental

#: what MkDocs logs on every dirty build (the incremental build keeps navigation and links right)
DIRTY_WARNING = "A 'dirty' build is being performed"


def _libc_trim() -> Callable[[int], int] | None:
    try:
        fn: Callable[[int], int] = ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):   # not glibc
        return None
    return fn


_TRIM = _libc_trim()


def release_memory() -> None:
    """Give memory that Python has freed back to the system (glibc keeps it otherwise, and a
    large build's peak is the sum of what each step ever held)."""
    if _TRIM is not None:
        _TRIM(0)


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if not message.startswith(DIRTY_WARNING):
            self.messages.append(message)


def bytecode_cache(folder: Path | None) -> "jinja2.BytecodeCache | None":
    """Compiled templates kept in `folder`, per version of the generator and its libraries
    (Jinja checks each template's source too); None without a folder."""
    import jinja2

    if folder is None:
        return None
    where = folder / code_version()[:16]
    try:
        where.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return jinja2.FileSystemBytecodeCache(str(where))


def run_mkdocs(config_path: Path, overrides: dict[str, str], *, segmenter: CachedSegmenter | None = None,
               incremental: "Incremental | None" = None, templates: Path | None = None) -> list[str]:
    """`mkdocs build` of the staged `config_path` (with `overrides` of its settings, e.g.
    `site_dir`); returns MkDocs' warnings.

    With `segmenter`, the search plugin segments Chinese through it (jieba is loaded only for
    text it has not seen). With `incremental`, only the pages it marks are built again (see
    `incremental.Incremental`); the site folder must then hold a copy of the previous site.
    A configuration error (the base mkdocs.yml), a broken theme template or any error MkDocs
    reports raises `BuildError` with what MkDocs said."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    jieba = import_jieba()   # before the search plugin imports it
    import jinja2
    from material.plugins.search.plugin import SearchPlugin
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    from .incremental import PLUGIN_NAME, BuildHooks

    jieba.setLogLevel(logging.WARNING)
    log = logging.getLogger("mkdocs")
    handler = _Collect()
    old_propagate, old_level = log.propagate, log.level
    log.addHandler(handler)
    log.propagate = False
    log.setLevel(logging.INFO)
    try:
        config = load_config(config_file=str(config_path), **overrides)
        _compiled_templates(config, bytecode_cache(templates))
        search = next((p for p in config.plugins.values() if isinstance(p, SearchPlugin)), None)
        segmenting = segmenter is not None and search is not None and install(search, segmenter)
        if not segmenting:
            plain_jieba()   # the search plugin loads the user dictionary into jieba itself
        hooks = BuildHooks(search, segmenter if segmenting else None, incremental)
        hooks.release = release_memory
        config.plugins[PLUGIN_NAME] = hooks
        build(config, dirty=incremental is not None and not incremental.full)
    except (MkDocsException, jinja2.TemplateError, yaml.YAMLError) as exc:
        raise BuildError(mkdocs_failure(exc, handler.messages)) from None
    finally:
        log.removeHandler(handler)
        log.propagate, log.level = old_propagate, old_level
    if segmenter is not None:
        segmenter.save()
    return handler.messages


def _compiled_templates(config: "MkDocsConfig", cache: "jinja2.BytecodeCache | None") -> None:
    """Let every Jinja environment of the theme (MkDocs makes several per build) use `cache`,
    and list its files without walking hidden folders (`visible_templates`)."""
    theme = config.theme
    make = theme.get_env

    def get_env() -> "jinja2.Environment":
        from jinja2 import FileSystemLoader

        env = make()
        if cache is not None:
            env.bytecode_cache = cache
        loader = env.loader

        def list_templates(extensions: Any = None, filter_func: Any = None) -> list[str]:
            if extensions is not None or not isinstance(loader, FileSystemLoader):
                return type(env).list_templates(env, extensions, filter_func)
            names = visible_templates(loader)
            return [n for n in names if filter_func(n)] if filter_func is not None else names
        env.list_templates = list_templates   # type: ignore[method-assign]
        return env
    theme.get_env = get_env   # type: ignore[method-assign]


def visible_templates(loader: "FileSystemLoader") -> list[str]:
    """`loader.list_templates()` without the files in hidden folders. MkDocs lists the theme's
    files at every build to copy its static ones, and drops every path with a part starting with
    a dot: Material's `.icons` alone holds 14,000 files (0.1 s a build) that it walks for nothing."""
    found: set[str] = set()
    for searchpath in loader.searchpath:
        for dirpath, dirnames, filenames in os.walk(searchpath, followlinks=loader.followlinks):
            dirnames[:] = [d for d in dirnames if not d.startswith(".")]
            for filename in filenames:
                name = os.path.join(dirpath, filename)[len(searchpath):].strip(os.sep).replace(os.sep, "/")
                found.add(name[2:] if name[:2] == "./" else name)
    return sorted(found)


def mkdocs_build(config_path: Path, **overrides: str) -> list[str]:
    """A complete `mkdocs build` of `config_path`; returns MkDocs' warnings (see `run_mkdocs`)."""
    return run_mkdocs(config_path, overrides, segmenter=CachedSegmenter(None, None))


def mkdocs_failure(exc: Exception, logged: list[str]) -> str:
    """One message for a failed `mkdocs build`: what MkDocs logged, then the error itself."""
    import jinja2

    if isinstance(exc, jinja2.TemplateSyntaxError):
        said = tr("主题模板 {template} 第 {line} 行有语法错误：{error}", template=theme_source(exc.filename or "") or exc.name,
                  line=exc.lineno, error=exc.message)
    elif isinstance(exc, jinja2.TemplateError):
        said = tr("主题模板出错：{error}", error=exc)
    else:
        said = str(exc)
    details = [m for m in logged[-10:] if m.strip() and m.strip() != said]
    lines = [tr("MkDocs 未能生成网站：{error}", error=said), *(f"  {m}" for m in details),
             tr("请检查 {config}（网站配置）和 theme/ 文件夹（主题）里的改动。", config=BASE_CONFIG.name)]
    return "\n".join(lines)
