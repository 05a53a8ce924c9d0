"""What an experience article is filed under, and how long it takes to read.

`Topics` gives every category (栏目), tag and author of an edition's articles its page
(`paths.topic`, an ASCII name from pinyin; two names with the same pinyin get `-2`, `-3` in
pinyin order), and lists the articles of each, newest first. `reading_minutes` counts Chinese
characters and Latin words at `READING_SPEED` a minute.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cached_property
from typing import Literal, Sequence

from ..i18n import N_
from ..load.articles import Article
from . import paths
from .lazytext import Names
from .pinyin import slug, sort_key

TopicKind = Literal["category", "tag", "author"]
#: the topic kinds, each with its name (in the current language when looked up)
TOPIC_NAMES: Names[TopicKind] = Names({"category": N_("栏目"), "tag": N_("标签"), "author": N_("作者")})
#: characters (or Latin words) a reader reads in a minute
READING_SPEED = 400
_READ_UNIT = re.compile(r"[\u3400-\u9fff]|[A-Za-z0-9]+")


def reading_minutes(body: str) -> int:
    """Minutes to read `body` (at least 1)."""
    return max(1, math.ceil(len(_READ_UNIT.findall(body)) / READING_SPEED))


@dataclass(frozen=True)
class Topic:
    kind: TopicKind
    name: str
    path: str
    articles: tuple[Article, ...]


def _names(a: Article, kind: TopicKind) -> list[str]:
    if kind == "category":
        return [a.category] if a.category else []
    if kind == "tag":
        return list(a.tags)
    return [a.author] if a.author else []


@dataclass(frozen=True)
class Topics:
    """The categories, tags and authors of a list of articles (newest first)."""

    articles: tuple[Article, ...]

    @cached_property
    def by_kind(self) -> dict[TopicKind, list[Topic]]:
        out: dict[TopicKind, list[Topic]] = {}
        for kind in TOPIC_NAMES:
            names = sorted({n for a in self.articles for n in _names(a, kind)}, key=sort_key)
            used: set[str] = set()
            topics = []
            for name in names:
                base = slug(name) or "x"
                s, k = base, 2
                while s in used:
                    s, k = f"{base}-{k}", k + 1
                used.add(s)
                topics.append(Topic(kind, name, paths.topic(kind, s),
                                    tuple(a for a in self.articles if name in _names(a, kind))))
            out[kind] = topics
        return out

    @cached_property
    def path_of(self) -> dict[tuple[TopicKind, str], str]:
        return {(t.kind, t.name): t.path for ts in self.by_kind.values() for t in ts}

    def path(self, kind: TopicKind, name: str) -> str:
        return self.path_of[(kind, name)]

    def more_from_unit(self, a: Article, limit: int = 5) -> list[Article]:
        """Other articles of the same unit, newest first."""
        return [b for b in self.articles if b.unit and b.unit == a.unit and b.slug != a.slug][:limit]


def topics(articles: Sequence[Article]) -> Topics:
    return Topics(tuple(articles))
