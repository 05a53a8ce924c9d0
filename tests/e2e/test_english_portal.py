"""An English portal made by `bscportal init --language en`, in Chromium: the interface reads
English (Material's own texts included), and search stems: a plural finds the singular."""
from __future__ import annotations

import os
import re

import pytest

from tests.conftest import BuiltSite, _build
from tests.e2e.conftest import reader_page, serve
from tests.e2e.searching import type_query

pytestmark = pytest.mark.e2e

ARTICLE = """---
title: How the front desk cut waiting times
date: 2026-03-02
summary: One change at the front desk, measured for a quarter.
---

Every complaint about waiting is now logged the same day. The desk answered each
complaint within a week, and the owner reviewed the backlog every Friday.
"""


@pytest.fixture(scope="module")
def english_site(tmp_path_factory) -> BuiltSite:
    from generator.scaffold.portal import init_portal

    root = tmp_path_factory.mktemp("english") / "riverton"
    init_portal(root, "Riverton", language="en")
    articles = root / "content" / "articles"
    (articles / "2026-03-front-desk.md").write_text(ARTICLE, encoding="utf-8")
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    return _build(root.parent / "build", root / "scorecards", root / "content")


@pytest.fixture(scope="module")
def english_server(english_site):
    server, url = serve(english_site.public)
    yield url
    server.shutdown()


@pytest.fixture
def en_page(browser):
    yield from reader_page(browser, "en-GB")


def test_a_plural_finds_the_page_with_the_singular(en_page, english_server):
    en_page.goto(english_server + "/index.html")
    type_query(en_page, "complaints")
    titles = en_page.locator(".md-search-result__item h1, .md-search-result__item h2").all_inner_texts()
    assert any("front desk" in t.lower() for t in titles), titles
    meta = en_page.locator(".md-search-result__meta").inner_text()
    assert re.search(r"\d+ matching documents?", meta), meta   # Material's own text, in English


def test_the_interface_reads_english(en_page, english_server):
    en_page.goto(english_server + "/index.html")
    assert en_page.locator("html").get_attribute("lang") == "en"
    tabs = en_page.locator(".md-tabs__link").all_inner_texts()
    assert [t.strip() for t in tabs][:3] == ["Home", "Units", "City"]
    assert en_page.locator(".md-search__input").get_attribute("placeholder") == "Search"
    assert not en_page.recorder.errors
    assert all(r.startswith(english_server) for r in en_page.recorder.requests)
