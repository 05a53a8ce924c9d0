"""Render one edition of the site: the City (already checked) → staged files (Markdown, SVG,
CSV, JSON), as a mapping of docs-relative paths to bytes. Nothing here touches the disk except
the map cache; `generator.site.stage` writes the files.

Modules, by job:

- one source each: `fmt` (how every value reads), `paths` (where every file goes, anchors),
  `style` (fonts, status colours), `textwidth` (how wide text is), `escape` (text for
  Markdown, HTML, DOT, CSV), `tabular` (the one CSV and XLSX writer), `errors` (`RenderError`);
  labels of enumerated values come from `generator.model.vocab`;
- what an edition shows: `edition` (the public view), `scores` (statuses, scores and period
  results), `context` (`SiteContext`);
- typed rows shared by pages, downloads and the CLI: `resultrows` (a scored period),
  `annual` (city-wide annual results, ranked), `peoplerows` (person-level results), `cardrows`
  (scorecard tables);
- outputs: `maps` (strategy maps: DOT → SVG; their geometry in `maplayout`, labels broken
  between words by `wordbreak`), `charts` (SVG charts), `downloads` (indicator
  cards CSV, JSON), `results_downloads` (results CSV/XLSX), `score_text` (the `score`
  command's table), `articles`, `searchdict` (jieba user dictionary), `jinja` (the template
  environment), `output` (`Output`, `page`), `pages/` (one module per page kind, `PAGE_KINDS`)
  and `templates/` (one template per page kind).

Declared boilerplate: the frozen dataclasses that type rows and template contexts are field
lists, and some share a shape (an entity, its status, what it relates to) without sharing
meaning; they are kept apart so that a renamed field fails where it is used.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Sequence

from ..diff.history import History
from ..model import City
from ..scoring.reporting import today
from ..load.articles import Article
from .context import SiteContext
from .edition import Edition, view
from .maps import MapRenderer


def edition_articles(articles: Sequence[Article], site_city: City, internal: bool) -> tuple[Article, ...]:
    """Articles an edition shows: not internal ones or drafts (public), nor ones about a unit it
    hides."""
    out = []
    for a in articles:
        if (a.internal or a.draft) and not internal:
            continue
        if a.unit is not None and a.unit not in site_city.units:
            continue
        out.append(a)
    return tuple(out)


def edition_site(city: City, edition: Edition, *, articles: Sequence[Article] = (),
                 updated: dict[str, str] | None = None, maps: MapRenderer | None = None,
                 pages_dir: Path | None = None, repo_paths: dict[str, str] | None = None,
                 history: History | None = None, as_of: dt.date | None = None) -> SiteContext:
    """What one edition is rendered from; its files are `pages.site_outputs(site)`."""
    ev = view(city, edition)
    return SiteContext(
        ev=ev,
        articles=edition_articles(list(articles), ev.city, ev.internal),
        updated=updated or {},
        maps=maps or MapRenderer(None),
        pages_dir=pages_dir,
        repo_paths=repo_paths or {},
        history=history or History(),
        as_of=as_of or today(),
    )


def render_edition(city: City, edition: Edition, *, articles: Sequence[Article] = (),
                   updated: dict[str, str] | None = None, maps: MapRenderer | None = None,
                   pages_dir: Path | None = None, repo_paths: dict[str, str] | None = None,
                   history: History | None = None,
                   as_of: dt.date | None = None) -> tuple[SiteContext, dict[str, bytes]]:
    """The edition's context and every staged file of it (path → bytes)."""
    from .pages import render_site     # the page kinds (and openpyxl) only when pages are made

    site = edition_site(city, edition, articles=articles, updated=updated, maps=maps, pages_dir=pages_dir,
                        repo_paths=repo_paths, history=history, as_of=as_of)
    return site, render_site(site)
