"""Property, the build half: whatever Unicode an editor puts into a text field, once `check`
accepts it every edition renders it as text — the staged files, turned into HTML the way MkDocs
does, hold no live `<script>`, no `javascript:` link and no event attribute; the text reads as
written on the unit's page; and every file stays inside the docs folder."""
from __future__ import annotations

import html
import re
from html.parser import HTMLParser
import shutil
from pathlib import Path
from typing import Any

import markdown
import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from generator.check import check_tree
from generator.render import render_edition
from generator.render.maps import MapRenderer
from tests.helpers import MINI
from tests.hostile.test_property import FIELDS, TEXT, _put

#: the Markdown extensions of the base mkdocs.yml (toc without its slugify: ids do not matter here)
EXTENSIONS = ["attr_list", "tables", "admonition", "pymdownx.details", "toc"]
URL_ATTRS = {"href", "src", "xlink:href", "action", "formaction"}


class Live(HTMLParser):
    """What would run in a browser: script elements, event attributes, javascript: URLs."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script":
            self.found.append("<script>")
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"{tag} {name}=")
            if name in URL_ATTRS and "".join((value or "").split()).lower().startswith("javascript:"):
                self.found.append(f"{tag} {name}=javascript:")


def live(page: str) -> list[str]:
    parser = Live()
    parser.feed(page)
    parser.close()
    return parser.found


@pytest.fixture(scope="module")
def tree(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("render-property") / "scorecards"
    shutil.copytree(MINI, root)
    return root


@pytest.fixture(scope="module")
def maps(tmp_path_factory) -> MapRenderer:
    return MapRenderer(tmp_path_factory.mktemp("maps"))


def _html(path: str, data: bytes) -> str:
    text = data.decode("utf-8")
    if path.endswith(".md"):
        body = text.split("\n---\n", 1)[1] if text.startswith("---\n") else text
        return markdown.markdown(body, extensions=EXTENSIONS)
    return text


def _visible(page_html: str) -> str:
    """The page's text as a reader sees it: tags out, entities decoded, whitespace folded."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page_html)).split())


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=TEXT, field=st.sampled_from(FIELDS))
# the payloads that matter, always tried (random draws may miss them)
@example(text="<script>alert(1)</script>", field=FIELDS[3])
@example(text="<img src=x onerror=alert(1)>", field=FIELDS[4])
@example(text="[点我](javascript:alert(1)) {: onclick=alert(1) }", field=FIELDS[0])
@example(text="</title><script>alert(1)</script>", field=FIELDS[2])
@example(text='目标\\N\\l" ] ; a -> b [label=<b>', field=FIELDS[3])
def test_accepted_text_is_rendered_as_text_everywhere(tree: Path, maps: MapRenderer, text: str,
                                                      field: tuple[str, tuple[Any, ...], Any]) -> None:
    rel, where, _ = field
    original = (MINI / rel).read_text(encoding="utf-8")
    data = yaml.safe_load(original)
    _put(data, where, text)
    (tree / rel).write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10 ** 6),
                            encoding="utf-8", newline="")
    try:
        result = check_tree(tree)
    finally:
        (tree / rel).write_text(original, encoding="utf-8")
    if result.errors or result.city is None:
        return                                  # refused where it stands: test_property checks that
    shown = " ".join(text.split())
    for edition in ("public", "internal"):
        _, files = render_edition(result.city, edition, maps=maps)
        for path, raw in files.items():
            assert not path.startswith(("/", "\\")) and ".." not in Path(path).parts, path
            if not path.endswith((".md", ".svg")):
                continue
            page = _html(path, raw)
            assert live(page) == [], (edition, path, text)
        if shown:
            unit_page = _visible(_html("units/alpha/index.md", files["units/alpha/index.md"]))
            assert shown in unit_page, (edition, shown)
