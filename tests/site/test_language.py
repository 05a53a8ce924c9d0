"""What the city's language decides in the MkDocs configuration, and the nav listing only pages
that have something to show."""
from __future__ import annotations

import dataclasses
from pathlib import Path

from generator.check import check_tree
from generator.i18n import use_language
from generator.site.language import SEPARATORS, apply_language
from generator.site.mkdocs_config import edition_config, has_dual_track, has_ranking, results_nav
from tests.conftest import MINI_SITE, ROOT


def config(language: str, base: dict | None = None) -> dict:
    cfg = base if base is not None else {
        "theme": {"name": "material"}, "plugins": ["search"],
        "markdown_extensions": [{"toc": {"permalink": True}}]}
    with use_language(language):
        apply_language(cfg, language)
    return cfg


def search(cfg: dict) -> dict:
    return next(p["search"] for p in cfg["plugins"] if isinstance(p, dict) and "search" in p)


def test_chinese_segments_with_jieba_and_does_not_stem():
    cfg = config("zh")
    assert cfg["theme"]["language"] == "zh"
    assert search(cfg)["pipeline"] == [] and search(cfg)["lang"] == ["zh"]
    assert "、" in search(cfg)["separator"] and "-" not in search(cfg)["separator"].replace("\\-", "")
    assert cfg["markdown_extensions"][0]["toc"]["permalink_title"] == "本节链接"


def test_english_stems_and_keeps_ids_whole():
    cfg = config("en")
    assert cfg["theme"]["language"] == "en"
    assert search(cfg)["pipeline"] == ["stemmer", "stopWordFilter", "trimmer"]
    assert search(cfg)["lang"] == ["en"]
    assert search(cfg)["separator"] == SEPARATORS["en"] and "-" not in SEPARATORS["en"]
    assert cfg["markdown_extensions"][0]["toc"]["permalink_title"] == "Link to this section"


def test_a_portal_setting_is_kept():
    base = {"theme": {"name": "material", "language": "de"},
            "plugins": [{"search": {"separator": "[\\s]+"}}], "markdown_extensions": []}
    cfg = config("en", base)
    assert cfg["theme"]["language"] == "de" and search(cfg)["separator"] == "[\\s]+"
    assert search(cfg)["pipeline"] == ["stemmer", "stopWordFilter", "trimmer"]


def example():
    return check_tree(ROOT / "scorecards").city


def mini():
    return check_tree(MINI_SITE / "scorecards").city


def city_pages(nav: list, title: str = "全市") -> list[str]:
    section = next(s[title] for s in nav if isinstance(s, dict) and title in s)
    return [next(iter(p.values())) for p in section if isinstance(p, dict)]


def test_pages_with_nothing_to_show_are_not_listed():
    city = example()
    assert has_dual_track(city, "public") and has_ranking(city, "public")
    small = mini()
    assert has_dual_track(small, "internal") and has_ranking(small, "internal")
    # no results at all (a new portal): neither page is listed, in either edition
    empty = dataclasses.replace(small, units={uid: dataclasses.replace(u, results={})
                                              for uid, u in small.units.items()})
    for edition in ("public", "internal"):
        assert not has_dual_track(empty, edition) and not has_ranking(empty, edition)
        pages = city_pages(results_nav(empty, edition))
        assert "city/dual-track.md" not in pages and "city/ranking.md" not in pages
    # the example with every traditional result removed: no dual-track entry, ranking stays
    units = {uid: dataclasses.replace(u, results={p: r.model_copy(update={"traditional": None})
                                                  for p, r in u.results.items()})
             for uid, u in city.units.items()}
    single = dataclasses.replace(city, units=units)
    pages = city_pages(results_nav(single, "public"))
    assert "city/dual-track.md" not in pages and "city/ranking.md" in pages


def test_english_nav_and_site_name(tmp_path: Path):
    with use_language("en"):
        cfg = edition_config(example(), "internal", docs_dir=tmp_path / "d", site_dir=tmp_path / "s",
                             user_dict=tmp_path / "u.txt")
    titles = [next(iter(s)) for s in cfg["nav"]]
    assert titles[:3] == ["Home", "Units", "City"]
    assert cfg["site_name"] == "海林市 balanced scorecard portal (internal edition)"
    assert cfg["theme"]["language"] == "en"
