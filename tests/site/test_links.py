"""Every page of each edition is reachable from the home page, and no internal link or anchor
is broken (checked on the built HTML, not on the Markdown)."""
import pytest

from .crawl import all_pages, crawl

EDITIONS = ["public", "internal"]


@pytest.fixture(scope="module")
def crawls(example_site):
    return {e: crawl(getattr(example_site, e)) for e in EDITIONS}


@pytest.mark.parametrize("edition", EDITIONS)
def test_no_broken_links_or_anchors(crawls, edition):
    broken = crawls[edition].broken
    assert broken == [], "\n".join(f"{p} → {l}" for p, l in broken[:30])


@pytest.mark.parametrize("edition", EDITIONS)
def test_every_page_is_reachable_from_home(example_site, crawls, edition):
    unreached = all_pages(getattr(example_site, edition)) - crawls[edition].visited
    assert unreached == set()


@pytest.mark.parametrize("edition", EDITIONS)
def test_every_unit_page_is_reached(example_site, crawls, edition):
    units = getattr(example_site, edition) / "units"
    for folder in units.iterdir():
        if folder.is_dir():
            assert f"units/{folder.name}/index.html" in crawls[edition].visited


def test_mini_links_and_reachability(mini_site):
    for edition in EDITIONS:
        root = getattr(mini_site, edition)
        c = crawl(root)
        assert c.broken == [], (edition, c.broken)
        assert all_pages(root) - c.visited == set()


def test_only_edit_links_leave_the_site(crawls):
    for c in crawls.values():
        assert all(l.startswith("https://git.example.org/") for l in c.external), c.external
