"""Experience articles: an index page, and each article staged with a header that links it to
its unit and to the objectives and measures it names (anchors on the unit's pages)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from ...model import Measure, Objective, Unit
from ...load.articles import Article
from .. import paths
from ..articles import staged_body
from ..context import SiteContext
from ..jinja import render
from ..output import Output, page
from ..topics import Topics, reading_minutes, topics

KIND = "articles"
_H1 = re.compile(r"\A\s*#\s[^\n]*\n")


@dataclass(frozen=True)
class ArticleLinks:
    """An article with the unit, objectives and measures it names (those the edition shows)."""

    a: Article
    unit: Unit | None
    objectives: tuple[Objective, ...]
    measures: tuple[Measure, ...]


def links(site: SiteContext, a: Article) -> ArticleLinks:
    unit: Unit | None = site.city.units.get(a.unit) if a.unit else None
    if unit is None:
        return ArticleLinks(a, None, (), ())
    return ArticleLinks(a, unit, tuple(unit.objective_index[o] for o in a.objectives if o in unit.objective_index),
                        tuple(unit.measure_index[m] for m in a.measures if m in unit.measure_index))


def article_page(site: SiteContext, a: Article, t: Topics) -> Output:
    ln = links(site, a)
    head = render("article.md.j2", a.path, site=site, a=a, unit=ln.unit, objectives=ln.objectives,
                  measures=ln.measures, topics=t, minutes=reading_minutes(a.body),
                  more=t.more_from_unit(a))
    body = staged_body(_H1.sub("", a.body, count=1))   # the title comes from the front matter
    return Output(a.path, (head + body).encode("utf-8"))


def outputs(site: SiteContext) -> Iterable[Output]:
    t = topics(site.articles)
    yield page("articles.md.j2", paths.ARTICLES, site=site, articles=[links(site, a) for a in site.articles],
               topics=t)
    for a in site.articles:
        yield article_page(site, a, t)
