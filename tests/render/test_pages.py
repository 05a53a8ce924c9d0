"""Rendered pages of the mini city: what each page kind stages, anchors, links, escaping."""
import re

import pytest

from generator.render import render_edition
from generator.load.articles import load_articles
from generator.render.pages import PAGE_KINDS, kinds_for
from tests.conftest import MINI_SITE


@pytest.fixture(scope="module")
def rendered(mini_city):
    articles, problems = load_articles(MINI_SITE / "content" / "articles")
    assert problems == []
    out = {}
    for edition in ("public", "internal"):
        site, files = render_edition(mini_city, edition, articles=articles,
                                     updated={"mini-town": "2009-01-02"},
                                     repo_paths={})
        out[edition] = {k: v.decode("utf-8") if not k.endswith((".xlsx",)) else v for k, v in files.items()}
    return out


def test_every_page_kind_has_a_kind_and_outputs():
    for kind in PAGE_KINDS:
        assert isinstance(kind.KIND, str)
        assert callable(getattr(kind, "outputs", None)) or callable(getattr(kind, "unit_outputs", None))
    public = {k.KIND for k in kinds_for("public")}
    assert "people" not in public and "internal" not in public


def test_public_pages(rendered):
    files = rendered["public"]
    for path in ["index.md", "units/index.md", "units/mini-town/index.md", "units/mini-town/cards.md",
                 "units/mini-town/map.svg", "units/mini-town/mini-town-measures.csv",
                 "units/mini-town/mini-town.json", "units/mini-bureau/index.md", "city/index.md",
                 "city/rollout.md", "city/glossary.md", "articles/index.md",
                 "articles/2008-mini-town.md", "about.md"]:
        assert path in files, path
    assert "units/secret-unit/index.md" not in files
    assert "articles/2008-secret.md" not in files
    assert not any(p.startswith("internal/") or p.endswith("people.md") for p in files)


def test_internal_pages(rendered):
    files = rendered["internal"]
    assert "units/mini-town/people.md" in files and "internal/index.md" in files
    assert "units/secret-unit/index.md" in files
    assert "张卯辰" in files["units/mini-town/people.md"]


def test_unit_page_anchors_map_and_edit_link(rendered):
    page = rendered["public"]["units/mini-town/index.md"]
    assert re.search(r'^edit_url: "https://git.example.org/mini/bsc/edit/main/.*units/mini-town/unit.yml"$',
                     page, re.M)
    for oid in ["S1", "C1", "P1", "L1", "D-O1"]:
        assert f'id="o-{oid}"' in page
    assert 'href="cards.html#m-M-S1-1"' in page
    assert '<div class="bsc-map" tabindex="0" role="region" aria-label="战略地图" data-search-exclude>\n<svg ' in page
    assert "战略地图的文字说明" in page
    assert "mini-town-measures.csv" in page and "mini-town.json" in page
    assert "最后更新：2009-01-02" in page


def test_indicator_cards_have_explicit_ascii_anchors(rendered):
    cards = rendered["public"]["units/mini-town/cards.md"]
    assert "### M\\-S1\\-1 农民人均纯收入 {#m-M-S1-1}" in cards
    assert 'href="index.html#o-S1"' in cards


def test_yaml_text_is_escaped_where_it_lands(rendered):
    page = rendered["public"]["units/mini-town/index.md"]
    # summary: "名字里有 | 竖线和 <b>尖括号</b>" in Markdown context
    assert "名字里有 \\| 竖线和 &lt;b&gt;尖括号&lt;/b&gt;" in page
    # mission with *…* inside raw HTML: escaped as HTML, left literal
    assert "<dd>让全乡群众过上好日子 *不是强调*。</dd>" in page


def test_articles_link_both_ways(rendered):
    files = rendered["public"]
    article = files["articles/2008-mini-town.md"]
    assert 'href="../units/mini-town/index.html"' in article
    assert 'href="../units/mini-town/index.html#o-P1"' in article          # objective named in front matter
    assert 'href="../units/mini-town/cards.html#m-M-P1-1"' in article      # measure named
    assert "#o-PX" not in article                                           # internal objective left out
    assert "我们在推行中体会到" in article                                     # body copied
    unit = files["units/mini-town/index.md"]
    assert "[小河乡推行平衡计分卡的体会](../../articles/2008-mini-town.md)" in unit
    assert "2008-mini-town.md" in files["articles/index.md"]


def test_units_index_rows(rendered):
    public = rendered["public"]["units/index.md"]
    assert public.count('<tr data-kind=') == 2
    assert rendered["internal"]["units/index.md"].count('<tr data-kind=') == 3


def test_internal_badges_only_in_the_internal_edition(rendered):
    assert "bsc-badge--internal" not in rendered["public"]["units/mini-town/index.md"]
    assert "bsc-badge--internal" in rendered["internal"]["units/mini-town/index.md"]


def test_csv_download(rendered):
    csv_text = rendered["public"]["units/mini-town/mini-town-measures.csv"]
    assert csv_text.startswith("\ufeff")
    assert "农民人均纯收入" in csv_text and "机密" not in csv_text


def test_static_pages_never_follow_links_out_of_content_pages(tmp_path):
    """Even without `check` (which refuses links out of the tree, BSC007), the page kind only
    stages real files under content/pages: no folder link is walked, no file link leaves it."""
    from generator.render.pages.static import page_files

    pages = tmp_path / "content" / "pages"
    (pages / "sub").mkdir(parents=True)
    (pages / "about.md").write_text("# 关于", encoding="utf-8")
    (pages / "sub" / "a.md").write_text("# 甲", encoding="utf-8")
    secret = tmp_path / "secret"
    secret.mkdir()
    (secret / "key.md").write_text("机密", encoding="utf-8")
    (pages / "leak.md").symlink_to(secret / "key.md")
    (pages / "dir").symlink_to(secret, target_is_directory=True)
    (pages / "articles").symlink_to(tmp_path / "content", target_is_directory=True)
    assert [p.relative_to(pages).as_posix() for p in page_files(pages)] == ["about.md", "sub/a.md"]
