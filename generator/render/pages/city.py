"""City themes and which units' themes and objectives align to each (an alignment matrix)."""
from __future__ import annotations

from typing import Iterable

from ..context import SiteContext
from . import Output, page

KIND = "city"


def alignment(site: SiteContext) -> tuple[list[dict], list[dict]]:
    """Per city theme: aligned unit themes with their objectives; and one matrix row per unit."""
    themes = site.city.info.themes
    by_theme: dict[str, list[dict]] = {t.id: [] for t in themes}
    matrix = []
    for u in site.units:
        cells: dict[str, list] = {t.id: [] for t in themes}
        for t in u.themes:
            objs = [o for o in u.all_objectives if o.theme == t.id]
            for c in t.aligns_to:
                if c in by_theme:
                    by_theme[c].append({"unit": u, "theme": t, "objectives": objs})
                    cells[c].append((t, len(objs)))
        if u.themes:
            matrix.append({"unit": u, "cells": cells})
    return [{"theme": t, "aligned": by_theme[t.id]} for t in themes], matrix


def outputs(site: SiteContext) -> Iterable[Output]:
    themes, matrix = alignment(site)
    yield page("city.md.j2", "city/index.md", site=site, city=site.city, themes=themes,
               matrix=matrix, city_themes=site.city.info.themes)
