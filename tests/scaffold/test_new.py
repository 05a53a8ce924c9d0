"""`bscportal new unit|period|article`: each result passes `check` at once; a second run refuses
and changes nothing; bad input is refused before anything is written."""
from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from generator.check import check_tree
from generator.cli import main
from generator.scaffold import Plan, ScaffoldError, Write, apply
from generator.scaffold.period import infer

SITE_MINI = Path(__file__).resolve().parents[1] / "site" / "fixtures" / "mini"
RULES_MINI = Path(__file__).resolve().parents[1] / "fixtures" / "mini"


@pytest.fixture
def tree(tmp_path, monkeypatch):
    shutil.copytree(SITE_MINI / "scorecards", tmp_path / "scorecards")
    shutil.copytree(SITE_MINI / "content", tmp_path / "content")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def passes_check(root: Path) -> None:
    result = check_tree(root / "scorecards", root / "content")
    assert result.errors == [], [f"{p.path}:{p.line}: {p.message}" for p in result.errors]


def twice_refuses(root: Path, *args: str) -> None:
    before = files(root)
    again = run(*args)
    assert again.exit_code == 1
    assert "没有" in again.output and "Traceback" not in again.output
    assert files(root) == before


# -- new unit ----------------------------------------------------------------------------------

def test_new_unit(tree):
    registry = (tree / "scorecards/registry.yml").read_text(encoding="utf-8")
    out = run("new", "unit", "forestry", "--name", "小城林业局", "--kind", "government")
    assert out.exit_code == 0, out.output
    assert "已创建 scorecards/units/forestry/unit.yml" in out.output
    passes_check(tree)
    after = (tree / "scorecards/registry.yml").read_text(encoding="utf-8")
    assert after.startswith(registry)                       # comments and entries kept as written
    entry = yaml.safe_load(after)["units"][-1]
    assert entry == {"id": "forestry", "name": "小城林业局", "kind": "government",
                     "rollout": [{"stage": "pilot", "since": dt.date.today()}]}
    city = check_tree(tree / "scorecards").city
    unit = city.units["forestry"]
    assert unit.has_system and unit.name == "小城林业局" and unit.objectives == ()
    map_text = (tree / "scorecards/units/forestry/map.yml").read_text(encoding="utf-8")
    assert "#   stakeholder  利益相关者" in map_text             # the city's default perspectives
    twice_refuses(tree, "new", "unit", "forestry", "--name", "小城林业局", "--kind", "government")


@pytest.mark.parametrize("args, said", [
    (["bad id!", "--name", "某局", "--kind", "government"], "单位编号 `bad id!` 不合格式"),
    (["forestry", "--name", "某局", "--kind", "nope"], "没有单位类别 `nope`：可用 township（乡）、government（政府部门）"),
    (["mini-bureau", "--name", "某局", "--kind", "government"], "已有单位 `mini-bureau`"),
    (["forestry", "--name", "某局", "--kind", "government", "--stage", "x"], "没有推行阶段 `x`"),
])
def test_new_unit_refuses_bad_input(tree, args, said):
    before = files(tree)
    out = run("new", "unit", *args)
    assert out.exit_code == 1 and said in out.output
    assert files(tree) == before


def test_new_unit_refuses_an_existing_folder(tree):
    (tree / "scorecards/units/forestry").mkdir()
    before = files(tree)
    out = run("new", "unit", "forestry", "--name", "某局", "--kind", "government")
    assert out.exit_code == 1 and "已存在" in out.output
    assert files(tree) == before


# -- new period --------------------------------------------------------------------------------

def test_new_period_in_the_city_rules(tree):
    out = run("new", "period", "mini-town", "2010")
    assert out.exit_code == 0, out.output
    passes_check(tree)
    unit = check_tree(tree / "scorecards").city.units["mini-town"]
    period = unit.period_index["2010"]
    assert (period.name, period.kind, period.start, period.end, period.track) == (
        "2010年度", "year", dt.date(2010, 1, 1), dt.date(2010, 12, 31), "dual-track")
    # the scale of 2009 with its weights; every assessed measure has a 2010 target now
    assert [(i.measure, i.weight) for i in unit.scales["2010"].items] == [
        ("M-S1-1", 40), ("M-C1-1", 30), ("M-P1-1", 20), ("M-L1-1", 10)]
    assert unit.measure_index["M-S1-1"].targets["2010"] == 5000
    results = unit.results["2010"]
    assert results.actuals == {"M-S1-1": None, "M-C1-1": None, "M-P1-1": None, "M-L1-1": None}
    assert results.published is False
    assert "已沿用上期目标" in out.output
    twice_refuses(tree, "new", "period", "mini-town", "2010")


def test_new_period_in_a_units_own_rules(tmp_path, monkeypatch):
    shutil.copytree(RULES_MINI, tmp_path / "scorecards")
    monkeypatch.chdir(tmp_path)
    city_before = (tmp_path / "scorecards/city.yml").read_bytes()
    out = run("new", "period", "alpha", "2009-h1")
    assert out.exit_code == 0, out.output
    assert (tmp_path / "scorecards/city.yml").read_bytes() == city_before
    assert "本单位的 rules.yml" in out.output
    result = check_tree(tmp_path / "scorecards")
    assert result.errors == []
    unit = result.city.units["alpha"]
    assert unit.period_index["2009-h1"].name == "2009年上半年"
    assert "2009-h1" in unit.scales and "2009-h1" in unit.results


def test_new_period_without_measures_refuses(tree):
    before = files(tree)
    out = run("new", "period", "mini-bureau", "2010")
    assert out.exit_code == 1 and "还没有写了目标值的指标" in out.output
    assert files(tree) == before


def test_new_period_unknown_unit_or_odd_id(tree):
    before = files(tree)
    assert "单位名录里没有单位 `nope`" in run("new", "period", "nope", "2010").output
    assert "无法从编号 `2010-x1` 推断" in run("new", "period", "mini-town", "2010-x1").output
    assert files(tree) == before


@pytest.mark.parametrize("pid, start, end, name", [
    ("2011", dt.date(2011, 1, 1), dt.date(2011, 12, 31), "2011年度"),
    ("2011-h2", dt.date(2011, 7, 1), dt.date(2011, 12, 31), "2011年下半年"),
    ("2011-q2", dt.date(2011, 4, 1), dt.date(2011, 6, 30), "2011年第二季度"),
    ("2011-q4", dt.date(2011, 10, 1), dt.date(2011, 12, 31), "2011年第四季度"),
])
def test_period_ids(pid, start, end, name):
    p = infer(pid, "live")
    assert (p.start, p.end, p.name) == (start, end, name)


# -- new article -------------------------------------------------------------------------------

def test_new_article(tree):
    out = run("new", "article", "--title", "我们怎样确定考核权重", "--unit", "mini-town", "--slug", "weights")
    assert out.exit_code == 0, out.output
    path = tree / "content/articles" / f"{dt.date.today():%Y-%m}-weights.md"
    assert path.is_file()
    passes_check(tree)
    articles = check_tree(tree / "scorecards", tree / "content").articles
    mine = next(a for a in articles if a.slug == path.stem)
    assert (mine.title, mine.unit, mine.author, mine.date) == (
        "我们怎样确定考核权重", "mini-town", "小河朝鲜族乡", dt.date.today())
    twice_refuses(tree, "new", "article", "--title", "我们怎样确定考核权重", "--unit", "mini-town",
                  "--slug", "weights")


def test_new_article_refuses_an_unknown_unit_or_slug(tree):
    before = files(tree)
    assert "没有单位 `nope`" in run("new", "article", "--title", "标题", "--unit", "nope").output
    assert "只能用英文字母" in run("new", "article", "--title", "标题", "--slug", "权重").output
    assert files(tree) == before


# -- writing -----------------------------------------------------------------------------------

def test_a_failure_half_way_puts_everything_back(tmp_path):
    kept = tmp_path / "kept.yml"
    kept.write_text("a: 1\n", encoding="utf-8")
    (tmp_path / "blocker").write_text("a file where a folder is needed", encoding="utf-8")
    plan = Plan((Write(kept, "a: 2\n", create=False), Write(tmp_path / "new" / "x.yml", "b: 1\n", create=True),
                 Write(tmp_path / "blocker" / "y.yml", "c: 1\n", create=True)))
    with pytest.raises(ScaffoldError, match="已撤回"):
        apply(plan)
    assert kept.read_text(encoding="utf-8") == "a: 1\n"
    assert not (tmp_path / "new").exists()


def test_invalid_generated_yaml_is_never_written(tmp_path):
    from generator.model import UnitFile
    plan = Plan((Write(tmp_path / "unit.yml", "id: [not, a, slug]\n", create=True, model=UnitFile),))
    with pytest.raises(ScaffoldError, match="不符合格式"):
        apply(plan)
    assert not (tmp_path / "unit.yml").exists()
