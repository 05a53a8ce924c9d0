"""The 督办 (tracking) pages of the example in headless Chromium, as of the fixed date the example
is built as of (`tests.conftest.EXAMPLE_AS_OF`, 2010-08-31): reached from the nav, overdue
plans, milestones and values per unit and tracker with how long each is overdue; the public
edition lists only what the city publishes; a unit's page carries its own part."""
from __future__ import annotations

import pytest

from tests.conftest import EXAMPLE_AS_OF

pytestmark = pytest.mark.e2e


def _row(table, text: str, kind: str = "") -> str:
    """The text of the first row naming `text` (and `kind`: 行动方案, 里程碑, 指标实际值)."""
    rows = [r for r in table.locator("tbody tr").all_inner_texts() if text in r and kind in r]
    assert rows, text
    return rows[0]


def test_internal_tracking_page_lists_what_is_overdue(page, internal_server):
    page.goto(f"{internal_server}/")
    link = page.get_by_role("link", name="督办：逾期事项")
    link.scroll_into_view_if_needed()
    link.click()
    page.wait_for_url("**/city/tracking.html")
    assert page.locator("h1").inner_text().strip().rstrip("¶") == "督办：逾期事项"
    body = page.locator("article").inner_text()
    assert f"截至 {EXAMPLE_AS_OF.isoformat()}" in body
    summary = page.locator("table.bsc-tracking-summary")
    assert summary.locator("tbody tr").count() == 3   # 海南乡, 柴河镇, 市教育局
    hainan = page.locator('table.bsc-tracking[data-unit="hainan-township"]')
    # due 2009-09-30 → 335 days on 2010-08-31, grouped under the tracker 绩效联络员
    milestone = _row(hainan, "一期工程开工", "里程碑")
    assert "逾期 335 天" in milestone and "2009-09-30" in milestone
    assert "逾期 243 天" in _row(hainan, "\t朝鲜族民俗村旅游项目招商", "行动方案")
    assert "绩效联络员" in hainan.inner_text()
    # a value still missing for a closed quarter, with its reason
    value = _row(hainan, "全社会固定资产投资")
    assert "指标实际值" in value and "逾期 320 天" in value and "统计局" in value
    # internal drafts are listed here, marked
    assert "内部" in _row(hainan, "内部草案")
    education = page.locator('table.bsc-tracking[data-unit="education-bureau"]')
    assert "逾期 47 天" in _row(education, "总结评估，形成推广方案")
    assert page.recorder.errors == []
    assert all(u.startswith(internal_server) for u in page.recorder.requests)


def test_public_tracking_page_shows_published_kinds_only(page, public_server):
    page.goto(f"{public_server}/city/tracking.html")
    body = page.locator("article").inner_text()
    assert "一期工程开工" in body and "逾期 335 天" in body
    assert "内部草案" not in body and "全社会固定资产投资" not in body and "指标实际值" not in body


def test_unit_page_has_its_tracking_section(page, public_server):
    page.goto(f"{public_server}/units/hainan-township/index.html")
    section = page.locator("table.bsc-tracking")
    assert "一期工程开工" in section.inner_text() and "逾期 335 天" in section.inner_text()
    action = page.locator("table.bsc-actions tr#a-A03").inner_text()
    assert "延期" in action and "逾期 243 天" in action
    done = page.locator("table.bsc-actions tr#a-A02").inner_text()
    assert "已完成" in done and "实际完成 2008-12-20" in done
