"""Chinese search quality in headless Chromium: for realistic queries the right page is among
the first three results.

Material groups results by page (one `.md-search-result__item` a page, best first); inside a
group the first link is the page, the next ones its sections, best first. Each case says which
links (page path plus optional `#anchor`, URL-decoded) count as the right answer.

What makes these pass (see generator/site/searchfix.py and generator/render/searchdict.py): the
jieba user dictionary keeps names whole in the index (学习与成长, 战略地图, measure names); the
patched search worker looks the whole query up as one word and keeps M-S1-1 one term; benchmark
unit pages and the glossary carry `search: boost`; the download/edit section is not indexed.
"""
from __future__ import annotations

import re
from urllib.parse import unquote

import pytest

from tests.e2e.searching import ZWSP, type_query

pytestmark = pytest.mark.e2e



def search_groups(page, query: str) -> list[list[tuple[str, str]]]:
    """Type `query` into Material's search box; per result group (page), its links as
    (title, path#anchor), U+200B stripped, URL-decoded, without the `?h=` highlight part."""
    type_query(page, query)
    groups = page.evaluate("""() => [...document.querySelectorAll('.md-search-result__item')].map(
        li => [...li.querySelectorAll('a.md-search-result__link')].map(a => {
            const h = a.querySelector('h1, h2');
            return [h ? h.textContent : '', a.getAttribute('href') || ''];
        }))""")
    base = page.url.rsplit("/", 1)[0] + "/"

    def clean(href: str) -> str:
        href = href.removeprefix(base)
        href = re.sub(r"^(?:\.\./)+|^\./", "", href)
        return unquote(re.sub(r"\?h=[^#]*", "", href))

    return [[(t.replace(ZWSP, "").strip(), clean(h)) for t, h in g] for g in groups]


def top_links(groups, n: int = 3) -> list[str]:
    """The page and its best section of each of the first `n` groups (not every section: a
    page's tenth-best section is not what a reader sees first)."""
    return [href for g in groups[:n] for _, href in g[:2]]


def first_section(group) -> str:
    """The best-scoring section of a group (or the page itself when no section matched)."""
    return group[1][1] if len(group) > 1 else group[0][1]


def cases(city) -> list[tuple[str, set[str]]]:
    """(query, links any of which must be among the first three groups)."""
    hainan = city.units["hainan-township"]
    measure = hainan.measures[0]
    benchmark = [u for u in city.benchmark_units if not u.internal]
    same_name = {f"units/{u.id}/cards.html#m-{m.id}" for u in city.units.values()
                 for m in u.measures if m.name == measure.name}
    return [
        ("战略地图", {f"units/{u.id}/index.html#战略地图" for u in benchmark}
                     | {"city/glossary.html#g-strategy-map"}),
        ("学习与成长", {"city/glossary.html#gp-learning"}),
        ("群众满意度", {f"units/{u.id}/cards.html#m-{m.id}" for u in city.units.values()
                        for m in u.measures if m.name == "群众满意度"}),
        (hainan.name, {"units/hainan-township/index.html"}),
        (measure.name, same_name),
        (measure.id, {f"units/{u.id}/cards.html#m-{measure.id}" for u in city.units.values()}),
        ("一票否决", {"city/glossary.html#g-veto"}),
        ("双轨运行", {"city/glossary.html#g-dual-track", "city/dual-track.html",
                      "articles/2010-01-education-dual-track.html"}),
    ]


def test_right_page_in_top_three(page, public_server, example_site):
    page.goto(public_server + "/index.html")
    failures = []
    for query, expected in cases(example_site.city):
        assert expected, f"no expected page for {query}: the example data changed?"
        groups = search_groups(page, query)
        if not expected & set(top_links(groups)):
            failures.append((query, [first_section(g) for g in groups[:5]]))
    assert failures == []


def test_measure_id_is_one_token(page, public_server, example_site):
    """Every unit has an M-S1-1: the first results are exactly those cards, not M-C1-1 (which
    shares `m` and `1` when the id is split at '-')."""
    page.goto(public_server + "/index.html")
    groups = search_groups(page, "M-S1-1")
    best = [first_section(g) for g in groups]
    assert len(best) >= 3
    assert all(b.endswith("#m-M-S1-1") for b in best), best


def test_function_words_do_not_match(page, public_server):
    """学习与成长 must not fall back to the single character 与 (every page has one)."""
    page.goto(public_server + "/index.html")
    groups = search_groups(page, "学习与成长")
    titles = [t for g in groups[:6] for t, _ in g]
    assert not any("数据下载与编辑" in t for t in titles), titles
    assert all("学习与成长" in "".join(t for t, _ in g) or g[0][1].startswith("articles/")
               for g in groups[:6]), groups[:6]


def test_worker_is_patched(public_server, example_site):
    worker = next((example_site.public / "assets" / "javascripts" / "workers").glob("search.*.min.js"))
    from generator.site.searchfix import MARKER

    assert worker.read_text(encoding="utf-8").startswith(MARKER)
