"""The per-edition `mkdocs.yml`, written into the staging folder from the base `mkdocs.yml`.

The base file holds the choices (theme, features, extensions, search options); this module adds
what depends on the edition and the paths of this build. Python tags in the base file (the
`pymdownx.slugs.slugify` call) are kept as tags and written back unchanged, so MkDocs' own YAML
loader builds the slugify function when it reads the staged file.
"""
from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import yaml

from ..i18n import current, tr, tr_p
from ..model import City
from ..render import paths
from ..render.edition import EDITION_NAMES, Edition
from .errors import BuildError
from .language import apply_language, search_options, theme_texts

#: what the package gives every portal (package data; a portal's own mkdocs.yml and theme/
#: beside scorecards/ are merged over them: `portal`)
DEFAULTS = Path(__file__).resolve().parent / "defaults"
BASE_CONFIG = DEFAULTS / "mkdocs.yml"
THEME_DIR = DEFAULTS / "theme"
#: MkDocs hook that fixes the search worker's reading of Chinese queries and ids
SEARCH_HOOK = Path(__file__).resolve().parent / "searchfix.py"
#: MkDocs hook that passes the HTML of every article body through the allow-list sanitiser
SANITIZE_HOOK = Path(__file__).resolve().parent / "sanitize.py"
#: MkDocs hook that lets every section of a unit's pages be found by the unit's name
UNIT_NAME_HOOK = Path(__file__).resolve().parent / "searchunit.py"
#: MkDocs hook that keeps the words of neighbouring table cells apart (search index, snippets)
CELL_SPACE_HOOK = Path(__file__).resolve().parent / "cellspace.py"
#: Markdown extension and MkDocs hook that set the raw HTML blocks of generated pages aside
RAW_BLOCKS = "generator.site.rawblocks"
RAW_BLOCKS_HOOK = Path(__file__).resolve().parent / "rawblocks_hook.py"
#: the package's hooks, in the order every edition's configuration lists them
HOOKS = (RAW_BLOCKS_HOOK, SANITIZE_HOOK, CELL_SPACE_HOOK, UNIT_NAME_HOOK, SEARCH_HOOK)

def city_section() -> str:
    """The title of the nav's city-wide section, where the results pages are added."""
    return tr_p("nav", "全市")


def nav_sections() -> list[Any]:
    """The whole nav in the current language: sections with index pages; unit pages and
    articles are reached from tables."""
    return [
        {tr_p("nav", "首页"): paths.HOME},
        {tr_p("nav", "单位"): paths.UNITS},
        {city_section(): [paths.CITY, {tr_p("nav", "推行进度"): paths.ROLLOUT},
                          {tr_p("nav", "最近更新"): paths.CHANGES}, {tr_p("nav", "术语表"): paths.GLOSSARY}]},
        {tr_p("nav", "经验文章"): paths.ARTICLES},
        {tr_p("nav", "关于"): paths.ABOUT},
    ]


def internal_nav() -> list[Any]:
    return [{tr_p("nav", "内部资料"): [paths.INTERNAL, {tr_p("nav", "一人多岗公平性"): paths.FAIRNESS}]}]


def has_dual_track(city: City, edition: Edition) -> bool:
    """Whether any result this edition shows was assessed beside the traditional assessment."""
    return any(r.traditional is not None and (edition == "internal" or r.published)
               for u in city for r in u.results.values())


def has_ranking(city: City, edition: Edition) -> bool:
    """Whether the edition shows the ranking (internal, or `publish_ranking`) and there is an
    annual result to rank."""
    if edition != "internal" and not city.info.settings.publish_ranking:
        return False
    return any(p.kind == "year" and (edition == "internal" or u.results[p.id].published)
               for u in city for p in u.assessed_periods)
#: pages deliberately left out of the nav (gitignore-style patterns)
NOT_IN_NAV = "/units/*/\n/articles/\n/topics/\n"


def results_nav(city: City, edition: Edition) -> list[Any]:
    """The nav with the city-wide results pages (issue #4) in the 全市 section, each only where
    it has something to show: the ranking where the edition shows it (internal, or
    `publish_ranking`) and a year is assessed, the dual-track view where a result shown ran
    dual-track, and the 督办 page (tracking) where it exists (internal, or `publish_tracking`
    not empty). A page left out of the nav is still built (links to it keep working)."""
    nav = nav_sections()
    pages: list[Any] = []
    if has_ranking(city, edition):
        pages.append({tr_p("nav", "考核排名"): paths.RANKING})
    if has_dual_track(city, edition):
        pages.append({tr_p("nav", "双轨对照"): paths.DUAL_TRACK})
    if edition == "internal" or city.info.settings.publish_tracking:
        pages.append({tr_p("nav", "督办"): paths.TRACKING})
    for section in nav:
        if isinstance(section, dict) and isinstance(section.get(city_section()), list):
            section[city_section()][1:1] = pages
    return nav


class PyTag:
    """A `!!python/...` node from the base file, written back verbatim."""

    def __init__(self, tag: str, value: Any) -> None:
        self.tag, self.value = tag, value


class _Loader(yaml.SafeLoader):
    pass


class _Dumper(yaml.SafeDumper):
    pass


def _construct_py(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> PyTag:
    if isinstance(node, yaml.MappingNode):
        value: Any = loader.construct_mapping(node, deep=True)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    elif isinstance(node, yaml.ScalarNode):
        value = loader.construct_scalar(node)
    else:  # pragma: no cover - PyYAML has no other node kind
        raise yaml.constructor.ConstructorError(None, None, "unknown node", node.start_mark)
    return PyTag("tag:yaml.org,2002:python/" + suffix, value)


def _represent_py(dumper: yaml.SafeDumper, data: PyTag) -> yaml.Node:
    if isinstance(data.value, dict):
        return dumper.represent_mapping(data.tag, data.value)
    if isinstance(data.value, list):
        return dumper.represent_sequence(data.tag, data.value)
    return dumper.represent_scalar(data.tag, data.value)


_Loader.add_multi_constructor("tag:yaml.org,2002:python/", _construct_py)
_Dumper.add_representer(PyTag, _represent_py)


def load_base(path: Path = BASE_CONFIG) -> dict[str, Any]:
    """The base mkdocs.yml; raises `BuildError` when it cannot be read or is not a mapping."""
    try:
        with open(path, encoding="utf-8") as f:
            cfg = yaml.load(f, Loader=_Loader) or {}  # noqa: S506 - our loader is SafeLoader-based
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise BuildError(tr("无法读取网站配置 {config}：{error}", config=path.name, error=exc)) from None
    if not isinstance(cfg, dict):
        raise BuildError(tr("网站配置 {config} 应为 `键: 值` 的映射", config=path.name))
    return cfg


def copyright_line(city: City, edition: Edition) -> str:
    from ..render.escape import html

    parts = [city.info.full_name or city.name, tr(EDITION_NAMES[edition]), city.info.disclaimer]
    return str(html(" · ".join(p for p in parts if p)))


def site_name(city: City, edition: Edition) -> str:
    """`海林市平衡计分卡门户（内部版）` / `Hailin balanced scorecard portal (internal edition)`."""
    if edition == "internal":
        return tr("{city}平衡计分卡门户（内部版）", city=city.name)
    return tr("{city}平衡计分卡门户", city=city.name)


def edition_config(city: City, edition: Edition, *, docs_dir: Path, site_dir: Path,
                   user_dict: Path, theme_dir: Path = THEME_DIR,
                   base: dict[str, Any] | None = None) -> dict[str, Any]:
    """The config dict of one edition (paths absolute, so the file may live anywhere)."""
    cfg = copy.deepcopy(base if base is not None else load_base())
    cfg["site_name"] = site_name(city, edition)
    cfg["docs_dir"] = str(docs_dir.resolve())
    cfg["site_dir"] = str(site_dir.resolve())
    cfg["copyright"] = copyright_line(city, edition)
    theme = cfg.setdefault("theme", {"name": "material"})
    theme["custom_dir"] = str(theme_dir.resolve())
    cfg["nav"] = results_nav(city, edition) + (internal_nav() if edition == "internal" else [])
    cfg["not_in_nav"] = NOT_IN_NAV
    extra = cfg.setdefault("extra", {})
    extra.update({"edition": edition, "edition_name": tr(EDITION_NAMES[edition]),
                  "bsc_text": theme_texts(current()), "bsc_language": current(),
                  "disclaimer": city.info.disclaimer or ""})
    search_options(cfg)["jieba_dict_user"] = str(user_dict.resolve())
    # clean the HTML of article bodies (before the search plugin and the theme see it); patch
    # Material's search worker after the build (Chinese query segmentation, ids)
    apply_language(cfg, current())
    hooks = cfg.setdefault("hooks", [])
    for hook in HOOKS:
        if str(hook) not in hooks:
            hooks.append(str(hook))
    extensions = cfg.setdefault("markdown_extensions", [])
    if RAW_BLOCKS not in extensions:
        extensions.append(RAW_BLOCKS)
    return cfg


def dump(cfg: dict[str, Any]) -> str:
    return "# Generated by bscportal from mkdocs.yml: do not edit.\n" + yaml.dump(
        cfg, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1000)
