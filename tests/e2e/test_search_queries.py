"""A reader's queries and the page each should bring up first (issue 17), typed into the public
edition's search box in headless Chromium. The score (queries whose first result is right, and
whose right page is among the first three) is printed; run with `-s` to see it and the misses.

The set covers what the search work of issue 17 is for: compound words found by a part (满意度
in 群众满意度, 纯收入, 参合率: `generator/site/searchparts.py`), a unit's own sections first for a
query with its name or short name (长汀镇 战略地图: `generator/site/searchunit.py`), an
article found by words of its summary and body, and the plain cases (unit names, glossary
terms, city pages, measure ids) that must not get worse. "First" is the first result group
(a page) and its best section.
"""
from __future__ import annotations

import pytest

from tests.e2e.test_search_quality import first_section, search_groups

pytestmark = pytest.mark.e2e

#: at least this many of the queries must bring the right page first
MIN_FIRST = 22


def _cards(city, unit_ids, contains: str) -> set[str]:
    """Indicator-card sections of measures whose name contains `contains` (all units if None)."""
    return {f"units/{u.id}/cards.html#m-{m.id}" for u in city.units.values()
            if unit_ids is None or u.id in unit_ids for m in u.measures if contains in m.name}


def queries(city) -> list[tuple[str, set[str]]]:
    """(query, the pages or sections any of which should come first)."""
    g = "city/glossary.html"
    out = [
        ("海南乡", {"units/hainan-township/index.html"}),
        ("教育局", {"units/education-bureau/index.html"}),
        ("海南乡 战略地图", {"units/hainan-township/index.html#战略地图"}),
        ("长汀镇 战略地图", {"units/changting-town/index.html#战略地图"}),
        ("柴河镇 指标卡", {"units/chaihe-town/cards.html"}),
        ("教育局 考核结果", {"units/education-bureau/results.html", "units/education-bureau/index.html#最新考核结果"}),
        ("海南乡 群众满意度", _cards(city, {"hainan-township"}, "满意度")),
        ("满意度", _cards(city, None, "满意度")),
        ("纯收入", _cards(city, None, "纯收入")),
        ("参合率", _cards(city, None, "参合率")),
        ("矛盾纠纷", _cards(city, None, "矛盾纠纷")),
        ("一票否决", {f"{g}#g-veto"}),
        ("模拟考评", {f"{g}#g-simulated-assessment"}),
        ("双轨运行", {f"{g}#g-dual-track", "city/dual-track.html", "articles/2010-01-education-dual-track.html"}),
        ("学习与成长", {f"{g}#gp-learning"}),
        ("计分卡", {f"{g}#g-bsc", f"{g}#g-personal-scorecard"}),
        ("战略地图", {f"{g}#g-strategy-map"} | {f"units/{u.id}/index.html#战略地图" for u in city.benchmark_units}),
        ("督办", {"city/tracking.html"}),
        ("推行进度", {"city/rollout.html"}),
        ("术语表", {g}),
        ("考核排名", {"city/ranking.html"}),
        ("一人多岗", {"articles/2009-02-hainan-multi-post.html", f"{g}#g-multi-post"}),
        ("绩效联络员", {"articles/2009-10-hainan-tracking.html"}),       # in its summary
        ("征兵任务", {"articles/2009-02-hainan-multi-post.html"}),        # only in its body
        ("M-S1-1", {f"units/{u.id}/cards.html#m-M-S1-1" for u in city.units.values()}),
        ("师德", {f"units/education-bureau/{p}" for p in ("index.html", "cards.html")}),
    ]
    return out


def _hits(group, expected: set[str]) -> bool:
    page, best = group[0][1], first_section(group)
    return page in expected or best in expected


def test_query_set(page, public_server, example_site):
    page.goto(public_server + "/index.html")
    cases = queries(example_site.city)
    assert len(cases) >= 20
    first, top3, misses = 0, 0, []
    for query, expected in cases:
        assert expected, f"nothing expected for {query}: the example data changed?"
        groups = search_groups(page, query)
        if groups and _hits(groups[0], expected):
            first += 1
        else:
            misses.append((query, [first_section(gr) for gr in groups[:3]]))
        if any(_hits(gr, expected) for gr in groups[:3]):
            top3 += 1
    print(f"\nsearch query set: {first}/{len(cases)} first, {top3}/{len(cases)} in the first three")
    for query, got in misses:
        print(f"  {query}: {got}")
    assert first >= MIN_FIRST, misses
    assert top3 == len(cases), misses
