"""The CLI, `bscportal new`, `diff`, the build report and the serve banner speak English with
`--lang en` (or `use_language("en")`), and stay Chinese, as before, by default.

The machine's locale must not leak in: every run sets LANG=C.UTF-8 and drops LANGUAGE, LC_ALL
and LC_MESSAGES."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.diff import markdown, text
from generator.diff.changes import Change, ChangeSet, Group
from generator.diff.describe import sentence
from generator.i18n import current, use_language
from generator.scaffold.period import infer
from generator.site.errors import BuildError
from generator.site.serve import error_banner
from tests.scaffold.test_new import tree  # noqa: F401 (the fixture: a copy of the mini city)

ROOT = Path(__file__).resolve().parents[2]
ENV = {"LANG": "C.UTF-8", "LANGUAGE": None, "LC_ALL": None, "LC_MESSAGES": None}


@pytest.fixture(autouse=True)
def language_is_put_back():
    """Each command runs in its language and puts the process's back (LanguageCommand)."""
    before = current()
    yield
    assert current() == before


def run(*args: str):
    return CliRunner().invoke(main, list(args), env=ENV, catch_exceptions=False)


# -- the CLI -------------------------------------------------------------------------------------

def _english(tree):
    city = tree / "scorecards" / "city.yml"
    city.write_text(city.read_text(encoding="utf-8").replace("settings:\n", "settings:\n  language: en\n", 1),
                    encoding="utf-8")


def test_new_unit_in_english(tree):
    _english(tree)
    out = run("--lang", "en", "new", "unit", "forestry", "--name", "Forestry bureau", "--kind", "government")
    assert out.exit_code == 0, out.output
    assert "Created scorecards/units/forestry/unit.yml" in out.output
    assert "Next: fill in the mission, vision and strategic themes" in out.output
    unit_yml = (tree / "scorecards/units/forestry/unit.yml").read_text(encoding="utf-8")
    assert unit_yml.startswith("# Forestry bureau: mission, vision, core values and strategic themes")
    assert "# Mission: why the unit exists" in unit_yml
    again = run("--lang", "en", "new", "unit", "forestry", "--name", "Forestry bureau", "--kind", "government")
    assert again.exit_code == 1 and "already has a unit `forestry`" in again.output


def test_new_files_are_in_the_citys_language_whatever_the_command_speaks(tree):
    """What a scaffold writes is the portal's data: a Chinese city's new unit and article are
    Chinese under --lang en (only the command's messages are English), and the other way round."""
    out = run("--lang", "en", "new", "unit", "forestry", "--name", "小城林业局", "--kind", "government")
    assert out.exit_code == 0 and "Created scorecards/units/forestry/unit.yml" in out.output
    assert "使命" in (tree / "scorecards/units/forestry/unit.yml").read_text(encoding="utf-8")
    out = run("--lang", "en", "new", "article", "--title", "权重怎么定", "--unit", "mini-town", "--slug", "w-zh")
    assert out.exit_code == 0, out.output
    [article] = (tree / "content/articles").glob("*-w-zh.md")
    assert "一、" in article.read_text(encoding="utf-8")
    _english(tree)
    out = run("--lang", "zh", "new", "article", "--title", "How we set weights", "--unit", "mini-town",
              "--slug", "w-en")
    assert out.exit_code == 0 and "已创建" in out.output
    [article] = (tree / "content/articles").glob("*-w-en.md")
    assert "## 1. What we did" in article.read_text(encoding="utf-8")


def test_new_unit_in_chinese_by_default(tree):
    out = run("new", "unit", "forestry", "--name", "小城林业局", "--kind", "government")
    assert out.exit_code == 0, out.output
    assert "已创建 scorecards/units/forestry/unit.yml" in out.output
    unit_yml = (tree / "scorecards/units/forestry/unit.yml").read_text(encoding="utf-8")
    assert unit_yml.startswith("# 小城林业局：使命、愿景、核心价值观和战略主题（bscportal new unit 生成，请按本单位实际填写）\n"
                               "# 每个字段的含义见 docs/format.md；改完运行 bscportal check scorecards 检查。\n")


def test_new_article_outline_follows_the_language(tree):
    _english(tree)
    out = run("--lang", "en", "new", "article", "--title", "How we set weights", "--unit", "mini-town",
              "--slug", "weights")
    assert out.exit_code == 0, out.output
    [article] = (tree / "content/articles").glob("*-weights.md")
    body = article.read_text(encoding="utf-8")
    assert "## 1. What we did" in body and "(to be written)" in body and "一、" not in body


def test_score_errors_in_english(tree):
    out = run("--lang", "en", "score", "nope", "2008", "--path", "scorecards")
    assert out.exit_code == 2
    assert "There is no unit `nope`; available:" in out.output
    zh = run("score", "nope", "2008", "--path", "scorecards")
    assert "没有单位 `nope`；可用：" in zh.output


def test_missing_folder_in_english(tmp_path):
    out = run("--lang", "en", "build", "--path", str(tmp_path / "nowhere"))
    assert out.exit_code == 2 and "Folder" in out.output and "not found (--path: no such folder)" in out.output


def test_period_names_follow_the_language():
    assert infer("2010-q3", "live").name == "2010年第三季度"
    with use_language("en"):
        assert infer("2010-q3", "live").name == "Q3 2010"
        assert infer("2010-h1", "live").name == "First half of 2010"


# -- diff ----------------------------------------------------------------------------------------

def _changes() -> ChangeSet:
    return ChangeSet((Group("mini-town", "小河朝鲜族乡", (
        Change("added", "objective", "S9", "新目标"),
        Change("changed", "measure", "M1", "收入", field="权重", old="40", new="35", severity="notice"),
    )),), "abc1234", "def5678")


def test_diff_reports_in_english():
    cs = _changes()
    with use_language("en"):
        md = markdown.render(cs)
        plain = text.render(cs)
        added = sentence(cs.changes[0])
    assert md.startswith("## Scorecard changes\n")
    assert "abc1234 → def5678: 2 changes, in 1 group" in plain
    assert added.startswith("Added ") and "“新目标”" in added


def test_diff_reports_in_chinese_unchanged():
    cs = _changes()
    assert markdown.render(cs).startswith("## 计分卡改动摘要\n")
    assert text.headline(cs) == "abc1234 → def5678：共 2 项改动，涉及 1 组"
    assert sentence(cs.changes[0]) == "新增战略目标 S9「新目标」"


# -- the serve banner ----------------------------------------------------------------------------

def test_serve_banner_follows_the_language():
    error = BuildError("x")
    assert "预览没有更新" in error_banner(error).decode("utf-8")
    with use_language("en"):
        banner = error_banner(error).decode("utf-8")
    assert "The preview was not updated" in banner and "预览" not in banner


def test_score_in_english_on_the_example():
    out = run("--lang", "en", "score", "hainan-township", "2008-q3", "--path", str(ROOT / "scorecards"))
    assert out.exit_code == 0, out.output
    assert "scores" in out.output and "得分" not in out.output.splitlines()[0]
    bad = run("--lang", "en", "score", "hainan-township", "2099", "--path", str(ROOT / "scorecards"))
    assert bad.exit_code == 2 and "has no period `2099`; available: 2007, 2008-q1" in bad.output
