"""The HTML of experience articles, cleaned with an allow-list before it is written (MkDocs hook).

Articles come from anyone who can open a pull request. `check` warns editors early about raw
HTML, scripts and dangerous links (BSC304/BSC305, generator/load/articlebody.py), and staging
turns raw HTML in the Markdown into text. The guarantee, though, is made here, on the output:
the HTML that Python-Markdown renders from an article body is passed through nh3 (the Python
binding of Ammonia, a maintained HTML sanitiser) with the allow-list below, and only what it
lets through reaches the page, its search entry and its table of contents. Whatever the
Markdown source did — raw HTML, `{ onclick=… }` or `{ autofocus contenteditable }` attribute
lists, `javascript:` links, entity tricks — an element or attribute that is not listed here, or
a URL that is not http(s) or relative, does not survive.

Where: a MkDocs `on_page_content` hook, not our own staging step. Articles are staged as
Markdown and MkDocs renders them with the extensions of mkdocs.yml; the hook sees exactly the
HTML MkDocs produced (after every extension, with the heading ids and permalinks the page's
table of contents and search sections need), so nothing about Markdown has to be re-implemented
or kept in step. Rendering the body to HTML ourselves at staging would leave MkDocs a raw HTML
block, and the article would lose its table of contents. The cost is that this runs only under
MkDocs: a move to another builder (Zensical runs no hooks) must move this step with it;
tests/site/test_article_sanitiser.py builds real pages and fails if the hook stops running.

Which part of a page: an article page is our header (title, date, author, unit, linked
objectives and measures — rendered from checked data by article.md.j2, escaped there) followed by
the editor's body. The template ends the header with `BODY_MARKER`; everything after its first
occurrence is cleaned. A page under `articles/` without the marker is cleaned whole.

The allow-list is the constants below, in this one place: `TAGS`, `ATTRIBUTES`,
`ATTRIBUTE_VALUES`, `CLASSES`, `STYLE_PROPERTIES`, `URL_SCHEMES`. docs/articles.md describes it
for editors; tests/site/test_article_sanitiser.py checks that the two name the same things.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import nh3

if TYPE_CHECKING:
    from mkdocs.structure.pages import Page

#: ends the generated header of an article page (generator/render/templates/article.md.j2)
BODY_MARKER = "<!-- bscportal: article body -->"

#: elements an article may contain: what Markdown and the extensions of mkdocs.yml make
#: (paragraphs, headings, lists, quotes, code, tables, links, images, admonitions, details),
#: and the five raw tags the articles' format allows (br, sup, sub, kbd, mark)
TAGS = frozenset({
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "hr", "br",
    "ul", "ol", "li", "pre", "code", "em", "strong", "a", "img",
    "table", "thead", "tbody", "tr", "th", "td",
    "div", "details", "summary",
    "sup", "sub", "kbd", "mark",
})

#: attributes per element; anything else (event handlers, `style` but table alignment,
#: `autofocus`, `contenteditable`, `data-…`, `target`, `srcset` …) is dropped
ATTRIBUTES: dict[str, frozenset[str]] = {
    "a": frozenset({"href", "title"}),
    "img": frozenset({"src", "alt", "title"}),
    **{h: frozenset({"id"}) for h in ("h1", "h2", "h3", "h4", "h5", "h6")},   # section anchors
    "th": frozenset({"style"}),
    "td": frozenset({"style"}),
}

#: `details` may be open by default (`???+`); its only value
ATTRIBUTE_VALUES: dict[str, dict[str, frozenset[str]]] = {"details": {"open": frozenset({"open", ""})}}

#: admonition kinds of Material for MkDocs (`!!! note`, `??? tip`), with their aliases
ADMONITIONS = frozenset({
    "note", "abstract", "summary", "tldr", "info", "todo", "tip", "hint", "important", "success",
    "check", "done", "question", "help", "faq", "warning", "caution", "attention", "failure",
    "fail", "missing", "danger", "error", "bug", "example", "quote", "cite", "inline", "end",
})

#: classes per element (others are removed from `class`): admonitions and permalinks only
CLASSES: dict[str, frozenset[str]] = {
    "div": ADMONITIONS | {"admonition"},
    "details": ADMONITIONS,
    "p": frozenset({"admonition-title"}),
    "a": frozenset({"headerlink"}),
}

#: table cell alignment (`|:--:|`) is the only style kept
STYLE_PROPERTIES = frozenset({"text-align"})

#: link and image addresses: http(s) or relative (a page or anchor of this site); no
#: `javascript:`, `data:`, `vbscript:`, `mailto:` or any other scheme
URL_SCHEMES = frozenset({"http", "https"})

#: ids Material for MkDocs uses for its own controls (`__search`, `__drawer`, `__toc` …)
_RESERVED_ID = re.compile(r"^__")


def _attribute_filter(tag: str, attr: str, value: str) -> str | None:
    """Ids that Material reserves go; `class` keeps only the classes `CLASSES` allows on `tag`
    and goes when none is left (nh3's own class filter would leave `class=""`)."""
    if attr == "id" and _RESERVED_ID.match(value):
        return None
    if attr == "class":
        kept = [c for c in value.split() if c in CLASSES.get(tag, ())]
        return " ".join(kept) or None
    return value


_CLEANER = nh3.Cleaner(
    tags=set(TAGS),
    attributes={tag: set(ATTRIBUTES.get(tag, ())) | ({"class"} if tag in CLASSES else set())
                for tag in set(ATTRIBUTES) | set(CLASSES)},
    tag_attribute_values={tag: {a: set(v) for a, v in values.items()}
                          for tag, values in ATTRIBUTE_VALUES.items()},
    filter_style_properties=set(STYLE_PROPERTIES),
    url_schemes=set(URL_SCHEMES),
    attribute_filter=_attribute_filter,
    link_rel=None,          # no `target` is allowed, so no new window to protect
    strip_comments=True,
)


def clean(fragment: str) -> str:
    """An HTML fragment with everything outside the allow-list removed (text kept, escaped;
    the content of `script` and `style` dropped)."""
    return _CLEANER.clean(fragment)


def clean_text(fragment: str) -> str:
    """A fragment with every tag removed: for the table of contents' entries."""
    return nh3.clean(fragment, tags=set())


def is_article(src_uri: str) -> bool:
    """An article's page (`articles/<slug>.md`), not the generated index of articles."""
    return src_uri.startswith("articles/") and src_uri != "articles/index.md"


def clean_article_page(html: str) -> str:
    """A rendered article page: our header as it is, the body after `BODY_MARKER` cleaned."""
    head, marker, body = html.partition(BODY_MARKER)
    if not marker:
        return clean(html)
    return head + clean(body)


def _clean_toc(items: Any) -> None:
    for item in items:
        item.title = clean_text(item.title)
        _clean_toc(item.children)


def on_page_content(html: str, page: "Page", **kwargs: Any) -> str:
    """MkDocs hook: clean the body of every article page (and its table of contents)."""
    if not is_article(page.file.src_uri):
        return html
    _clean_toc(page.toc)
    return clean_article_page(html)


__all__ = ["ADMONITIONS", "ATTRIBUTES", "ATTRIBUTE_VALUES", "BODY_MARKER", "CLASSES", "STYLE_PROPERTIES",
           "TAGS", "URL_SCHEMES", "clean", "clean_article_page", "clean_text", "is_article", "on_page_content"]
