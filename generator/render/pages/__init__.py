"""Page kinds: one module each, registered in `PAGE_KINDS`.

A page kind is a module with

- `KIND`: a short name (also the name of its template, `templates/<KIND>.md.j2`, if it has one);
- `EDITIONS`: the editions it appears in (default both);
- `unit_outputs(site: SiteContext, unit: Unit) -> Iterable[Output]`, if its pages are one
  unit's: the staged files (Markdown pages, and any SVG/CSV/JSON beside them, paths relative
  to the docs folder) of that unit. They may read the unit and what is the city's (settings,
  rules, registry, glossary, articles, git dates and history, the date), never another unit:
  an incremental build reuses a unit's staged files while its own folder and the city's files
  are unchanged (`generator/site/unitreuse.py`);
- `outputs(site: SiteContext) -> Iterable[Output]`, if it has pages about the city or across
  units (home, units index, rankings, …): their staged files;
- `READS_UNITS = False`, if its `outputs` read nothing of any unit (only the city's settings,
  glossary, …): an incremental build keeps them while the city's files are unchanged;
- `prepare(site: SiteContext, units: Iterable[Unit]) -> None`, optionally: work done once for
  all the units about to be rendered (the strategy maps, drawn in one Graphviz run).

To add a page kind: write `pages/<kind>.py` and `templates/<kind>.md.j2`, add the module to
`PAGE_KINDS` below, and link to its pages from an existing page (every page must be reachable
from the home page; `tests/site/test_links.py` checks). Nav entries live in
`generator/site/mkdocs_config.py` (`NAV`); keep the nav short.
"""
from __future__ import annotations

from types import ModuleType
from itertools import chain
from typing import Iterable, Iterator, Protocol, TypeVar

from ...model import Unit
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


def city_outputs(site: SiteContext, reads_units: bool | None = None) -> Iterator[Output]:
    """The staged files about the city or across units (every kind's `outputs`); only those
    of kinds that read units (`reads_units` True) or that read none (False)."""
    for kind in kinds_for(site.edition):
        if hasattr(kind, "outputs") and reads_units in (None, getattr(kind, "READS_UNITS", True)):
            yield from kind.outputs(site)


def prepare_units(site: SiteContext, units: list[Unit]) -> None:
    """Before `units` are rendered (every kind's `prepare`)."""
    for kind in kinds_for(site.edition):
        if hasattr(kind, "prepare"):
            kind.prepare(site, units)


def unit_outputs(site: SiteContext, unit: Unit) -> Iterator[Output]:
    """One unit's staged files (every kind's `unit_outputs`)."""
    for kind in kinds_for(site.edition):
        if hasattr(kind, "unit_outputs"):
            yield from kind.unit_outputs(site, unit)


def site_outputs(site: SiteContext) -> Iterator[Output]:
    """Every staged file of the edition, one at a time (the build writes each as it comes and
    keeps none: a city of 710 units stages over half a gigabyte an edition)."""
    prepare_units(site, site.units)
    yield from distinct(chain(city_outputs(site), *(unit_outputs(site, u) for u in site.units)))


class _HasPath(Protocol):
    @property
    def path(self) -> str: ...


P = TypeVar("P", bound=_HasPath)


def distinct(items: Iterable[P]) -> Iterator[P]:
    """`items`, refusing a path written twice (two page kinds, or a unit and the city)."""
    seen: set[str] = set()
    for item in items:
        if item.path in seen:
            raise ValueError(f"two page kinds write {item.path}")
        seen.add(item.path)
        yield item


def render_site(site: SiteContext) -> dict[str, bytes]:
    """Every staged file of the edition: docs-relative path → bytes."""
    return {item.path: item.data for item in site_outputs(site)}


__all__ = ["Output", "PAGE_KINDS", "render_site", "site_outputs", "city_outputs", "unit_outputs", "distinct",
           "kinds_for", "prepare_units"]
