"""build: errors stop before anything is written; a good build reports pages and index size."""
import shutil

import pytest

from generator.site.build import BuildError, build_site
from tests.conftest import MINI_SITE


def copy_mini(tmp_path):
    shutil.copytree(MINI_SITE, tmp_path / "src")
    return tmp_path / "src" / "scorecards", tmp_path / "src" / "content"


def test_check_errors_stop_the_build_before_writing(tmp_path):
    sc, content = copy_mini(tmp_path)
    p = sc / "units" / "mini-town" / "map.yml"
    p.write_text(p.read_text(encoding="utf-8").replace("perspective: stakeholder", "perspectiv: stakeholder", 1),
                 encoding="utf-8")
    with pytest.raises(BuildError) as exc:
        build_site(sc, content, tmp_path / "out", stage_root=tmp_path / "stage", cache_root=tmp_path / "cache")
    assert exc.value.problems and all(p.is_error for p in exc.value.problems)
    assert any("map.yml" in p.path for p in exc.value.problems)
    assert not (tmp_path / "out").exists() and not (tmp_path / "stage").exists()


def test_broken_article_front_matter_stops_the_build(tmp_path):
    sc, content = copy_mini(tmp_path)
    (content / "articles" / "bad.md").write_text("---\ntitle: [unclosed\n---\n正文\n", encoding="utf-8")
    with pytest.raises(BuildError) as exc:
        build_site(sc, content, tmp_path / "out", stage_root=tmp_path / "stage", cache_root=None)
    assert [p.code for p in exc.value.problems] == ["BSC301"]
    assert not (tmp_path / "out").exists()


def test_article_about_an_unknown_unit_is_an_error(tmp_path):
    sc, content = copy_mini(tmp_path)
    (content / "articles" / "x.md").write_text("---\ntitle: 标题\nunit: nobody\n---\n正文\n", encoding="utf-8")
    with pytest.raises(BuildError) as exc:
        build_site(sc, content, tmp_path / "out", stage_root=tmp_path / "stage", cache_root=None)
    assert [p.code for p in exc.value.problems] == ["BSC302"]


def test_unknown_edition_is_refused(tmp_path):
    with pytest.raises(BuildError):
        build_site(MINI_SITE / "scorecards", MINI_SITE / "content", tmp_path, editions=("draft",))


def test_report_and_outputs(mini_site):
    for r in mini_site.reports:
        assert r.pages > 5 and r.search_index_bytes > 0
        assert (r.out_dir / "index.html").is_file()
        assert (r.out_dir / "search" / "search_index.json").is_file()
    assert (mini_site.public / "units" / "mini-town" / "map.svg").is_file()
    assert (mini_site.public / "units" / "mini-town" / "mini-town-measures.csv").is_file()
    assert not (mini_site.public / "units" / "mini-town" / "people.html").exists()
    assert (mini_site.internal / "units" / "mini-town" / "people.html").is_file()
    assert not (mini_site.public / "internal").exists()


def test_mkdocs_reports_no_warnings(mini_site, example_site):
    for site in (mini_site, example_site):
        for r in site.reports:
            assert r.mkdocs_warnings == [], (r.edition, r.mkdocs_warnings)


def test_rebuild_stages_nothing_new(tmp_path):
    kw = dict(stage_root=tmp_path / "stage", cache_root=tmp_path / "cache")
    build_site(MINI_SITE / "scorecards", MINI_SITE / "content", tmp_path / "out", ("public",), **kw)
    report = build_site(MINI_SITE / "scorecards", MINI_SITE / "content", tmp_path / "out", ("public",), **kw)
    assert "输入与上次构建相同，网站未变" in report   # nothing rendered, staged or built (issue 13)
    (tmp_path / "cache" / "site").rename(tmp_path / "forgotten")   # no manifest: render and stage again
    report = build_site(MINI_SITE / "scorecards", MINI_SITE / "content", tmp_path / "out", ("public",), **kw)
    assert "写入 0，" in report and "删除 0" in report


def test_unknown_objective_in_an_article_is_a_warning(tmp_path):
    from generator.site.build import prepare

    sc, content = copy_mini(tmp_path)
    (content / "articles" / "x.md").write_text(
        "---\ntitle: 标题\nunit: mini-town\nobjectives: [S1, NOPE]\n---\n正文\n", encoding="utf-8")
    prep = prepare(sc, content)
    assert [(p.code, p.is_error) for p in prep.warnings if p.code.startswith("BSC30")] == [("BSC303", False)]
