"""A portal's folder: where a build keeps its working files, and what the portal adds to the
package's MkDocs configuration and theme.

The **portal folder** is the folder that holds `scorecards/` (the parent of `--path`), with
`content/` beside it. Besides them it may hold:

- `mkdocs.yml`: MkDocs settings merged over the package's base configuration
  (`generator/site/defaults/mkdocs.yml`, see `merge`);
- `theme/`: files that replace the package theme's files of the same path
  (`generator/site/defaults/theme/`), or add new ones (`theme_folder`);
- `.bscportal/`: the build's working folder, `stage/` (the staged editions and the combined
  theme) and `cache/` (maps, workbooks, compiled templates, jieba's segmentation, compared
  commits, the manifests of the incremental build). Deleting it only makes the next build
  complete. With the environment variable `BSCPORTAL_CACHE_DIR` set, the working folder is
  `$BSCPORTAL_CACHE_DIR/<portal folder's name>-<hash of its path>/` instead.

Nothing is written into the caller's current folder. docs/customising.md is the editors' side.

Merging a portal's `mkdocs.yml` over the base (`merge`):

- mappings (`theme`, `extra`, `validation`, a plugin's options …) are merged key by key, at
  every depth; any other value the portal gives (a list, text, a number) replaces the base's;
- `plugins` and `markdown_extensions` are merged by name: an entry of the portal's list merges
  its options over those of the base's entry of the same name (a bare name keeps them), a new
  name is added after the base's entries, and `- name: false` removes the base's entry;
- the settings bscportal writes itself for every edition (`site_name`, `docs_dir`, `site_dir`,
  `nav`, `not_in_nav`, `copyright`, `theme.custom_dir`, `extra.edition` …) cannot be set, the
  theme stays `material`, and every name must be a MkDocs setting, an installed plugin or an
  importable Markdown extension: anything else stops the build with the file and line;
- `hooks` are paths relative to the portal folder.
"""
from __future__ import annotations

import importlib.util
import os
from dataclasses import dataclass
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any, Iterable, Iterator

import yaml

from ..i18n import N_, tr
from ..load.syntaxerrors import syntax_problem
from ..problems import Problem, Severity, display_path
from . import mkdocs_config
from .errors import BuildError
from .fingerprint import digest
from .stage import stage

#: the working folder's name in the portal folder, and the variable that moves it
WORK_DIR = ".bscportal"
CACHE_ENV = "BSCPORTAL_CACHE_DIR"

#: settings of the edition's configuration that bscportal writes itself (see `mkdocs_config`)
MANAGED: dict[tuple[str, ...], str] = {
    ("site_name",): N_("网站名称由 city.yml 里的城市名称生成"),
    ("copyright",): N_("页脚由 city.yml 里的城市名称和免责声明生成"),
    ("docs_dir",): N_("页面由 bscportal 生成并暂存"),
    ("site_dir",): N_("输出文件夹由 bscportal build --out 指定"),
    ("nav",): N_("导航由 bscportal 生成"),
    ("not_in_nav",): N_("导航由 bscportal 生成"),
    ("INHERIT",): N_("门户的 mkdocs.yml 已自动合并在软件包的基础配置之上"),
    ("theme", "custom_dir"): N_("主题文件放在门户的 theme/ 文件夹里"),
    ("extra", "edition"): N_("版本由 bscportal build --edition 指定"),
    ("extra", "edition_name"): N_("版本由 bscportal build --edition 指定"),
    ("extra", "disclaimer"): N_("免责声明写在 city.yml 里"),
    ("extra", "bsc_text"): N_("界面文字来自消息目录，随 city.yml 的 settings.language"),
    ("extra", "bsc_language"): N_("界面语言由 city.yml 的 settings.language 指定"),
    ("use_directory_urls",): N_("页面之间的链接按 .html 文件写成，门户不能改用目录式网址"),
}
#: Markdown extensions and plugins a portal may not switch on, and why
REFUSED: dict[str, str] = {
    "pymdownx.snippets": N_("它让页面和文章把任意文件（包括内部版的暂存文件）的内容插进来，公开版可能因此泄露内部内容"),
}
#: lists merged entry by entry, by name
NAMED_LISTS = ("plugins", "markdown_extensions")
#: settings whose values are paths relative to the configuration file
PATH_LISTS = ("hooks", "watch")
#: settings bscportal adds its own keys to (`mkdocs_config.edition_config`): mappings even
#: where the package's base configuration has none
MAPPINGS = ("extra",)


@dataclass(frozen=True)
class Portal:
    """The portal folder `root` (absolute)."""

    root: Path

    @classmethod
    def of(cls, scorecards: Path | str) -> Portal:
        """The portal whose `scorecards/` folder is `scorecards`."""
        return cls(Path(scorecards).resolve().parent)

    @property
    def config(self) -> Path:
        return self.root / "mkdocs.yml"

    @property
    def theme(self) -> Path:
        return self.root / "theme"

    @property
    def work(self) -> Path:
        """The working folder: `<portal>/.bscportal`, or under `$BSCPORTAL_CACHE_DIR`."""
        moved = os.environ.get(CACHE_ENV, "").strip()
        if moved:
            where = digest(str(self.root).encode("utf-8"))[:12]
            return Path(moved).expanduser().resolve() / f"{self.root.name or 'portal'}-{where}"
        return self.root / WORK_DIR

    @property
    def stage(self) -> Path:
        return self.work / "stage"

    @property
    def cache(self) -> Path:
        return self.work / "cache"


# -- the theme ------------------------------------------------------------------------------------

#: staged theme file → the file it was copied from (for error messages)
_THEME_SOURCES: dict[str, Path] = {}


def _theme_files(folder: Path) -> Iterator[tuple[str, Path]]:
    for dirpath, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d != "__pycache__")
        for name in sorted(files):
            if not name.startswith("."):
                path = Path(dirpath) / name
                yield path.relative_to(folder).as_posix(), path


def _theme_is_a_folder(portal: Portal) -> None:
    if portal.theme.exists() and not portal.theme.is_dir():
        raise BuildError(tr("{path} 应是一个文件夹（门户的主题文件），现在是一个文件", path=display_path(portal.theme)))


def theme_folder(portal: Portal | None, stage_root: Path) -> Path:
    """The folder MkDocs takes the theme from (`theme.custom_dir`): the package's theme as it is,
    or, when the portal has a `theme/` folder, the package's theme with the portal's files over
    it, staged into `stage_root/theme` (only changed files are written; the incremental build's
    fingerprint of this folder sees any change of either)."""
    if portal is None or not portal.theme.exists():
        return mkdocs_config.THEME_DIR
    _theme_is_a_folder(portal)
    sources = dict(_theme_files(mkdocs_config.THEME_DIR))
    sources.update(_theme_files(portal.theme))
    target = stage_root / "theme"
    files: dict[str, bytes] = {}
    for rel, path in sources.items():
        try:
            files[rel] = path.read_bytes()
        except OSError as exc:
            raise BuildError(tr("无法读取主题文件 {path}：{reason}", path=display_path(path),
                                reason=exc.strerror or exc)) from None
    stage(files, target)
    _THEME_SOURCES.update({str(target.resolve() / rel): path for rel, path in sources.items()})
    return target


def theme_source(path: str) -> str:
    """The file a theme file MkDocs names (in a staged theme) was copied from, as shown in
    messages; `path` as it is when it is no staged theme file."""
    source = _THEME_SOURCES.get(str(Path(path).resolve())) if path else None
    return display_path(source) if source is not None else path


# -- the configuration ----------------------------------------------------------------------------

Where = tuple[str | int, ...]


class _Located(str):
    """An error message `file:line: message` that keeps its parts (for `check`'s problem)."""

    path: str
    line: int
    message: str

    def __new__(cls, text: str, path: str, line: int, message: str) -> "_Located":
        located = super().__new__(cls, text)
        located.path, located.line, located.message = path, line, message
        return located


class _Override:
    """A portal's mkdocs.yml: its settings and the line of every key and list entry."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.shown = display_path(path)
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise BuildError(tr("无法读取门户的网站配置 {path}：{reason}", path=self.shown,
                                reason=getattr(exc, "strerror", None) or exc)) from None
        loader = mkdocs_config._Loader(text)
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else {}
        except yaml.YAMLError as exc:   # explained as check explains the scorecards' YAML
            problem = syntax_problem(exc, text, self.shown)
            raise BuildError(self.at_line(problem.line, problem.message)) from None
        finally:
            loader.dispose()
        self.lines: dict[Where, int] = {}
        if node is not None:
            self._note(node, ())
        if data is None:
            data = {}
        if not isinstance(data, dict):
            raise BuildError(self.error((), tr("网站配置应为 `设置: 值` 的映射")))
        self.data: dict[str, Any] = data

    def _note(self, node: yaml.Node, where: Where) -> None:
        self.lines.setdefault(where, node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode):
                    self.lines[where + (str(key.value),)] = key.start_mark.line + 1
                    self._note(value, where + (str(key.value),))
        elif isinstance(node, yaml.SequenceNode):
            for i, item in enumerate(node.value):
                self._note(item, where + (i,))

    def at_line(self, line: int, message: str) -> str:
        return _Located(f"{self.shown}:{line}: {message}", self.shown, line, message)

    def error(self, where: Where, message: str) -> str:
        while where and where not in self.lines:
            where = where[:-1]
        return self.at_line(self.lines.get(where, 1), message)


def _dotted(where: Where) -> str:
    return ".".join(str(w) for w in where)


def _entries(value: Any, override: _Override | None, where: Where) -> list[tuple[str, Any, Where]]:
    """A `plugins` / `markdown_extensions` value as (name, options, where) entries."""
    if isinstance(value, dict):   # MkDocs also takes `plugins: {name: options}`
        return [(str(k), v, where + (str(k),)) for k, v in value.items()]
    if not isinstance(value, list):
        raise BuildError(_error(override, where, tr("{key} 应是一个列表（每项一个名称，可带选项）", key=_dotted(where))))
    out: list[tuple[str, Any, Where]] = []
    for i, item in enumerate(value):
        if isinstance(item, str):
            out.append((item, None, where + (i,)))
        elif isinstance(item, dict) and len(item) == 1:
            name, options = next(iter(item.items()))
            out.append((str(name), options, where + (i, str(name))))
        else:
            raise BuildError(_error(override, where + (i,), tr(
                "{key} 的每一项应是一个名称，或 `名称: 选项`", key=_dotted(where))))
    return out


def _error(override: _Override | None, where: Where, message: str) -> str:
    return override.error(where, message) if override is not None else message


def _installed_plugins() -> set[str]:
    from mkdocs.plugins import get_plugins

    return set(get_plugins())


def _markdown_extension_exists(name: str) -> bool:
    if name in {e.name for e in entry_points(group="markdown.extensions")}:
        return True
    module = name.partition(":")[0]
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):
        return False


def _merge_named(base: Any, over: Any, override: _Override, where: Where) -> list[Any]:
    key = str(where[0])
    merged: dict[str, Any] = {name: options for name, options, _ in _entries(base, None, where)}
    known = _installed_plugins() if key == "plugins" else None
    for name, options, at in _entries(over, override, where):
        if options is False:
            merged.pop(name, None)
            continue
        if name in REFUSED:
            raise BuildError(override.error(at, tr("{name} 不能在门户的 mkdocs.yml 里打开：{why}。请删除这一项",
                                                   name=name, why=tr(REFUSED[name]))))
        if name not in merged and not (name in known if known is not None else _markdown_extension_exists(name)):
            raise BuildError(override.error(at, tr("没有安装名为 {name} 的 MkDocs 插件：请检查拼写，或先用 pip 安装它", name=name)
                                            if key == "plugins" else
                                            tr("找不到名为 {name} 的 Markdown 扩展：请检查拼写，或先用 pip 安装它", name=name)))
        if options is not None and not isinstance(options, dict):
            raise BuildError(override.error(at, tr(
                "{name} 的选项应是 `选项: 值` 的映射（或写 `{name}: false` 去掉这一项）", name=name)))
        old = merged.get(name)
        merged[name] = _merge(old, options, override, at) if isinstance(old, dict) and options else (
            options if options is not None else old)
    return [name if options is None else {name: options} for name, options in merged.items()]


def _merge(base: Any, over: Any, override: _Override, where: Where) -> Any:
    if len(where) == 1 and where[0] in NAMED_LISTS:
        return _merge_named(base if base is not None else [], over, override, where)
    if isinstance(base, dict) and over is None:   # `theme:` with nothing under it
        return base
    if isinstance(base, dict) or (base is None and isinstance(over, dict)):
        if not isinstance(over, dict):
            raise BuildError(override.error(where, tr("{key} 应是 `设置: 值` 的映射，与软件包的配置相同", key=_dotted(where))))
        merged = dict(base or {})
        for key, value in over.items():
            at = where + (str(key),)
            why = MANAGED.get(tuple(str(w) for w in at))
            if why is not None:
                raise BuildError(override.error(at, tr("{key} 不能在门户的 mkdocs.yml 里设置：{why}。请删除这一项",
                                                       key=_dotted(at), why=tr(why))))
            merged[key] = _merge(merged.get(key), value, override, at)
        return merged
    return over


def merge(base: dict[str, Any], override: _Override, portal_root: Path) -> dict[str, Any]:
    """`base` with the portal's settings merged over it (see the module docstring)."""
    from mkdocs.config.defaults import MkDocsConfig

    known = {name for name, _ in MkDocsConfig._schema}
    for key in override.data:
        at = (str(key),)
        if (str(key),) not in MANAGED and str(key) not in known:
            raise BuildError(override.error(at, tr(
                "{key} 不是 MkDocs 的设置：请检查拼写（可用的设置见 https://www.mkdocs.org/user-guide/configuration/）",
                key=key)))
    for key in MAPPINGS:
        value = override.data.get(key)
        if value is not None and not isinstance(value, dict):
            raise BuildError(override.error((key,), tr("{key} 应是 `设置: 值` 的映射，与软件包的配置相同", key=key)))
    theme = override.data.get("theme")
    if isinstance(theme, dict) and theme.get("name", "material") != "material":
        raise BuildError(override.error(("theme", "name"), tr(
            "主题只能是 material（门户的页面模板以它为基础）：请删除 theme.name，或写 material")))
    merged: dict[str, Any] = _merge(base, override.data, override, ())
    for key in MAPPINGS:
        if key in merged and merged[key] is None:   # `extra:` with nothing under it
            merged[key] = {}
    for key in PATH_LISTS:
        if key in override.data:
            merged[key] = _paths(override, key, portal_root)
    return merged


def _paths(override: _Override, key: str, root: Path) -> list[str]:
    value = override.data[key]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise BuildError(override.error((key,), tr("{key} 应是文件路径的列表（相对于门户文件夹）", key=key)))
    out = []
    for i, rel in enumerate(value):
        path = (root / rel).resolve()
        if not path.exists():
            raise BuildError(override.error((key, i), tr("找不到 {path}（路径相对于门户文件夹）", path=rel)))
        out.append(str(path))
    return out


def site_config(portal: Portal | None) -> dict[str, Any]:
    """The base configuration of the portal's editions: the package's, with the portal's own
    `mkdocs.yml` merged over it when there is one. Raises `BuildError` with the file and line of
    a setting that cannot be used."""
    base = mkdocs_config.load_base()
    if portal is None or not portal.config.exists():
        return base
    return merge(base, _Override(portal.config), portal.root)


def watched(portal: Portal | None) -> Iterable[Path]:
    """What `serve` watches besides the data: the portal's overrides and the package's defaults."""
    yield mkdocs_config.THEME_DIR
    yield mkdocs_config.BASE_CONFIG
    if portal is not None:
        yield portal.theme
        yield portal.config


#: the check code of a portal's own mkdocs.yml that cannot be used (`bscportal check`)
CONFIG_CODE = "BSC008"


def config_problems(portal: Portal) -> list[Problem]:
    """What `check` reports about the portal's own `mkdocs.yml` (and `theme/` folder): the
    error `build` would stop with, as a problem at its file and line; none when there is none."""
    try:
        site_config(portal)
        _theme_is_a_folder(portal)
    except BuildError as exc:
        what = exc.args[0]
        if isinstance(what, _Located):
            return [Problem(what.path, what.line, 1, Severity.ERROR, CONFIG_CODE, what.message)]
        return [Problem(display_path(portal.config), 1, 1, Severity.ERROR, CONFIG_CODE, str(what))]
    return []
