"""Render one edition of the site: the City (already checked) → staged files (Markdown, SVG,
CSV, JSON), as a mapping of docs-relative paths to bytes. Nothing here touches the disk except
the map cache; `generator.site.stage` writes the files.

Modules: `edition` (the public view), `scores` (statuses and scores as an edition shows them),
`maps` (strategy maps: DOT → SVG), `downloads` (CSV, JSON), `escape` (text for Markdown, HTML,
DOT, CSV), `labels` (Chinese field and value names from the model), `cardrows` (scorecard table
rows), `articles` (experience articles), `searchdict` (jieba user dictionary), `jinja` (the
template environment), `context` (`SiteContext`), `pages/` (one module per page kind) and
`templates/` (one template per page kind).
"""
from __future__ import annotations

from pathlib import Path

from ..model import City
from ..load.articles import Article
from .context import SiteContext
from .edition import Edition, view
from .maps import MapRenderer
from .pages import render_site


def edition_articles(articles: list[Article], site_city: City, internal: bool) -> tuple[Article, ...]:
    """Articles an edition shows: not internal ones, nor ones about a unit it hides."""
    out = []
    for a in articles:
        if a.internal and not internal:
            continue
        if a.unit is not None and a.unit not in site_city.units:
            continue
        out.append(a)
    return tuple(out)


def render_edition(city: City, edition: Edition, *, articles: list[Article] = (),
                   updated: dict[str, str] | None = None, maps: MapRenderer | None = None,
                   pages_dir: Path | None = None,
                   repo_paths: dict[str, str] | None = None) -> tuple[SiteContext, dict[str, bytes]]:
    ev = view(city, edition)
    site = SiteContext(
        ev=ev,
        articles=edition_articles(list(articles), ev.city, ev.internal),
        updated=updated or {},
        maps=maps or MapRenderer(None),
        pages_dir=pages_dir,
        repo_paths=repo_paths or {},
    )
    return site, render_site(site)
