"""A benchmark unit's results page in headless Chromium: the score a reader sees is the score
`bscportal score` prints; the charts draw; the dual-track page and the ranking open.

Uses the session's built example site (`example_site`, tests/conftest.py) and the browser
fixtures of tests/e2e/conftest.py (Debian Chromium, config and cache in a temporary folder).
"""
from __future__ import annotations

import re
import subprocess
import sys

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.e2e

UNIT = "hainan-township"


def bscportal_score(unit: str, period: str) -> dict[str, str]:
    """`bscportal score UNIT PERIOD` run as a separate process: 总分, 等次 and each item's 得分."""
    out = subprocess.run([sys.executable, "-m", "generator", "score", unit, period,
                          "--path", str(ROOT / "scorecards")],
                         capture_output=True, text=True, cwd=ROOT, check=True).stdout
    found = {"总分": re.search(r"^总分：(\S+)$", out, re.M).group(1),
             "等次": re.search(r"^等次：(\S+)$", out, re.M).group(1)}
    for line in out.splitlines():
        m = re.match(r"^(M-\S+)\s.*\s(\d+\.\d\d|—)\s+\S+$", line)
        if m:
            found[m.group(1)] = m.group(2)
    return found


@pytest.mark.parametrize("period", ["2009", "2008-q3", "2009-q3"])
def test_results_page_shows_the_score_of_bscportal_score(page, public_server, period):
    expected = bscportal_score(UNIT, period)
    page.goto(f"{public_server}/units/{UNIT}/results.html#p-{period}")
    block = page.locator(f'.bsc-result[data-period="{period}"]')
    total = block.locator(".bsc-total")
    total.scroll_into_view_if_needed()
    assert total.is_visible()
    assert total.inner_text().strip() == expected["总分"]
    assert block.locator(".bsc-grade").inner_text().strip() == expected["等次"]
    # every scored line's points, as the reader sees them in the table
    table = page.locator(f'table.bsc-scale[data-period="{period}"]')
    for mid, points in expected.items():
        if not mid.startswith("M-"):
            continue
        row = table.locator(f"tr#r-{period}-{mid}")
        cells = [c.strip() for c in row.locator("td").all_inner_texts()]
        assert cells[8] == points, (mid, cells)
    assert page.recorder.errors == []


def test_results_page_draws_its_trend_charts(page, public_server, example_site):
    page.goto(f"{public_server}/units/{UNIT}/results.html")
    periods = page.locator(".bsc-result").count()
    assert periods >= 6
    chart = page.locator(f"svg#chart-total-{UNIT}")
    assert chart.is_visible()
    box = chart.bounding_box()
    assert box["width"] > 400 and box["height"] > 150
    markers = chart.locator("g.bsc-chart-series > :is(circle, rect, polygon)")
    assert markers.count() == periods
    assert page.locator(f"svg#chart-persp-{UNIT}").is_visible()
    # the overview table beside the chart has one row per period
    assert page.locator("#results-overview tbody tr").count() == periods
    outside = [u for u in page.recorder.requests if not u.startswith(public_server + "/")]
    assert outside == [] and page.recorder.errors == []


def test_missing_data_is_visible_in_the_browser(page, public_server):
    page.goto(f"{public_server}/units/{UNIT}/results.html#p-2009-q3")
    row = page.locator("table.bsc-scale[data-period='2009-q3'] tr.bsc-row--missing").first
    row.scroll_into_view_if_needed()
    assert "缺数" in row.inner_text()
    assert page.locator(".bsc-missing-note").first.is_visible()


def test_dual_track_and_ranking_pages_open(page, public_server, example_site):
    page.goto(f"{public_server}/city/dual-track.html")
    assert page.locator("h1").first.inner_text().startswith("双轨对照")
    # every unit and period that ran both tracks (and is published) has its row, no more
    ran_both = {(u.name, pid) for u in example_site.city
                if u.rules.publish_results and not u.internal
                for pid, r in u.results.items()
                if r.traditional is not None and r.published and pid in u.scales}
    assert len({name for name, _ in ran_both}) >= 10
    assert page.locator("table.bsc-dualtrack tbody tr").count() == len(ran_both)
    shown = set(page.locator("table.bsc-dualtrack tbody tr > :first-child").all_inner_texts())
    assert {name for name, _ in ran_both} <= {t.strip() for t in shown}
    assert page.locator("tr.bsc-dt--higher, tr.bsc-dt--lower").count() >= 1
    if example_site.city.info.settings.publish_ranking:
        page.goto(f"{public_server}/city/ranking.html")
        first = page.locator("table.bsc-ranking").first.locator("tbody tr").first
        assert first.locator("td").first.inner_text().strip() == "1"
    assert page.recorder.errors == []
