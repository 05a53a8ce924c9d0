"""Article bodies are staged without live HTML: the second line of defence after BSC304.

Staged pages are turned into HTML with Python-Markdown and the extensions of mkdocs.yml (as
MkDocs does), then every tag and attribute of the result is inspected.
"""
from __future__ import annotations

from html.parser import HTMLParser

import markdown
import pytest
from hypothesis import example, HealthCheck, given, settings, strategies as st

from generator.load.articlebody import DANGEROUS_TAGS, dangerous_url, sanitize_markdown
from generator.load.articles import load_article, split_front_matter
from generator.render import render_edition
from generator.site.mkdocs_config import load_base

#: the extensions `sanitize_markdown` was written against (MkDocs always adds fenced_code)
ASSUMED_EXTENSIONS = {"attr_list", "tables", "admonition", "pymdownx.details", "toc", "fenced_code"}

XSS = "<script>alert('ART')</script> [JSLINK](javascript:alert(2)) <img src=x onerror=alert(3)>"


def _extension_names() -> set[str]:
    names = set()
    for ext in load_base().get("markdown_extensions", []):
        names.add(next(iter(ext)) if isinstance(ext, dict) else ext)
    return names | {"fenced_code"}


def to_html(text: str) -> str:
    return markdown.markdown(text, extensions=sorted(_extension_names()))


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.code_text: list[str] = []
        self._in_code = 0

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))
        self._in_code += tag == "code"

    def handle_endtag(self, tag):
        self._in_code -= tag == "code" and self._in_code > 0

    def handle_data(self, data):
        if self._in_code:
            self.code_text.append(data)


def assert_harmless(page_html: str) -> _Tags:
    parser = _Tags()
    parser.feed(page_html)
    for tag, attrs in parser.tags:
        assert tag not in DANGEROUS_TAGS, (tag, page_html)
        for name, value in attrs:
            assert not name.startswith("on"), (tag, name, page_html)
            if name in ("href", "src", "action", "formaction", "data", "srcdoc", "poster"):
                assert dangerous_url(value or "") is None, (tag, name, value, page_html)
    return parser


def test_mkdocs_extensions_are_the_ones_the_sanitiser_knows():
    # md_in_html, superfences, pymdownx.magiclink… change what is code or HTML in Markdown:
    # review generator/load/articlebody.py before adding one
    assert _extension_names() <= ASSUMED_EXTENSIONS


def test_unsanitised_xss_would_be_live():
    """The check below means something: without the sanitiser the payload is live."""
    with pytest.raises(AssertionError):
        assert_harmless(to_html(XSS))


def test_staged_article_page_has_no_live_script(tmp_path, mini_city):
    path = tmp_path / "xss.md"
    path.write_text("---\ntitle: XSS\nunit: mini-town\n---\n\n" + XSS + "\n\n"
                    "```html\n<script>代码块里的示例</script>\n```\n\n"
                    "行内 `<b>代码</b>`，上标 m<sup>2</sup>。<!-- 内部备注 -->\n", encoding="utf-8")
    article, problems = load_article(path)
    assert article is not None and {p.code for p in problems} == {"BSC304"}
    _, files = render_edition(mini_city, "public", articles=[article])
    staged = files[article.path].decode("utf-8")
    front, body, _ = split_front_matter(staged)
    page = to_html(body)
    lowered = page.lower()
    assert "<script" not in lowered.replace("&lt;script", "")
    assert "onerror=" not in page.replace("onerror=alert(3)&gt;", "")
    assert 'href="javascript:' not in lowered
    parser = assert_harmless(page)
    assert "&lt;script&gt;alert('ART')&lt;/script&gt;" in page or "&lt;script&gt;alert(&#x27;ART" in page
    assert "<script>代码块里的示例</script>" in "".join(parser.code_text)   # code shows as text
    assert "<b>代码</b>" in "".join(parser.code_text)
    assert "<sup>2</sup>" in page and "内部备注" not in page


# -- the sanitiser against mixtures of tricky fragments ------------------------------------------

FRAGMENTS = [
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<svg/onload=alert(1)>", "<iframe src=x>",
    "[a](javascript:alert(1))", "[a](<javascript:alert(1)>)", "[a](\njavascript:alert(1))",
    "[a](&#106;avascript:alert(1))", "![i](data:text/html,x)", "[r]: javascript:alert(1)", "[r]",
    "{ onclick=alert(1) }", "{: onmouseover=\"x\" }", "{href=javascript:alert(1)}", "<a href=javascript:x>",
    "`", "``", "```", "~~~", "\\", "\\`", "<", ">", "<!--", "-->", "<br>", "<sup>", "</sup>",
    "<mark onclick=x>", "<https://example.org/a/onmouseover=alert(1)>", "<http://x>",
    "[", "]", "(", ")", "](", "]:", "#", "|", "| a | b |\n|---|---|", "!!! note \"<b>\"",
    "    ", "\n", "\n\n", "- ", "> ", "## ", "&lt;", "&#60;", "\t", "\r", "a", "文字", " ",
]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=24))
@example(["```", "{ onclick=alert(1) }", "\n", "```"])     # an attribute list on a fence's line
def test_sanitised_markdown_never_renders_live_html(parts):
    assert_harmless(to_html(sanitize_markdown("".join(parts))))


def test_sanitiser_keeps_fenced_code_and_plain_text_as_written():
    text = "段落 1 < 2，**加粗**。\n\n```\n<b>原样</b>\n```\n\n- 列表\n"
    out = sanitize_markdown(text)
    assert "```\n<b>原样</b>\n```" in out
    assert out.startswith("段落 1 &lt; 2，**加粗**。") and "- 列表" in out
