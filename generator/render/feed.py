"""The articles as an Atom feed (RFC 4287): `paths.ARTICLES_FEED`.

Every article the edition shows except drafts, newest first: title, the article's page, its
date, author, unit, category and tags, and its summary. Links are relative to the feed (the
portal has no fixed address: it may be served from a file share); ids are stable URNs made from
the city and the article's file name, so a reader's subscription survives a move of the site.
Text is escaped for XML; nothing else of the article is written.
"""
from __future__ import annotations

import datetime as dt
import uuid
from typing import Sequence
from xml.sax.saxutils import escape, quoteattr

from ..i18n import current, tr, tr_p
from ..load.articles import Article
from ..model import City
from .jinja import relurl

#: the portal's time zone (China Standard Time) for article dates
TZ = "+08:00"
#: the feed's `xml:lang` by interface language
XML_LANG = {"zh": "zh-CN", "en": "en"}


def _when(d: dt.date | None) -> str:
    return f"{(d or dt.date(2000, 1, 1)).isoformat()}T00:00:00{TZ}"


def _id(city: City, name: str) -> str:
    return "urn:uuid:" + str(uuid.uuid5(uuid.NAMESPACE_URL, f"bscportal:{city.name}:{name}"))


def atom(city: City, articles: Sequence[Article], feed_path: str, index_path: str,
         unit_names: dict[str, str], title: str) -> bytes:
    shown = [a for a in articles if not a.draft]
    updated = max((a.date for a in shown if a.date), default=None)
    subtitle = tr("试点单位推行平衡计分卡的体会、经验教训和尚未解决的问题")
    unit_label = quoteattr(tr_p("feed category", "单位"))
    lines = ['<?xml version="1.0" encoding="utf-8"?>',
             f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang={quoteattr(XML_LANG.get(current(), current()))}>',
             f"  <title>{escape(title)}</title>",
             f"  <subtitle>{escape(subtitle)}</subtitle>",
             f"  <id>{_id(city, 'articles')}</id>",
             f"  <updated>{_when(updated)}</updated>",
             f"  <link rel=\"self\" type=\"application/atom+xml\" href={quoteattr(relurl(feed_path, feed_path))}/>",
             f"  <link rel=\"alternate\" type=\"text/html\" href={quoteattr(relurl(feed_path, index_path))}/>",
             f"  <author><name>{escape(city.info.full_name or city.name)}</name></author>",
             "  <generator>bscportal</generator>"]
    for a in shown:
        lines += ["  <entry>",
                  f"    <title>{escape(a.title)}</title>",
                  f"    <id>{_id(city, 'article:' + a.slug)}</id>",
                  f"    <link rel=\"alternate\" type=\"text/html\" href={quoteattr(relurl(feed_path, a.path))}/>",
                  f"    <published>{_when(a.date)}</published>",
                  f"    <updated>{_when(a.date)}</updated>"]
        author = a.author or (unit_names.get(a.unit, "") if a.unit else "") or city.name
        lines.append(f"    <author><name>{escape(author)}</name></author>")
        for term in ([a.category] if a.category else []) + list(a.tags):
            lines.append(f"    <category term={quoteattr(term)}/>")
        if a.unit and a.unit in unit_names:
            lines.append(f"    <category term={quoteattr(unit_names[a.unit])} label={unit_label}/>")
        if a.summary:
            lines.append(f"    <summary>{escape(' '.join(a.summary.split()))}</summary>")
        lines.append("  </entry>")
    lines.append("</feed>")
    return ("\n".join(lines) + "\n").encode("utf-8")
