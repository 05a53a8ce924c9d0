"""A unit's staged files reused while nothing they are made from changed (`site/unitreuse.py`).

The contract that makes it sound: a unit's pages read the unit and the city, never another unit
(tested on the example: each unit rendered alone in its city gives the same bytes). Then builds
that reuse units give the same bytes as complete builds, and reuse only what they may.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import os
from pathlib import Path

import pytest

from generator.check import check_tree
from generator.render import edition_site
from generator.render.pages import unit_outputs
from generator.site.stage import Kept, stage_stream
from generator.site.unitreuse import UnitReuse, city_key, read_digests
from tests.conftest import MINI_SITE, ROOT
from tests.site.test_incremental import EPOCH, Series

AS_OF = dt.date(2010, 8, 31)


@pytest.fixture(scope="module")
def example_city():
    result = check_tree(ROOT / "scorecards", ROOT / "content", AS_OF)
    assert result.ok, result.errors
    return result


@pytest.mark.parametrize("edition", ["public", "internal"])
def test_a_units_pages_do_not_read_other_units(example_city, edition: str) -> None:
    """Each unit's staged files are the same when it is the only unit of its city: no unit page
    kind reads another unit (what lets a build keep the pages of units that did not change)."""
    city = example_city.city
    full = edition_site(city, edition, articles=example_city.articles, as_of=AS_OF)
    checked = 0
    for unit in full.units:
        alone = dataclasses.replace(city, units={unit.id: city.units[unit.id]})
        site = edition_site(alone, edition, articles=example_city.articles, as_of=AS_OF)
        shown = [u for u in site.units if u.id == unit.id]
        if not shown:
            continue
        mine = {o.path: o.data for o in unit_outputs(full, unit)}
        by_itself = {o.path: o.data for o in unit_outputs(site, shown[0])}
        assert mine == by_itself, unit.id
        checked += 1
    assert checked >= 60


@pytest.mark.parametrize("edition", ["public", "internal"])
def test_pages_that_read_no_unit_are_the_same_without_units(example_city, edition: str) -> None:
    """Kinds marked READS_UNITS = False give the same files for the city with no units at all."""
    from generator.render.pages import city_outputs

    city = example_city.city
    full = edition_site(city, edition, articles=example_city.articles, as_of=AS_OF)
    empty = edition_site(dataclasses.replace(city, units={}), edition, articles=example_city.articles, as_of=AS_OF)
    mine = {o.path: o.data for o in city_outputs(full, reads_units=False)}
    assert "city/glossary.md" in mine
    assert mine == {o.path: o.data for o in city_outputs(empty, reads_units=False)}


@pytest.fixture(autouse=True)
def _fixed_date(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)


def _record(series: Series, edition: str) -> dict:
    import json
    return json.loads((series.inc / "stage" / edition / "units.json").read_text(encoding="utf-8"))


def test_an_edit_renders_that_unit_only_and_builds_the_same_bytes(tmp_path: Path) -> None:
    s = Series(tmp_path, MINI_SITE, git=False)
    first = s.incremental()
    for r in first.values():
        assert (r.staged.units_rendered, r.staged.units_kept) == (len(_record(s, r.edition)["units"]) - 1, 0)

    town = "scorecards/units/mini-town"
    s.edit(f"{town}/measures.yml", "targets: {2008: 4500, 2009: 5000}", "targets: {2008: 4500, 2009: 5200}")
    done = s.check("改目标值")
    for r in done.values():
        assert r.staged.units_rendered == 1 and r.staged.units_kept >= 1, (r.edition, r.staged)
        assert "units/mini-town/cards.md" in r.staged.written

    # a staged file of a kept unit touched since (a build killed half-way, a hand edit): rendered again
    staged = s.inc / "stage" / "public" / "docs" / "units" / "mini-bureau" / "index.md"
    staged.write_bytes(b"stale")
    s.edit(f"{town}/measures.yml", "2009: 5200", "2009: 5300")
    done = s.check("暂存文件被改")
    assert done["public"].staged.units_rendered == 2
    assert "units/mini-bureau/index.md" in done["public"].staged.written
    assert done["internal"].staged.units_rendered == 1

    # a city file changed: every unit rendered again
    s.edit("scorecards/city.yml", "  repo_url: https://git.example.org/mini/bsc",
           "  repo_url: https://git.example.org/mini/portal")
    done = s.check("改设置")
    assert all(r.staged.units_kept == 0 for r in done.values())

    # an article naming a unit: its page lists it
    article = s.src / "content" / "articles" / "2009-town-next.md"
    article.write_text("---\ntitle: 乡里第二年的计分卡\nunit: mini-town\nauthor: 小城乡\ndate: 2009-12-02\n"
                       "tags: [战略地图]\nsummary: 第二年。\n---\n\n第二年我们改了目标。\n", encoding="utf-8")
    done = s.check("加文章")
    assert all(r.staged.units_kept == 0 for r in done.values())


def test_a_record_of_another_city_key_or_a_missing_file_is_not_used(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    report = stage_stream([("units/a/index.md", b"A"), ("index.md", b"home")], docs)
    reuse = UnitReuse.open(tmp_path / "units.json", docs, "city-1", {})
    reuse.staged = {"a": ("key-a", ["units/a/index.md"])}
    reuse.save(report)
    again = UnitReuse.open(tmp_path / "units.json", docs, "city-1", {})
    assert list(again.previous) == ["a"]
    assert again._intact(again.previous["a"][1])
    assert UnitReuse.open(tmp_path / "units.json", docs, "city-2", {}).previous == {}
    (docs / "units" / "a" / "index.md").write_bytes(b"B")       # same size, another byte
    assert not again._intact(again.previous["a"][1])
    os.unlink(docs / "units" / "a" / "index.md")
    assert not again._intact(again.previous["a"][1])
    (tmp_path / "units.json").write_text("{not json", encoding="utf-8")
    assert UnitReuse.open(tmp_path / "units.json", docs, "city-1", {}).previous == {}


def test_kept_files_stay_and_count_as_staged(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    stage_stream([("a.md", b"A"), ("b.md", b"B")], docs)
    report = stage_stream([Kept("a.md", "d-a"), ("c.md", b"C")], docs)
    assert (docs / "a.md").read_bytes() == b"A" and not (docs / "b.md").exists()
    assert report.digests["a.md"] == "d-a" and report.deleted == ["b.md"] and report.written == ["c.md"]


def test_the_city_key_covers_the_citys_files_not_the_units(tmp_path: Path) -> None:
    sc, ct = tmp_path / "scorecards", tmp_path / "content"
    (sc / "units" / "a").mkdir(parents=True)
    ct.mkdir()
    (sc / "city.yml").write_text("name: x\n", encoding="utf-8")
    (sc / "units" / "a" / "unit.yml").write_text("id: a\n", encoding="utf-8")

    def key(edition: str = "public", as_of: str = "2010-08-31", updated: str = "{}") -> str:
        return city_key(read_digests(sc, ct), edition, as_of, [("updated", updated)])
    first, unit_a = key(), read_digests(sc, ct)["unit:a"]
    (sc / "units" / "a" / "unit.yml").write_text("id: a\nmission: m\n", encoding="utf-8")
    assert key() == first and read_digests(sc, ct)["unit:a"] != unit_a
    for changed in [key("internal"), key(as_of="2010-09-01"), key(updated="{'a': '2010-01-01'}")]:
        assert changed != first
    (ct / "a.md").write_text("x", encoding="utf-8")
    assert key() != first


def test_a_file_saved_while_the_build_runs_is_seen_by_the_next_build(tmp_path: Path, monkeypatch) -> None:
    """The inputs are taken before the files are read: a save between reading and staging
    leaves records that do not match the next build's inputs, which renders the unit again."""
    from generator.site import build as build_module

    s = Series(tmp_path, MINI_SITE, git=False)
    s.incremental()
    measures = s.scorecards / "units" / "mini-town" / "measures.yml"
    s.edit("scorecards/units/mini-town/measures.yml", "2009: 5000", "2009: 5100")
    real = build_module.check_tree

    def check_then_save(*args, **kwargs):
        result = real(*args, **kwargs)          # the build has read 5100 ...
        measures.write_text(measures.read_text(encoding="utf-8").replace("2009: 5100", "2009: 5200"),
                            encoding="utf-8")   # ... and the editor saves 5200 before it stages
        return result
    monkeypatch.setattr(build_module, "check_tree", check_then_save)
    s.incremental()
    monkeypatch.setattr(build_module, "check_tree", real)
    done = s.check("又改目标值")              # 5200 on disk: the next build shows it
    assert all(r.way != "unchanged" for r in done.values())
