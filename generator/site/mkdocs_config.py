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

from ..model import City
from ..render import paths
from ..render.edition import EDITION_NAMES, Edition
from .errors import BuildError

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

#: the whole nav: sections with index pages; unit pages and articles are reached from tables
NAV: list[Any] = [
    {"首页": paths.HOME},
    {"单位": paths.UNITS},
    {"全市": [paths.CITY, {"推行进度": paths.ROLLOUT}, {"最近更新": paths.CHANGES}, {"术语表": paths.GLOSSARY}]},
    {"经验文章": paths.ARTICLES},
    {"关于": paths.ABOUT},
]
INTERNAL_NAV: list[Any] = [{"内部资料": [paths.INTERNAL, {"一人多岗公平性": paths.FAIRNESS}]}]
#: pages deliberately left out of the nav (gitignore-style patterns)
NOT_IN_NAV = "/units/*/\n/articles/\n/topics/\n"


def results_nav(city: City, edition: Edition) -> list[Any]:
    """NAV with the city-wide results pages (issue #4) in the 全市 section: the dual-track
    view always, the ranking only where the edition shows it (internal, or `publish_ranking`),
    and the 督办 page (tracking) where it exists (internal, or `publish_tracking` not empty)."""
    nav = copy.deepcopy(NAV)
    pages: list[Any] = [{"双轨对照": paths.DUAL_TRACK}]
    if edition == "internal" or city.info.settings.publish_ranking:
        pages.insert(0, {"考核排名": paths.RANKING})
    if edition == "internal" or city.info.settings.publish_tracking:
        pages.append({"督办": paths.TRACKING})
    for section in nav:
        if isinstance(section, dict) and isinstance(section.get("全市"), list):
            section["全市"][1:1] = pages
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
        raise BuildError(f"无法读取网站配置 {path.name}：{exc}") from None
    if not isinstance(cfg, dict):
        raise BuildError(f"网站配置 {path.name} 应为 `键: 值` 的映射")
    return cfg


def copyright_line(city: City, edition: Edition) -> str:
    from ..render.escape import html

    return str(html(f"{city.info.full_name or city.name} · {EDITION_NAMES[edition]} · "
                    f"{city.info.disclaimer}"))


def edition_config(city: City, edition: Edition, *, docs_dir: Path, site_dir: Path,
                   user_dict: Path, theme_dir: Path = THEME_DIR,
                   base: dict[str, Any] | None = None) -> dict[str, Any]:
    """The config dict of one edition (paths absolute, so the file may live anywhere)."""
    cfg = copy.deepcopy(base if base is not None else load_base())
    cfg["site_name"] = f"{city.name}平衡计分卡门户" + ("（内部版）" if edition == "internal" else "")
    cfg["docs_dir"] = str(docs_dir.resolve())
    cfg["site_dir"] = str(site_dir.resolve())
    cfg["copyright"] = copyright_line(city, edition)
    theme = cfg.setdefault("theme", {"name": "material"})
    theme["custom_dir"] = str(theme_dir.resolve())
    cfg["nav"] = results_nav(city, edition) + (INTERNAL_NAV if edition == "internal" else [])
    cfg["not_in_nav"] = NOT_IN_NAV
    extra = cfg.setdefault("extra", {})
    extra.update({"edition": edition, "edition_name": EDITION_NAMES[edition],
                  "disclaimer": city.info.disclaimer})
    plugins = cfg.setdefault("plugins", [])
    for i, p in enumerate(plugins):
        if p == "search" or (isinstance(p, dict) and "search" in p):
            opts = dict(p["search"] or {}) if isinstance(p, dict) else {}
            opts["jieba_dict_user"] = str(user_dict.resolve())
            plugins[i] = {"search": opts}
            break
    else:
        plugins.insert(0, {"search": {"jieba_dict_user": str(user_dict.resolve())}})
    # clean the HTML of article bodies (before the search plugin and the theme see it); patch
    # Material's search worker after the build (Chinese query segmentation, ids)
    hooks = cfg.setdefault("hooks", [])
    for hook in (SANITIZE_HOOK, UNIT_NAME_HOOK, SEARCH_HOOK):
        if str(hook) not in hooks:
            hooks.append(str(hook))
    return cfg


def dump(cfg: dict[str, Any]) -> str:
    return "# Generated by bscportal from mkdocs.yml: do not edit.\n" + yaml.dump(
        cfg, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1000)
