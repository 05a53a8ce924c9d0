"""The page modules and the unit, cards, home, city, glossary, article(s), topic(s), units,
rollout, internal, history and changes templates speak English when the language is English, and
Chinese (as before) otherwise. Rendered from the mini city (tests/site/fixtures/mini)."""
from __future__ import annotations

import re

import pytest

from generator.check import check_tree
from generator.i18n import translations, use_language
from generator.load.articles import load_articles
from generator.render import render_edition
from tests.conftest import MINI_SITE

CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")


@pytest.fixture(scope="module")
def city():
    result = check_tree(MINI_SITE / "scorecards")
    assert result.ok, result.errors
    return result.city


def _render(city, language, edition="internal"):
    articles, problems = load_articles(MINI_SITE / "content" / "articles")
    assert problems == []
    with use_language(language):
        _, files = render_edition(city, edition, articles=articles, updated={"mini-town": "2009-01-02"},
                                  repo_paths={})
    return {k: v.decode("utf-8") for k, v in files.items() if k.endswith((".md", ".csv"))}


@pytest.fixture(scope="module")
def en(city):
    return _render(city, "en")


@pytest.fixture(scope="module")
def zh(city):
    return _render(city, "zh")


def _headings(page: str) -> list[str]:
    return [line for line in page.splitlines() if line.startswith("## ")]


def _thead(page: str) -> list[str]:
    return re.findall(r"<thead>.*?</thead>", page, re.S)


def test_home_page_in_english(en):
    page = en["index.md"]
    for text in ["## Rollout at a glance", "## Benchmark units", "## Latest period",
                 'aria-label="Search this site"', "Search units, objectives, measures or articles",
                 "<caption>Units per rollout stage</caption>",
                 "See [all units](units/index.md), [rollout progress](city/rollout.md) and [recent changes]"]:
        assert text in page, text
    assert re.search(r'bsc-stat__label">units? uses? the balanced scorecard</span>', page)
    # headings, table heads and labels are the template's: no Chinese left in them
    assert not [h for h in _headings(page) if CJK.search(h)]
    assert not [t for t in _thead(page) if CJK.search(t)]
    for zh_text in ["推行概况", "搜索本站", "个单位推行平衡计分卡", "各推行阶段的单位数", "最新考核期", "查看"]:
        assert zh_text not in page, zh_text


def test_unit_page_in_english(en):
    page = en["units/mini-town/index.md"]
    for heading in ["## Mission, vision and core values", "## Strategic themes", "## Strategy map",
                    "### Sub-maps", "## Unit scorecard", "## Department scorecards", "## Action plans",
                    "## Latest results", "## Downloads and editing { data-search-exclude }"]:
        assert heading + "\n" in page, heading
    assert '<th scope="col">Perspective</th><th scope="col">Objective</th><th scope="col">Measure</th>' in page
    assert "Last updated: 2009-01-02" in page
    assert 'aria-label="Strategy map"' in page and "Open the map on its own (SVG)" in page
    assert "The strategy map as text" in page
    # every heading of the unit template, every table head (tracking's included) has no Chinese
    mine = [h for h in _headings(page) if "{#" not in h]
    assert not [h for h in mine if CJK.search(h)], mine
    assert not [t for t in _thead(page) if CJK.search(t.split("<small>")[0])]
    for zh_text in ["总卡", "使命、愿景与核心价值观", "战略地图的文字说明", "单独打开地图", "数据下载与编辑",
                    "最后更新", "全部考核期的结果"]:
        assert zh_text not in page, zh_text


def test_cards_page_in_english(en):
    page = en["units/mini-town/cards.md"]
    assert re.search(r'^title: ".* · Indicator cards"$', page, re.M)
    assert "· Indicator cards\n" in page and "Print this card" in page
    for label in ["Objective", "Measure type", "Polarity", "Baseline", "Reporting frequency", "Data source",
                  "Owner / tracker", "Assessment weight"]:
        assert f'<th scope="row">{label}</th>' in page, label
    assert not [th for th in re.findall(r'<th scope="row">([^<]*)</th>', page) if CJK.search(th)]


def test_index_pages_in_english(en):
    units = en["units/index.md"]
    assert "title: \"Units\"\n" in units and "# Units in the rollout" in units
    assert not [t for t in _thead(units) if CJK.search(t)]
    assert units.count('<option value="">All</option>') == 2
    assert en["units/units.csv"].lstrip("\ufeff").startswith("Unit ID,Unit name,Short name,")
    rollout = en["city/rollout.md"]
    assert "title: \"Rollout progress\"" in rollout and "## Rollout stages" in rollout
    # (the stage names in its table head are the city's data)
    assert '<th scope="col">Year end</th>' in rollout and '<th scope="col">In the rollout</th>' in rollout
    glossary = en["city/glossary.md"]
    assert "# Balanced scorecard glossary" in glossary and "## Perspectives (default order)" in glossary
    city = en["city/index.md"]
    assert "title: \"City themes\"" in city and "# City themes and alignment" in city
    internal = en["internal/index.md"]
    assert '!!! warning "Internal edition only"' in internal and "## Content marked internal" in internal
    assert not [t for t in _thead(internal) if CJK.search(t)]
    changes = en["city/changes.md"]
    assert "# Recent changes" in changes
    assert en["about.md"].startswith("---\ntitle: About this site\n---\n\n# About this site\n")


def test_articles_and_topics_in_english(en):
    index = en["articles/index.md"]
    assert "title: \"Experience articles\"" in index
    assert re.search(r"\d+ articles?, newest first", index)
    topics = en["topics/index.md"]
    assert "# Experience articles by category, tag and author" in topics
    topic = next(v for k, v in en.items() if k.startswith("topics/category-"))
    assert re.search(r"^title: \"\w+: ", topic, re.M) and re.search(r"\d+ articles?, newest first", topic)
    article = next(v for k, v in en.items() if k.startswith("articles/") and "bsc-article-meta" in v
                   and k != "articles/index.md")
    assert re.search(r"About \d+ minutes? to read", article)


def test_chinese_stays_as_it_was(zh):
    page = zh["index.md"]
    assert "## 推行概况" in page and 'aria-label="搜索本站"' in page
    assert "查看[全部单位](units/index.md)、[推行进度](city/rollout.md)和[最近更新](city/changes.md)。" in page
    assert 'bsc-stat__label">个单位推行平衡计分卡</span>' in page
    unit = zh["units/mini-town/index.md"]
    assert "## 总卡\n" in unit and "最后更新：2009-01-02（" in unit and "## 使命、愿景与核心价值观" in unit
    assert 'bsc-stage--dual-track">双轨运行（2008-01-01 起）</span>' in unit
    assert zh["units/units.csv"].lstrip("\ufeff").startswith("单位编号,单位名称,简称,")
    assert "title: 关于本站" in zh["about.md"]
    cards = zh["units/mini-town/cards.md"]
    assert re.search(r'^title: ".* · 指标卡"$', cards, re.M) and "打印此卡" in cards


def test_plural_forms():
    en = translations("en")
    assert en.ngettext("个标杆单位", "个标杆单位", 1) == "benchmark unit"
    assert en.ngettext("个标杆单位", "个标杆单位", 2) == "benchmark units"
    zh = translations("zh")
    assert zh.ngettext("个标杆单位", "个标杆单位", 2) == "个标杆单位"
