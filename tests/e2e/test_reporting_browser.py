"""The reporting-status page (报送情况) of a period in the internal edition, in headless Chromium:
reached from the home page, every expected unit listed with its status, the late ones marked,
missing values with their reasons; and no such page in the public edition."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.e2e


def test_reporting_page_of_2009_in_the_internal_edition(page, internal_server):
    page.goto(f"{internal_server}/")
    link = page.get_by_role("link", name="2009年度报送情况")
    link.scroll_into_view_if_needed()
    link.click()
    page.wait_for_url("**/city/reporting-2009.html")
    assert page.locator("h1").inner_text().strip().rstrip("¶") == "2009年度报送情况"
    table = page.locator('table.bsc-reporting[data-period="2009"]')
    assert table.locator("tbody tr").count() == 13
    late = table.locator('tr[data-unit="xinan-town"]')
    assert "逾期报送" in late.inner_text() and "晚 6 天" in late.inner_text()
    assert "按时报送" in table.locator('tr[data-unit="hainan-township"]').inner_text()
    assert page.recorder.errors == []
    assert all(u.startswith(internal_server) for u in page.recorder.requests)


def test_missing_values_show_their_reason(page, internal_server):
    page.goto(f"{internal_server}/city/reporting-2009-h1.html")
    body = page.locator("article").inner_text()
    assert "学籍管理系统数据准确率" in body and "全省学籍系统升级" in body


def test_no_reporting_page_in_the_public_edition(page, public_server):
    response = page.goto(f"{public_server}/city/reporting-2009.html")
    assert response is not None and response.status == 404
