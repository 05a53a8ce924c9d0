"""City themes and which units' themes and objectives align to each (an alignment matrix)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from ...model import CityTheme, Objective, Theme, Unit
from .. import paths
from ..context import SiteContext
from ..output import Output, page

KIND = "city"


@dataclass(frozen=True)
class AlignedTheme:
    """A unit theme that aligns to a city theme, with the unit's objectives under it."""

    unit: Unit
    theme: Theme
    objectives: tuple[Objective, ...]


@dataclass(frozen=True)
class CityThemeRow:
    theme: CityTheme
    aligned: tuple[AlignedTheme, ...]


@dataclass(frozen=True)
class MatrixRow:
    unit: Unit
    #: city theme id → the unit's aligned themes with their objective counts
    cells: dict[str, list[tuple[Theme, int]]]


def alignment(site: SiteContext) -> tuple[list[CityThemeRow], list[MatrixRow]]:
    """Per city theme: aligned unit themes with their objectives; and one matrix row per unit."""
    themes = site.city.info.themes
    by_theme: dict[str, list[AlignedTheme]] = {t.id: [] for t in themes}
    matrix = []
    for u in site.units:
        cells: dict[str, list[tuple[Theme, int]]] = {t.id: [] for t in themes}
        for t in u.themes:
            objs = tuple(o for o in u.all_objectives if o.theme == t.id)
            for c in t.aligns_to:
                if c in by_theme:
                    by_theme[c].append(AlignedTheme(u, t, objs))
                    cells[c].append((t, len(objs)))
        if u.themes:
            matrix.append(MatrixRow(u, cells))
    return [CityThemeRow(t, tuple(by_theme[t.id])) for t in themes], matrix


def outputs(site: SiteContext) -> Iterable[Output]:
    themes, matrix = alignment(site)
    yield page("city.md.j2", paths.CITY, site=site, city=site.city, themes=themes,
               matrix=matrix, city_themes=site.city.info.themes)
