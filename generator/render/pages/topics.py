"""The articles by category, tag and author (`paths.TOPICS`, `paths.topic`) and the articles'
Atom feed (`paths.ARTICLES_FEED`, `feed.atom`)."""
from __future__ import annotations

from typing import Iterable

from ...i18n import tr
from .. import paths
from ..context import SiteContext
from ..feed import atom
from ..output import Output, page
from ..topics import TOPIC_NAMES, topics

KIND = "topics"


def outputs(site: SiteContext) -> Iterable[Output]:
    t = topics(site.articles)
    units = {u.id: u.name for u in site.units}
    yield page("topics.md.j2", paths.TOPICS, site=site, topics=t, names=TOPIC_NAMES, units=units)
    for kind, items in t.by_kind.items():
        for topic in items:
            kind_name = TOPIC_NAMES[kind]
            yield page("topic.md.j2", topic.path, site=site, topic=topic, kind_name=kind_name,
                       title=tr("{kind}：{name}", kind=kind_name, name=topic.name), units=units, topics=t)
    yield Output(paths.ARTICLES_FEED, atom(site.city, site.articles, paths.ARTICLES_FEED, paths.ARTICLES,
                                           units, tr("{city}平衡计分卡门户 · 经验文章", city=site.city.name)))
