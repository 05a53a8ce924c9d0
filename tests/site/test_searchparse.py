"""The search plugin's parser fed by one regular expression (`site/searchparse.py`): its handlers
are called with exactly what `HTMLParser` calls them with, or not at all."""
from __future__ import annotations

import re

import pytest
from material.plugins.search.plugin import Parser

from generator.site.searchlean import without_excluded
from generator.site.searchparse import sections

_ARTICLE = re.compile(r'<article class="md-content__inner[^"]*">(.*)</article>', re.S)


class Recording(Parser):
    """The plugin's parser, noting every call of its handlers."""

    def __init__(self) -> None:
        super().__init__()
        self.calls: list[tuple] = []

    def handle_starttag(self, tag, attrs):
        self.calls.append(("start", tag, list(attrs)))
        super().handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        self.calls.append(("end", tag))
        super().handle_endtag(tag)

    def handle_data(self, data):
        self.calls.append(("data", data))
        super().handle_data(data)


def _both(html: str) -> tuple[Recording, Recording, bool]:
    slow = Recording()
    slow.feed(html)
    slow.close()
    fast = Recording()
    return slow, fast, sections(fast, html)


def _same(slow: Recording, fast: Recording) -> None:
    assert fast.calls == slow.calls
    assert [("".join(s.title), "".join(s.text), s.id, s.is_excluded()) for s in fast.data] == \
        [("".join(s.title), "".join(s.text), s.id, s.is_excluded()) for s in slow.data]


READ = [
    '<h1 id="a">A &amp; B</h1><p>x &lt;y&gt; &#20013;&#x6587; &nbsp;z</p>',
    "<H2 ID='b' Class=headerlink>T<a class=\"headerlink\" href=\"#b\" title=\"Permanent link\">¶</a></H2>",
    '<p>a<br/>b<br />c<img src="x.png" alt="" data-x=1 hidden>d</p><hr>',
    '<table><thead><tr><th data-search-exclude>h</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>',
    '<p title="a > b" data-v=\'q"q\' lang=zh-CN>v</p>\n\n<pre><code>  x\n  y</code></pre>',
    '<ul>\n<li>one</li>\n<li>two &amp</li>\n</ul>\ntrailing &amp; text',
    '<div class="linenodiv"><pre>1\n2</pre></div><p>after</p></ p>',
    "",
    "just text",
]


@pytest.mark.parametrize("html", READ)
def test_the_handlers_get_what_html_parser_gives_them(html: str) -> None:
    slow, fast, read = _both(html)
    assert read
    _same(slow, fast)


LEFT = [
    "<p>a</p><!-- a comment --><p>b</p>",
    "<p>1 < 2</p>",
    '<script>var a = "<p>";</script>',
    "<style>p > a {}</style>",
    "<p class=a=b>x</p>",
    "<!DOCTYPE html><p>x</p>",
    "<p>unclosed <b",
    "<p\xa0>x</p>",                  # HTMLParser's tag name runs to ASCII white space only
    '<a\u3000b="c">x</a>',
    "<p\x0b>x</p>",
    "<a b=1\xa0c>x</a>",
]


@pytest.mark.parametrize("html", LEFT)
def test_other_markup_is_left_to_html_parser(html: str) -> None:
    fast = Recording()
    assert not sections(fast, html)
    assert fast.calls == [] and fast.data == []


def test_every_page_of_the_example(example_site) -> None:
    read = 0
    for edition in (example_site.public, example_site.internal):
        for path in sorted(edition.rglob("*.html")):
            m = _ARTICLE.search(path.read_text(encoding="utf-8"))
            if not m:
                continue
            for html in (m.group(1), without_excluded(m.group(1))):
                slow, fast, ok = _both(html)
                if ok:
                    read += 1
                    _same(slow, fast)
    assert read > 700
