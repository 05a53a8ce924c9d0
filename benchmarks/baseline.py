"""The naive baseline: the same staged pages built by plain `mkdocs build` with Material's
defaults — every page in `nav` (no `not_in_nav`, no `navigation.prune`) and the search plugin
as shipped (no separator, pipeline, user dictionary or hook of ours).

Our own speed-ups go too (the hooks, the raw-block extension `site/rawblocks.py`). What stays the
portal's: the theme (Material with our `custom_dir`, language zh, so the search
plugin segments Chinese with jieba as shipped), the Markdown extensions, `extra` and the other
theme features, so the pages are the same and only navigation and search differ.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from generator.site.mkdocs_config import RAW_BLOCKS, dump, load_base

NavItem = Any


def nav_of(docs: Path) -> list[NavItem]:
    """Every Markdown page under `docs`, as MkDocs' own default nav would list them: a folder's
    index.md first, then its pages, then its sub-folders as sections."""
    def walk(folder: Path) -> list[NavItem]:
        rel = lambda p: p.relative_to(docs).as_posix()  # noqa: E731
        pages = sorted(p for p in folder.glob("*.md"))
        items: list[NavItem] = [rel(p) for p in pages if p.name == "index.md"]
        items += [rel(p) for p in pages if p.name != "index.md"]
        for sub in sorted(p for p in folder.iterdir() if p.is_dir()):
            inner = walk(sub)
            if inner:
                items.append({sub.name: inner})
        return items
    return walk(docs)


def naive_config(staged_config: Path, site_dir: Path) -> dict[str, Any]:
    """The naive config for the staged edition whose mkdocs.yml is `staged_config`."""
    cfg = load_base(staged_config)
    cfg["site_dir"] = str(site_dir.resolve())
    cfg["nav"] = nav_of(Path(cfg["docs_dir"]))
    cfg.pop("not_in_nav", None)
    cfg.pop("hooks", None)
    cfg["markdown_extensions"] = [e for e in cfg.get("markdown_extensions", []) if e != RAW_BLOCKS]
    theme = cfg.setdefault("theme", {})
    theme["features"] = [f for f in theme.get("features", []) if f != "navigation.prune"]
    cfg["plugins"] = ["search"]
    return cfg


def write_naive(staged_config: Path, site_dir: Path, dest: Path) -> Path:
    dest.write_text(dump(naive_config(staged_config, site_dir)), encoding="utf-8")
    return dest
