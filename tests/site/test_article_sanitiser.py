"""The guarantee on the output: the HTML of an article body passes the allow-list sanitiser
(generator/site/sanitize.py, nh3) before it is written — whatever the Markdown source holds.

The hostile bodies below are built by real MkDocs runs. Most of them `check` refuses (BSC304)
and staging would defuse, so to test the last line of defence on its own they are put into the
staged Markdown directly, after the check and staging steps; a control build without the hook
shows the same payload live, so the assertions mean something. One body that `check` lets
through (value-less attribute lists) goes the whole way through `bscportal build`.
"""
from __future__ import annotations

import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator.load.articlebody import dangerous_url
from generator.site import sanitize
from generator.site.build import build_editions, mkdocs_build
from generator.site.mkdocs_config import SEARCH_HOOK
from tests.conftest import MINI_SITE

ROOT = Path(__file__).resolve().parents[2]
ARTICLE = "articles/2008-mini-town.md"

#: every construct an attacker or a careless editor might try; each payload carries PWN<n>
HOSTILE_BODY = """\
正文开始 PWN0。

<script>alert('PWN1')</script>

<img src=x onerror="alert('PWN2')">

<svg onload="alert('PWN3')"><circle r="1"/></svg>

<iframe src="https://evil.example/PWN4"></iframe>

[点我 PWN5](javascript:alert(5))

[实体 PWN6](&#106;avascript:alert(6))

![图](data:text/html,PWN7)

<a href="javascript:alert('PWN8')">raw link</a>

## 小节 { autofocus contenteditable }

段落 PWN10
{ onclick="alert('PWN10')" }

## 标签 { data-toc-label="<img src=x onerror=alert('PWN11')>" }

<form action="https://evil.example/PWN12"><input name=x autofocus onfocus="alert('PWN12')"></form>

<style>body{display:none} /* PWN13 */</style>

<div style="position:fixed;top:0" onmouseover="alert('PWN14')">覆盖</div>

<object data="https://evil.example/PWN15"></object>

<details open ontoggle="alert('PWN16')"><summary>s</summary>x</details>

<a href="https://example.org/ok" target="_blank" onclick="alert('PWN17')">ok</a>

<!-- 内部备注 PWN18 -->

<math><mi xlink:href="javascript:alert('PWN19')">x</mi></math>

<base href="https://evil.example/">

<meta http-equiv="refresh" content="0;url=javascript:alert('PWN20')">

<p><a href="jav&#x09;ascript:alert('PWN21')">tab</a> <a href=" JAVASCRIPT:alert('PWN22')">case</a></p>

[引用][r]

[r]: javascript:alert('PWN23')

| 左 | 中 |
|:--|:-:|
| a | b |

!!! warning "注意"
    提示正文。

输入 <kbd>Ctrl</kbd>，m<sup>2</sup>，<mark>重点</mark>，[官网](https://example.org/)，[单位](../units/mini-town/index.md)。
"""

URL_ATTRS = {"href", "src", "action", "formaction", "data", "poster", "background", "xlink:href", "content"}
EMBEDDING = {"iframe", "object", "embed", "frame", "frameset", "applet", "base", "math"}


class Page(HTMLParser):
    """Every start tag with its attributes, and the text inside each <script> and <style>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.raw_text: list[tuple[str, str]] = []
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))
        if tag in ("script", "style"):
            self._in = tag

    def handle_endtag(self, tag: str) -> None:
        if tag == self._in:
            self._in = None

    def handle_data(self, data: str) -> None:
        if self._in:
            self.raw_text.append((self._in, data))


def live_problems(html: str) -> list[str]:
    """What in `html` could run script, load something, or take over the page."""
    page = Page()
    page.feed(html)
    found = []
    for tag, attrs in page.tags:
        if tag in EMBEDDING:
            found.append(f"<{tag}>")
        for name, value in attrs:
            value = value or ""
            if name.startswith("on") or name in ("autofocus", "contenteditable", "srcdoc", "formaction"):
                found.append(f"<{tag} {name}>")
            if name in URL_ATTRS and dangerous_url(value.split("url=")[-1]):
                found.append(f"<{tag} {name}={value!r}>")
            if name == "style" and not re.fullmatch(r"text-align:\s*\w+;?", value):
                found.append(f"<{tag} style={value!r}>")
            if "PWN" in value and name not in ("title", "alt"):   # text attributes may quote it
                found.append(f"<{tag} {name}={value!r}>")
        if tag in ("meta",) and any(n == "http-equiv" for n, _ in attrs):
            found.append("<meta http-equiv>")
    found += [f"<{kind}>…PWN" for kind, text in page.raw_text if "PWN" in text]
    return found


def _built_mini(tmp_path: Path) -> tuple[Path, Path]:
    """The mini site built once (public edition); returns (staged mkdocs.yml, staged docs)."""
    build_editions(MINI_SITE / "scorecards", MINI_SITE / "content", tmp_path / "out", ("public",),
                   stage_root=tmp_path / "stage", cache_root=None)
    return tmp_path / "stage" / "public" / "mkdocs.yml", tmp_path / "stage" / "public" / "docs"


@pytest.fixture(scope="module")
def hostile_builds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The hostile body staged raw as the mini site's article, built with the portal's
    configuration ("sanitised") and, as a control, without the sanitising hook ("unsanitised")."""
    tmp = tmp_path_factory.mktemp("hostile-article")
    config, docs = _built_mini(tmp)
    page = docs / ARTICLE
    head = page.read_text(encoding="utf-8").partition(sanitize.BODY_MARKER)
    assert head[1], "article.md.j2 must end the header with sanitize.BODY_MARKER"
    page.write_text(head[0] + head[1] + "\n\n" + HOSTILE_BODY, encoding="utf-8")
    sites = {"sanitised": tmp / "sanitised", "unsanitised": tmp / "unsanitised"}
    mkdocs_build(config, site_dir=str(sites["sanitised"]))
    mkdocs_build(config, site_dir=str(sites["unsanitised"]), hooks=[str(SEARCH_HOOK)])
    return sites


def _article_html(site: Path) -> str:
    return (site / ARTICLE.replace(".md", ".html")).read_text(encoding="utf-8")


def test_without_the_sanitiser_the_payload_would_be_live(hostile_builds: dict[str, Path]) -> None:
    live = live_problems(_article_html(hostile_builds["unsanitised"]))
    for expected in ("<script>…PWN", "<img onerror>", "<h2 autofocus>", "<h2 contenteditable>", "<p onclick>",
                     "<iframe>", "<details ontoggle>", "<base>", "<meta http-equiv>"):
        assert expected in live, (expected, live)


def test_the_built_article_has_nothing_live(hostile_builds: dict[str, Path]) -> None:
    html = _article_html(hostile_builds["sanitised"])
    assert live_problems(html) == []
    assert "alert('PWN1')" not in html                    # script content is dropped, not shown
    assert "PWN0" in html and "覆盖" in html and "提示正文" in html   # the text stays


def test_what_the_allow_list_keeps(hostile_builds: dict[str, Path]) -> None:
    html = _article_html(hostile_builds["sanitised"])
    body = html.split('class="bsc-article-head"', 1)[1].split("</article>", 1)[0]
    for kept in ('<th style="text-align:left">', '<td style="text-align:center">b</td>', '<div class="admonition warning">',
                 '<p class="admonition-title">注意</p>', "<kbd>Ctrl</kbd>", "<sup>2</sup>", "<mark>重点</mark>",
                 '<a href="https://example.org/">官网</a>', '<a href="../units/mini-town/index.html">单位</a>',
                 '<a class="headerlink" href="#小节"', '<h2 id="小节">',
                 '<a href="https://example.org/ok">ok</a>', "<details open", "<summary>s</summary>"):
        assert kept in body, kept
    # the generated header (links to the unit, objectives and measures) is not touched
    assert '<p class="bsc-article-links">文中涉及：<a href="../units/mini-town/index.html#o-P1">' in html
    assert sanitize.BODY_MARKER not in html


def test_the_table_of_contents_and_the_search_index_are_clean(hostile_builds: dict[str, Path]) -> None:
    site = hostile_builds["sanitised"]
    nav = _article_html(site).split('data-md-component="toc"', 1)[1].split("</nav>", 1)[0]
    assert "<img" not in nav and live_problems(nav) == []
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    docs = [d for d in index["docs"] if d["location"].startswith("articles/2008-mini-town")]
    assert docs
    for d in docs:
        assert live_problems(d["title"] + d["text"]) == [], d


def test_value_less_attribute_lists_pass_check_but_not_the_page(tmp_path: Path) -> None:
    """`{ autofocus contenteditable }` is no error for `check` (no `=`), and Markdown's attr_list
    turns it into attributes: the whole way through `build`, they must not reach the page."""
    shutil.copytree(MINI_SITE, tmp_path / "src")
    article = tmp_path / "src" / "content" / "articles" / "2008-mini-town.md"
    article.write_text(article.read_text(encoding="utf-8")
                       + "\n## 可编辑的标题 { autofocus contenteditable }\n\n段落。\n{ hidden inert }\n\n"
                         "![图](https://example.org/a.png){ loading }\n", encoding="utf-8")
    build_editions(tmp_path / "src" / "scorecards", tmp_path / "src" / "content", tmp_path / "out", ("public",),
                   stage_root=tmp_path / "stage", cache_root=None)
    html = (tmp_path / "out" / "public" / ARTICLE.replace(".md", ".html")).read_text(encoding="utf-8")
    assert '<h2 id="可编辑的标题">' in html and '<img alt="图" src="https://example.org/a.png">' in html
    body = html.split(sanitize.BODY_MARKER if sanitize.BODY_MARKER in html else "bsc-article-links", 1)[1]
    body = body.split("</article>", 1)[0]
    for attribute in ("autofocus", "contenteditable", "hidden", "inert", "loading"):
        assert not re.search(rf"<[^>]*\s{attribute}[\s=>]", body), attribute
    assert live_problems(html) == []


@pytest.mark.parametrize("fragment, expected", [
    ("<p onclick=\"x()\">a</p>", "<p>a</p>"),
    ("<a href=\"javascript:alert(1)\">a</a>", "<a>a</a>"),
    ("<a href=\"JaVaScRiPt&#58;alert(1)\">a</a>", "<a>a</a>"),
    ("<a href=\"mailto:a@b.c\">a</a>", "<a>a</a>"),
    ("<img src=\"data:image/png;base64,AAAA\" alt=\"x\">", "<img alt=\"x\">"),
    ("<a href=\"#s\" target=\"_blank\" rel=\"opener\">a</a>", "<a href=\"#s\">a</a>"),
    ("<h2 id=\"__search\">t</h2>", "<h2>t</h2>"),
    ("<div class=\"admonition note md-button\">x</div>", "<div class=\"admonition note\">x</div>"),
    ("<table><tr><td style=\"text-align: right; position: fixed\">1</td></tr></table>",
     "<table><tbody><tr><td style=\"text-align:right\">1</td></tr></tbody></table>"),
    ("<p class=\"md-button\">x</p><p class=\"admonition-title x\">t</p>", "<p>x</p><p class=\"admonition-title\">t</p>"),
    ("<script>alert(1)</script>text", "text"),
    ("<b>粗</b><u>下</u>", "粗下"),
    ("a < b & c", "a &lt; b &amp; c"),
])
def test_clean(fragment: str, expected: str) -> None:
    assert sanitize.clean(fragment) == expected


def test_clean_article_page_keeps_the_header_and_fails_closed() -> None:
    head = '<p class="bsc-article-meta"><a href="../units/x/index.html">x</a></p>'
    assert sanitize.clean_article_page(head + sanitize.BODY_MARKER + "<p onclick=x>b</p>") == head + "<p>b</p>"
    assert sanitize.clean_article_page(head + "<p onclick=x>b</p>") == '<p><a href="../units/x/index.html">x</a></p><p>b</p>'
    assert sanitize.is_article("articles/2009-x.md") and not sanitize.is_article("articles/index.md")
    assert not sanitize.is_article("units/x/index.md")


def test_the_documentation_lists_the_allow_list() -> None:
    """docs/articles.md describes the allow-list of sanitize.py: every element, attribute,
    class and scheme is named there, and nothing else is named as allowed."""
    doc = (ROOT / "docs" / "articles.md").read_text(encoding="utf-8")
    allowed = doc.split("<!-- allow-list -->", 1)[1].split("<!-- /allow-list -->", 1)[0]
    named = set(re.findall(r"`([^`]+)`", allowed))
    expected = (set(sanitize.TAGS) | {a for names in sanitize.ATTRIBUTES.values() for a in names}
                | set(sanitize.ATTRIBUTE_VALUES["details"]) | {c for names in sanitize.CLASSES.values() for c in names}
                | {"class"} | set(sanitize.STYLE_PROPERTIES) | {f"{s}:" for s in sanitize.URL_SCHEMES})
    assert named == expected, (named - expected, expected - named)
