"""`SiteContext`: everything a page kind needs to render one edition, built once per build."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from urllib.parse import quote

from ..diff.history import History
from ..model import City, Unit
from ..scoring.reporting import today
from ..load.articles import Article
from .edition import EDITION_NAMES, Edition, EditionView
from .maps import MapRenderer
from .scores import Scores


@dataclass(eq=False)
class SiteContext:
    ev: EditionView
    #: articles this edition shows (newest first)
    articles: tuple[Article, ...] = ()
    #: unit id → last change date from git ("—" when unknown)
    updated: dict[str, str] = field(default_factory=dict)
    maps: MapRenderer = field(default_factory=lambda: MapRenderer(None))
    #: hand-written pages (`content/pages/*.md`) staged as they are
    pages_dir: Path | None = None
    #: repo-relative path of each source file shown by an "edit" link: displayed path → repo path
    repo_paths: dict[str, str] = field(default_factory=dict)
    #: the scorecards' revision history in this edition's terms (from git, by the site layer)
    history: History = field(default_factory=History)
    #: the date the site is "as of": what is overdue, reporting status, action statuses
    #: (`bscportal build --as-of`; default today, or `SOURCE_DATE_EPOCH`)
    as_of: dt.date = field(default_factory=today)
    scores: Scores = field(init=False)

    def __post_init__(self) -> None:
        self.scores = Scores(self.ev)

    # -- shortcuts ---------------------------------------------------------------------------
    @property
    def city(self) -> City:
        return self.ev.city

    @property
    def edition(self) -> Edition:
        return self.ev.edition

    @property
    def internal(self) -> bool:
        return self.ev.internal

    @property
    def edition_name(self) -> str:
        return EDITION_NAMES[self.edition]

    @cached_property
    def units(self) -> list[Unit]:
        """Units in registry order."""
        return [self.city.units[e.id] for e in self.city.registry.units if e.id in self.city.units]

    @cached_property
    def kind_names(self) -> dict[str, str]:
        return {k.id: k.name for k in self.city.info.kinds}

    @cached_property
    def stage_names(self) -> dict[str, str]:
        return {s.id: s.name for s in self.city.info.stages}

    @cached_property
    def city_theme_names(self) -> dict[str, str]:
        return {t.id: t.name for t in self.city.info.themes}

    # -- urls ------------------------------------------------------------------------------
    def edit_url(self, shown_path: str | None) -> str | None:
        """`{repo_url}/edit/{branch}/{path}` of a source file, or None without a repo URL."""
        settings = self.city.info.settings
        if not shown_path or not settings.repo_url:
            return None
        repo_path = self.repo_paths.get(shown_path, shown_path)
        # the URL's scheme and the branch name are validated by the model; the path is quoted
        return (f"{settings.repo_url.rstrip('/')}/edit/{quote(settings.edit_branch, safe='/')}/"
                f"{quote(repo_path, safe='/')}")

    # -- articles ------------------------------------------------------------------------------
    @cached_property
    def articles_by_unit(self) -> dict[str, list[Article]]:
        out: dict[str, list[Article]] = {}
        for a in self.articles:
            if a.unit:
                out.setdefault(a.unit, []).append(a)
        return out

    def unit_articles(self, unit_id: str) -> list[Article]:
        return self.articles_by_unit.get(unit_id, [])
