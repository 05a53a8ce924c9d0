"""Page kinds: one module each, registered in `PAGE_KINDS`.

A page kind is a module with

- `KIND`: a short name (also the name of its template, `templates/<KIND>.md.j2`, if it has one);
- `EDITIONS`: the editions it appears in (default both);
- `outputs(site: SiteContext) -> Iterable[Output]`: the staged files it produces (Markdown
  pages, and any SVG/CSV/JSON beside them), paths relative to the docs folder.

To add a page kind: write `pages/<kind>.py` and `templates/<kind>.md.j2`, add the module to
`PAGE_KINDS` below, and link to its pages from an existing page (every page must be reachable
from the home page; `tests/site/test_links.py` checks). Nav entries live in
`generator/site/mkdocs_config.py` (`NAV`); keep the nav short.
"""
from __future__ import annotations

from types import ModuleType
from typing import Iterator

from ..context import SiteContext
from ..output import Output
from . import (articles, city, dualtrack, glossary, history, home, internal, people, people_results,
               ranking, reporting, results, rollout, scales, static, topics, tracking, unit, units)

#: every page kind, in build order
PAGE_KINDS: list[ModuleType] = [
    home,
    units,
    unit,
    people,
    city,
    rollout,
    glossary,
    articles,
    topics,
    static,
    internal,
    results,
    ranking,
    dualtrack,
    people_results,
    history,
    reporting,
    tracking,
    scales,
]


def kinds_for(edition: str) -> Iterator[ModuleType]:
    for kind in PAGE_KINDS:
        if edition in getattr(kind, "EDITIONS", ("public", "internal")):
            yield kind


def site_outputs(site: SiteContext) -> Iterator[Output]:
    """Every staged file of the edition, one at a time (the build writes each as it comes and
    keeps none: a city of 710 units stages over half a gigabyte an edition)."""
    seen: set[str] = set()
    for kind in kinds_for(site.edition):
        for item in kind.outputs(site):
            if item.path in seen:
                raise ValueError(f"two page kinds write {item.path} ({kind.KIND})")
            seen.add(item.path)
            yield item


def render_site(site: SiteContext) -> dict[str, bytes]:
    """Every staged file of the edition: docs-relative path → bytes."""
    return {item.path: item.data for item in site_outputs(site)}


__all__ = ["Output", "PAGE_KINDS", "render_site", "site_outputs", "kinds_for"]
