"""A benchmark unit's 修订记录 and the city's 最近更新 in headless Chromium: reached by links
from the unit page and the home page, showing the example's own revisions (this repository's
git history), with no console error and no request leaving 127.0.0.1."""
from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from tests.e2e.test_browser import h1, local_only, no_errors

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]


def shallow_clone() -> bool:
    done = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--is-shallow-repository"],
                          capture_output=True, text=True)
    return done.stdout.strip() == "true"


def test_benchmark_unit_history_shows_the_examples_revisions(page, public_server, example_site):
    unit = next(u for u in example_site.city.benchmark_units if not u.internal)
    page.goto(f"{public_server}/units/{unit.id}/index.html")
    link = page.get_by_role("link", name="修订记录")
    if link.count() == 0 and shallow_clone():
        pytest.skip("this checkout is a shallow clone: the example's commits were not fetched")
    link.first.click()
    page.wait_for_load_state()
    assert page.url.endswith(f"/units/{unit.id}/history.html")
    assert h1(page) == f"{unit.name}：修订记录"
    entries = page.locator("article h2")
    assert entries.count() >= 1, "the example's history should have at least one revision"
    first = entries.first.inner_text()
    assert re.match(r"\d{4}-\d{2}-\d{2}", first), first
    assert page.locator("article li").count() >= 1
    assert page.get_by_text("公开版只列出公开内容的改动").is_visible()
    no_errors(page)
    local_only(page, public_server)


def test_recent_changes_from_the_home_page(page, public_server):
    page.goto(public_server + "/index.html")
    page.get_by_role("link", name="最近更新").first.click()
    page.wait_for_load_state()
    assert h1(page) == "最近更新"
    assert page.locator("article h2").count() >= 1
    # each unit of a revision links to that unit's history at that revision
    link = page.locator("article a[href*='/history.html#r-']").first
    href = link.get_attribute("href")
    link.click()
    page.wait_for_load_state()
    assert page.url.endswith(href.split("/", 2)[-1]) or "history.html#r-" in page.url
    no_errors(page)
    local_only(page, public_server)
