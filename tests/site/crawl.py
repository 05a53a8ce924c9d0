"""Crawl a built site from index.html: every link and anchor, without a server."""
from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a and a["id"]:
            self.ids.add(a["id"])
        if tag == "a" and a.get("name"):
            self.ids.add(a["name"])
        for key in ("href", "src", "xlink:href"):
            if a.get(key):
                if tag == "link" and a.get("rel") in ("canonical", "alternate"):
                    continue
                self.links.append(a[key])

    handle_startendtag = handle_starttag


@dataclass
class Crawl:
    visited: set[str] = field(default_factory=set)
    broken: list[tuple[str, str]] = field(default_factory=list)
    anchors: dict[str, set[str]] = field(default_factory=dict)
    external: set[str] = field(default_factory=set)
    #: (page, link) for fragment links, checked after the crawl
    fragments: list[tuple[str, str, str]] = field(default_factory=list)


def parse(path: Path) -> _Links:
    p = _Links()
    p.feed(path.read_text(encoding="utf-8", errors="replace"))
    return p


def crawl(root: Path, start: str = "index.html") -> Crawl:
    c = Crawl()
    queue = [start]
    while queue:
        page = queue.pop()
        if page in c.visited:
            continue
        c.visited.add(page)
        path = root / page
        if path.suffix not in (".html", ".svg"):
            continue
        parsed = parse(path)
        c.anchors[page] = parsed.ids
        for link in parsed.links:
            parts = urlsplit(link)
            if parts.scheme in ("http", "https", "mailto", "javascript", "data") or link.startswith("//"):
                if parts.scheme in ("http", "https") or link.startswith("//"):
                    c.external.add(link)
                continue
            target = page if not parts.path else posixpath.normpath(
                posixpath.join(posixpath.dirname(page), unquote(parts.path)))
            if target.startswith("../"):
                c.broken.append((page, link))
                continue
            full = root / target
            if full.is_dir():
                target = posixpath.join(target, "index.html")
                full = root / target
            if not full.is_file():
                c.broken.append((page, link))
                continue
            if parts.fragment:
                c.fragments.append((page, link, target))
            if target not in c.visited:
                queue.append(target)
    for page, link, target in c.fragments:
        frag = unquote(urlsplit(link).fragment)
        if target.endswith((".html", ".svg")) and target in c.anchors and frag not in c.anchors[target]:
            c.broken.append((page, link))
    return c


def all_pages(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*.html") if p.name != "404.html"}


def sitemap_pages(root: Path) -> set[str]:
    sm = root / "sitemap.xml"
    if not sm.is_file():
        return set()
    return set(re.findall(r"<loc>(?:None)?/?([^<]*)</loc>", sm.read_text(encoding="utf-8")))
