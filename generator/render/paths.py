"""Where every staged file goes (docs-relative POSIX paths) and the anchors inside pages.

Page kinds, templates, downloads and the MkDocs nav take paths from here, never from each
other, so a file name is decided once.
"""
from __future__ import annotations

from typing import Callable

from .escape import anchor

HOME = "index.md"
ABOUT = "about.md"
UNITS = "units/index.md"
UNITS_CSV = "units/units.csv"
CITY = "city/index.md"
ROLLOUT = "city/rollout.md"
GLOSSARY = "city/glossary.md"
RANKING = "city/ranking.md"
DUAL_TRACK = "city/dual-track.md"
#: reporting status (报送情况): the list of periods, and one page per period
REPORTING = "city/reporting.md"
ARTICLES = "articles/index.md"
#: the public edition's articles as an Atom feed
ARTICLES_FEED = "articles/feed.xml"
#: the articles' categories, tags and authors, each with a page of its articles
TOPICS = "topics/index.md"
INTERNAL = "internal/index.md"
FAIRNESS = "internal/fairness.md"
CHANGES = "city/changes.md"
#: tracking (督办): what is overdue across the city as of the build's date
TRACKING = "city/tracking.md"


def _unit_page(name: str) -> Callable[[str], str]:
    def path(unit_id: str) -> str:
        return f"units/{unit_id}/{name}.md"
    path.__doc__ = f"`units/<unit id>/{name}.md`"
    return path


#: a unit's pages
unit = _unit_page("index")
cards = _unit_page("cards")
people = _unit_page("people")
results = _unit_page("results")
people_results = _unit_page("people-results")
history = _unit_page("history")


def reporting(period_id: str) -> str:
    """`city/reporting-<period>.md`: who reported a period's values."""
    return f"city/reporting-{period_id}.md"


def scale(unit_id: str, period_id: str) -> str:
    """`units/<unit>/scale-<period>.md`: the period's assessment scale as a form to print."""
    return f"units/{unit_id}/scale-{period_id}.md"


def article(slug: str) -> str:
    return f"articles/{slug}.md"


def topic(kind: str, slug: str) -> str:
    """`topics/<kind>-<slug>.md`: the articles of one category, tag or author (kind `category`,
    `tag`, `author`; the slug is ASCII, from pinyin)."""
    return f"topics/{kind}-{slug}.md"


# -- files beside a unit's pages ----------------------------------------------------------------

def map_svg(unit_id: str, graph_id: str) -> str:
    """A strategy map's SVG: `map.svg` for the main map, `submap-<id>.svg` for the others."""
    return f"units/{unit_id}/{'map' if graph_id == 'map-main' else graph_id}.svg"


def measures_csv(unit_id: str) -> str:
    return f"units/{unit_id}/{unit_id}-measures.csv"


def unit_json(unit_id: str) -> str:
    return f"units/{unit_id}/{unit_id}.json"


def unit_results(unit_id: str, period_id: str, suffix: str) -> str:
    return f"units/{unit_id}/{unit_id}-results-{period_id}.{suffix}"


def unit_people_results(unit_id: str, period_id: str, suffix: str) -> str:
    return f"units/{unit_id}/{unit_id}-people-{period_id}.{suffix}"


def city_results(period_id: str, suffix: str) -> str:
    return f"city/results-{period_id}.{suffix}"


# -- anchors -------------------------------------------------------------------------------------

def action_anchor(action_id: str) -> str:
    return anchor("a", action_id)


def tracking_anchor(unit_id: str) -> str:
    """A unit's section on the 督办 page."""
    return anchor("u", unit_id)


def period_anchor(period_id: str) -> str:
    return anchor("p", period_id)


def objective_anchor(objective_id: str) -> str:
    return anchor("o", objective_id)


def measure_anchor(measure_id: str) -> str:
    return anchor("m", measure_id)


def at(path: str, fragment: str) -> str:
    """`path#fragment`."""
    return f"{path}#{fragment}"
