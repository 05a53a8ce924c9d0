"""The Jinja2 environment of the page templates (`render/templates/<kind>.md.j2`).

Autoescape is on: `{{ x }}` is HTML-escaped, which is right inside the raw HTML blocks the
templates emit for tables. Where text lands in Markdown, templates use `|md` (escapes
Markdown syntax too); multi-paragraph text uses `|md_block` or `|html_block`.
"""
from __future__ import annotations

import datetime as dt
import json
import posixpath
from functools import lru_cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from . import escape


def relurl(from_path: str, to: str) -> str:
    """A link from one staged file to another, both docs-relative (`units/x/index.md#o-s1`).

    `.md` targets become the `.html` pages MkDocs writes (`use_directory_urls: false`), so the
    same URL works in Markdown and in raw HTML blocks, which MkDocs does not rewrite.
    """
    target, _, frag = to.partition("#")
    if target.endswith(".md"):
        target = target[:-3] + ".html"
    if not target:
        return "#" + frag if frag else "#"
    here = posixpath.dirname(from_path)
    rel = posixpath.relpath(target, here or ".")
    return rel + ("#" + frag if frag else "")


def mdlink(from_path: str, to: str) -> str:
    """A relative link for a *Markdown* link: keeps `.md`, so MkDocs checks and rewrites it."""
    target, _, frag = to.partition("#")
    if not target:
        return "#" + frag if frag else "#"
    rel = posixpath.relpath(target, posixpath.dirname(from_path) or ".")
    return rel + ("#" + frag if frag else "")


def fmt_num(value: Any, digits: int = 2) -> str:
    """A number without needless decimals: 85 → "85", 85.5 → "85.5", 1/3 → "0.33"."""
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, (int, float)):
        text = f"{value:.{digits}f}".rstrip("0").rstrip(".")
        return "0" if text in ("-0", "") else text
    return str(value)


def fmt_date(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, (dt.date, dt.datetime)):
        return value.strftime("%Y-%m-%d")
    return str(value)


def yaml_str(value: Any) -> Markup:
    """A scalar for YAML front matter (JSON is valid YAML).

    Strings are HTML-escaped first: Material writes front matter values (title, description)
    into `<title>`, `<meta>` and the header without escaping them, so a unit named
    `</title><script>…` must arrive as text.
    """
    if isinstance(value, str):
        value = str(escape.html(value))
    return Markup(json.dumps(value, ensure_ascii=False, default=str))


def heading_id(prefix: str, ident: str) -> Markup:
    """attr_list syntax giving a Markdown heading the explicit id `prefix-ident`."""
    return Markup("{#" + escape.anchor(prefix, ident) + "}")


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("generator.render", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        md=escape.md,
        md_cell=escape.md_cell,
        md_block=escape.md_block,
        html_block=escape.html_block,
        num=fmt_num,
        date=fmt_date,
        yaml=yaml_str,
    )
    env.globals.update(heading_id=heading_id, anchor=escape.anchor)
    return env


def render(template: str, page_path: str, **context: Any) -> str:
    """Render `template` for the staged page `page_path`.

    Templates link with `url(to)` inside raw HTML (final `.html` URLs) and `link(to)` inside
    Markdown links (`.md`, checked and rewritten by MkDocs); `to` is docs-relative.
    """
    env = environment()
    return env.get_template(template).render(
        page_path=page_path,
        url=lambda to: relurl(page_path, to),
        link=lambda to: mdlink(page_path, to),
        **context,
    )
