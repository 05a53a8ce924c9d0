"""Articles that travel (issue 17): the Atom feed, categories, tags and author pages, reading time,
"more from this unit" and the summary on the article's page.

The feed is read with feedparser: well-formed, one entry per public article that is not a
draft, links that lead to the articles' pages; the mini city's internal article and its draft
appear in no public file (the leak scan reads .xml too) and the draft in no feed at all.
"""
from __future__ import annotations

import re
from urllib.parse import urljoin

import pytest

feedparser = pytest.importorskip("feedparser")


def _feed(site):
    path = site / "articles" / "feed.xml"
    parsed = feedparser.parse(path.read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    return parsed


def test_public_feed_lists_every_public_article(example_site):
    parsed = _feed(example_site.public)
    pages = sorted(p.stem for p in (example_site.public / "articles").glob("*.html") if p.stem != "index")
    assert sorted(e.link.removesuffix(".html") for e in parsed.entries) == pages
    assert parsed.feed.title.endswith("经验文章")
    for e in parsed.entries:
        assert e.title and e.summary and e.published_parsed and e.id.startswith("urn:uuid:")
        assert (example_site.public / "articles" / e.link).is_file()   # relative to the feed
    dates = [e.published_parsed for e in parsed.entries]
    assert dates == sorted(dates, reverse=True)


def test_no_internal_or_draft_article_in_a_public_feed(mini_site):
    public = _feed(mini_site.public)
    titles = {e.title for e in public.entries}
    assert titles == {"小河乡推行平衡计分卡的体会"}
    internal = _feed(mini_site.internal)
    titles = {e.title for e in internal.entries}
    assert "机密单位文章亥子" in titles and "机密草稿文章丑寅" not in titles      # drafts in no feed
    assert (mini_site.internal / "articles" / "2009-draft.html").is_file()       # but on the internal site
    assert not (mini_site.public / "articles" / "2009-draft.html").exists()


def test_the_articles_page_links_the_feed(example_site):
    html = (example_site.public / "articles" / "index.html").read_text(encoding="utf-8")
    assert '<a href="feed.xml">经验文章（Atom）</a>' in html
    # no <link rel="alternate">: Material would fetch a sitemap.xml beside the feed
    assert 'rel="alternate"' not in html


def test_categories_tags_and_authors_have_pages(example_site):
    site = example_site.public
    index = (site / "topics" / "index.html").read_text(encoding="utf-8")
    for kind in ("栏目", "标签", "作者"):
        assert f">{kind}<" in index
    tag = (site / "topics" / "tag-quan-zhong.html").read_text(encoding="utf-8")
    assert "从“平均用力”到“突出重点”" in tag
    category = (site / "topics" / "category-wen-ti-yu-dui-ce.html").read_text(encoding="utf-8")
    assert "一人多岗的干部怎么考才公平" in category and "队伍建设层面的指标为什么难定" in category
    author_pages = list((site / "topics").glob("author-*.html"))
    assert len(author_pages) >= 4
    article = (site / "articles" / "2009-02-hainan-multi-post.html").read_text(encoding="utf-8")
    for href in re.findall(r'href="(\.\./topics/[^"]+)"', article):
        assert (site / "articles" / href).resolve().is_file(), href


def test_article_page_has_summary_reading_time_and_more_from_its_unit(example_site):
    page = (example_site.public / "articles" / "2009-02-hainan-multi-post.html").read_text(encoding="utf-8")
    assert "阅读约" in page and "分钟" in page
    assert "乡镇干部身兼数职很普遍" in page                      # the summary, on the page itself
    more = re.search(r'<p class="bsc-article-more">(.*?)</p>', page, re.S)
    assert more and "乡里没有督查部门" in more.group(1) and "一人多岗的干部" not in more.group(1)
