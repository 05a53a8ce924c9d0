"""The Jinja2 environment of the page templates (`render/templates/<kind>.md.j2`).

Autoescape is on: `{{ x }}` is HTML-escaped, which is right inside the raw HTML blocks the
templates emit for tables. Where text lands in Markdown, templates use `|md` (escapes
Markdown syntax too); multi-paragraph text uses `|md_block` or `|html_block`.
"""
from __future__ import annotations

import json
import posixpath
from functools import lru_cache
from typing import Callable

from jinja2 import Environment, PackageLoader, StrictUndefined, pass_context
from jinja2.runtime import Context
from markupsafe import Markup

from ..i18n import current, translations
from ..model import vocab
from . import escape, fmt, paths
from .lazytext import Lazy


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
    return _relpath(target, posixpath.dirname(from_path) or ".") + ("#" + frag if frag else "")


@lru_cache(maxsize=65536)
def _relpath(target: str, folder: str) -> str:
    """`posixpath.relpath`, remembered: pages link to the same few places thousands of times."""
    return posixpath.relpath(target, folder)


def mdlink(from_path: str, to: str) -> str:
    """A relative link for a *Markdown* link: keeps `.md`, so MkDocs checks and rewrites it."""
    target, _, frag = to.partition("#")
    if not target:
        return "#" + frag if frag else "#"
    return _relpath(target, posixpath.dirname(from_path) or ".") + ("#" + frag if frag else "")


def yaml_str(value: object) -> Markup:
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


def _finalize(value: object) -> object:
    """Every `{{ … }}` that prints plain text: no space between two Chinese characters
    (`escape.cjk_join`; escaped Markup has been through the escape helpers already)."""
    if isinstance(value, str) and not isinstance(value, Markup):
        return escape.cjk_join(value)
    return value


def _finalizing(gettext: Callable[..., str]) -> Callable[..., str]:
    """A new-style gettext whose keyword values pass through `_finalize` before they are
    formatted into the message (as they would in `{{ value }}`)."""

    @pass_context
    def call(context: Context, *args: object, **values: object) -> str:
        return gettext(context, *args, **{k: _finalize(v) for k, v in values.items()})

    return call


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        finalize=_finalize,
        loader=PackageLoader("generator.render", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        extensions=["jinja2.ext.i18n"],
    )
    # `_`, `gettext`, `ngettext`, `pgettext` in templates: the catalogue of the language current
    # when the page is rendered (`generator.i18n`); newstyle: `_("共 %(n)s 个", n=3)`
    env.install_gettext_callables(  # type: ignore[attr-defined]
        gettext=lambda s: translations(current()).gettext(s),
        ngettext=lambda s, p, n: translations(current()).ngettext(s, p, n),
        pgettext=lambda c, s: translations(current()).pgettext(c, s),
        npgettext=lambda c, s, p, n: translations(current()).npgettext(c, s, p, n),
        newstyle=True)
    # values filled into a message are printed text like any `{{ … }}`: the same finalize
    for name in ("_", "gettext", "ngettext", "pgettext", "npgettext"):
        installed = env.globals[name]
        assert callable(installed)
        env.globals[name] = _finalizing(installed)
    env.filters.update(
        md=escape.md,
        md_cell=escape.md_cell,
        md_block=escape.md_block,
        html_block=escape.html_block,
        yaml=yaml_str,
        css_string=escape.css_string,
        # every number, date and label through `fmt`, the one formatting module
        score=fmt.score,
        signed=fmt.signed,
        deduction=fmt.deduction,
        value=fmt.value,
        factor=fmt.factor,
        share=fmt.share,
        percent=fmt.percent,
        target=fmt.target,
        targets=fmt.targets,
        actual=fmt.actual,
        date=fmt.date,
        days=fmt.days,
        approval=fmt.approval,
        overdue=fmt.overdue,
        status=fmt.status,
        grade=fmt.grade,
        label=fmt.label,
    )
    # `{{ MISSING }}`: 缺数 / "missing", in the language of the page being rendered
    env.globals.update(heading_id=heading_id, anchor=escape.anchor, paths=paths, vocab=vocab,
                       NONE=fmt.NONE, MISSING=Lazy(fmt.MISSING_MESSAGE))
    return env


def render(template: str, page_path: str, **context: object) -> str:
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
