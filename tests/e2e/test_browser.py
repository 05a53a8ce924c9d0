"""The public site in headless Chromium: home, units index, a benchmark unit's map, Chinese
search; no console errors and no request that leaves 127.0.0.1."""
from __future__ import annotations

import re

import pytest

from tests.e2e.searching import ZWSP, type_query

pytestmark = pytest.mark.e2e



def h1(page) -> str:
    return page.locator("h1").first.inner_text().strip().removesuffix("¶").strip()


def local_only(page, base):
    outside = [u for u in page.recorder.requests if not u.startswith(base + "/")]
    assert outside == [], outside


def no_errors(page):
    assert page.recorder.errors == []


def search(page, query: str) -> list[tuple[str, str]]:
    """Type a query into Material's search; (title, href) of the results, U+200B stripped."""
    type_query(page, query)
    items = page.evaluate("""() => [...document.querySelectorAll('.md-search-result__item')].map(
        li => [li.innerText, (li.querySelector('a') || {}).href || ''])""")
    return [(text.replace(ZWSP, ""), href) for text, href in items]


def test_home_page(page, public_server, example_site):
    page.goto(public_server + "/index.html")
    assert example_site.city.name in page.title()
    assert page.locator("h1").first.is_visible()
    assert page.locator("form.bsc-home-search input[name=q]").is_visible()
    benchmark = [u.name for u in example_site.city.benchmark_units if not u.internal]
    for name in benchmark:
        assert page.locator(".bsc-unitcard", has_text=name).count() == 1
    assert page.locator(".md-banner").count() == 0          # no internal banner in public
    assert "虚构" in page.locator(".md-copyright").inner_text()
    no_errors(page)
    local_only(page, public_server)


def test_units_index_lists_every_public_unit(page, public_server, example_site):
    city = example_site.city
    # 71 units in the registry; entries marked internal are not in the public edition
    expected = sum(1 for e in city.registry.units if not e.internal)
    page.goto(public_server + "/units/index.html")
    rows = page.locator("#bsc-units tbody tr")
    assert rows.count() == expected
    assert len(city.units) == 71
    # filter and sort without a server
    page.locator(".bsc-filter input[type=search]").fill("海南")
    assert page.locator("#bsc-units tbody tr:not([hidden])").count() == 1
    page.locator(".bsc-filter input[type=search]").fill("")
    page.locator(".bsc-filter [data-filter=benchmark]").check()
    assert page.locator("#bsc-units tbody tr:not([hidden])").count() == len(
        [u for u in city.benchmark_units if not u.internal])
    page.locator("#bsc-units th button", has_text="指标数").click()
    page.locator("#bsc-units th button", has_text="指标数").click()
    assert page.locator("#bsc-units th[aria-sort=descending]").count() == 1
    no_errors(page)
    local_only(page, public_server)


@pytest.mark.parametrize("unit_id", ["hainan-township", "education-bureau"])
def test_benchmark_unit_page_draws_its_strategy_map(page, public_server, example_site, unit_id):
    unit = example_site.city.units[unit_id]
    page.goto(f"{public_server}/units/{unit_id}/index.html")
    assert h1(page) == unit.name
    svg = page.locator(".bsc-map svg").first
    assert svg.is_visible()
    box = svg.bounding_box()
    assert box["width"] > 300 and box["height"] > 150
    texts = svg.locator("text").all_text_contents()
    assert any(re.search(r"[\u4e00-\u9fff]", t) for t in texts)
    first = unit.objectives[0]
    # each box links to its objective's row in the card
    href = svg.locator(f"a[*|href$='#o-{first.id}']").first
    assert href.count() == 1
    assert page.locator(f"#o-{first.id}").count() == 1
    # text alternative and edit link
    assert page.locator("details.bsc-maptext").count() == 1
    assert page.locator("a[rel=edit]").first.get_attribute("href").endswith(f"units/{unit_id}/unit.yml")
    no_errors(page)
    local_only(page, public_server)


def test_indicator_card_anchor(page, public_server, example_site):
    unit = example_site.city.units["hainan-township"]
    m = unit.measures[0]
    page.goto(f"{public_server}/units/hainan-township/cards.html#m-{m.id}")
    heading = page.locator(f"#m-{m.id}")
    assert heading.count() == 1 and m.name in heading.inner_text()
    no_errors(page)


def test_chinese_search(page, public_server, example_site):
    unit = example_site.city.units["hainan-township"]
    measure = unit.measures[0]
    page.goto(public_server + "/index.html")
    cases = {
        "战略地图": None,
        unit.name: "units/hainan-township/",
        measure.name: "units/hainan-township/",
        measure.id: "units/hainan-township/cards.html",
    }
    for query, expected in cases.items():
        results = search(page, query)
        assert results, f"no results for {query}"
        if expected:
            assert any(expected in href for _, href in results), (query, results[:5])
    no_errors(page)
    local_only(page, public_server)


def test_home_search_box_opens_search_with_the_query(page, public_server):
    page.goto(public_server + "/index.html")
    page.locator("#bsc-q").fill("海南朝鲜族乡")
    page.locator("form.bsc-home-search button").click()
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    assert page.locator(".md-search__input").input_value() == "海南朝鲜族乡"
    no_errors(page)
    local_only(page, public_server)


def test_city_pages_and_articles_render(page, public_server):
    for path in ["city/index.html", "city/rollout.html", "city/glossary.html", "articles/index.html",
                 "about.html"]:
        page.goto(f"{public_server}/{path}")
        assert page.locator("h1").first.is_visible()
    no_errors(page)
    local_only(page, public_server)


def test_internal_edition_has_the_banner(page, internal_server):
    page.goto(internal_server + "/index.html")
    assert "内部版" in page.locator(".md-banner").inner_text()
    page.goto(internal_server + "/internal/index.html")
    assert h1(page) == "内部资料"
    no_errors(page)
    local_only(page, internal_server)
