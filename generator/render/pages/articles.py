"""Experience articles: an index page, and each article staged with a header that links it to
its unit and to the objectives and measures it names (anchors on the unit's pages)."""
from __future__ import annotations

import re
from typing import Iterable

from ...model import Unit
from ...load.articles import Article
from ..articles import staged_body
from ..context import SiteContext
from ..jinja import render
from . import Output, page

KIND = "articles"
_H1 = re.compile(r"\A\s*#\s[^\n]*\n")


def links(site: SiteContext, a: Article) -> dict:
    unit: Unit | None = site.city.units.get(a.unit) if a.unit else None
    objectives, measures = [], []
    if unit is not None:
        objectives = [unit.objective_index[o] for o in a.objectives if o in unit.objective_index]
        measures = [unit.measure_index[m] for m in a.measures if m in unit.measure_index]
    return {"unit": unit, "objectives": objectives, "measures": measures}


def article_page(site: SiteContext, a: Article) -> Output:
    head = render("article.md.j2", a.path, site=site, a=a, **links(site, a))
    body = staged_body(_H1.sub("", a.body, count=1))   # the title comes from the front matter
    return Output(a.path, (head + body).encode("utf-8"))


def outputs(site: SiteContext) -> Iterable[Output]:
    yield page("articles.md.j2", "articles/index.md", site=site,
               articles=[{"a": a, **links(site, a)} for a in site.articles])
    for a in site.articles:
        yield article_page(site, a)
