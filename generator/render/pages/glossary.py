"""The glossary: scorecard terms in pinyin order (as a Chinese dictionary), the city's
perspectives and rollout stages."""
from __future__ import annotations

from typing import Iterable

from .. import paths
from ..pinyin import sort_key
from ..context import SiteContext
from ..output import Output, page

KIND = "glossary"
#: the glossary reads the city's files only (its pages are kept while they are unchanged)
READS_UNITS = False


def outputs(site: SiteContext) -> Iterable[Output]:
    terms = sorted(site.city.glossary.terms, key=lambda t: sort_key(t.term))
    yield page("glossary.md.j2", paths.GLOSSARY, site=site, terms=terms,
               perspectives=site.city.info.perspectives, stages=site.city.info.stages,
               grades=site.city.info.rules.grades)
