"""`bscportal diff` on a real git repository: one commit per kind of change (tests/diff/gitrepo.py),
each reported exactly, in Markdown, text and JSON; the public variant leaves out the internal
ones and keeps the rest word for word."""
from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.diff import diff_revisions, render
from generator.render.escape import md

from .gitrepo import EDITS, make_repo

#: edit → [(sentence, severity, internal)], in the order diff lists them
EXPECTED: dict[str, list[tuple[str, str, bool]]] = {
    "mission": [("使命：让全乡群众过上好日子 *不是强调*。 → 让全乡群众过上更好的日子。", "info", False)],
    "theme": [("新增战略主题 T3「边境旅游」", "info", False)],
    "objective-add": [("新增战略目标 C2「游客满意度提高」", "info", False)],
    "objective-rename": [("战略目标 S1 改名：「农民人均纯收入稳步增长」 → 「农民收入持续增长」", "info", False)],
    "objective-move": [("战略目标 C1「群众满意度提高」移动，层面：服务对象 → 利益相关者", "info", False)],
    "links": [("删除因果关系「发展“水稻+旅游”特色产业」→「农民收入持续增长」（P1→S1）", "info", False)],
    "links-add": [("新增因果关系「干部能力提升」→「群众满意度提高」（L1→C1）", "info", False)],
    "measure-add": [("新增指标 M-C1-2「游客满意率」", "info", False)],
    "measure-rename": [("指标 M-P1-1 改名：「特色产业项目数」 → 「特色产业项目个数」", "info", False)],
    # a new id is a new measure: never guessed to be a rename
    "measure-new-id": [("删除指标 M-DO1-1「公文按时办结率」", "info", False),
                       ("新增指标 M-DO1-2「公文按时办结率」", "info", False)],
    "target": [("指标 M-S1-1「农民人均纯收入」的目标值（2009年度）：5000 → 5200", "notice", False),
               ("指标 M-S1-1「农民人均纯收入」的状态阈值：— → 达标线：100，预警线：85", "notice", False)],
    "weights": [("2009年度考核量表：考核指标 M-S1-1「农民人均纯收入」的权重：40 → 35", "notice", False),
                ("2009年度考核量表：考核指标 M-C1-1「群众满意率」的权重：30 → 35", "notice", False),
                ("2009年度考核量表的权重合计仍为 100", "notice", False)],
    "scale-items": [("2009年度考核量表：删除考核指标 M-P1-1「特色产业项目个数」（权重 20）", "notice", False),
                    ("2009年度考核量表：新增考核指标 M-DO1-2「公文按时办结率」（权重 20）", "notice", False),
                    ("2009年度考核量表的权重合计仍为 100", "notice", False)],
    "rules": [("等次 excellent「优秀」的最低分：90 → 88", "notice", False)],
    "coefficient": [("岗位难度类别 A「繁重」的难度系数：1.15 → 1.2", "notice", False)],
    "results-add": [("新增2010年度考核结果（2 项实际值）", "info", False)],
    "results-fill": [("2010年度：填报指标 M-C1-1「群众满意率」的实际值：88", "info", False)],
    # the period was still running when the value was corrected: an ordinary change
    "results-open": [("2010年度：指标 M-C1-1「群众满意率」的实际值：88 → 90", "info", False)],
    "results-revised": [("改写已结束考核期的结果：2008年度，指标 M-S1-1「农民人均纯收入」的实际值：4600 → 4700",
                         "warning", False)],
    "internal-only": [("指标 M-SX-1「机密指标己」的指标定义：内部口径说明庚 → 内部口径说明庚新版", "info", True)],
    "person-posts": [("人员 p-zhang「张卯辰」移动，所任岗位：乡长 → 乡长、机密岗位寅", "info", True)],
    "unit-rename": [("单位 mini-bureau 改名：「小城教育局」 → 「小城市教育局」", "info", False)],
    "values": [("核心价值观：为民、务实 → 为民、务实、创新", "info", False)],
    "share": [("考核办法的一人多岗的处理·领导班子综合评价占比：0% → 20%", "notice", False)],
    "submap-remove": [("删除分战略地图 m-t1「特色产业富民分战略地图」", "info", False)],
}
#: the group each edit's changes are in
GROUP = {"rules": None, "coefficient": None, "share": None, "unit-rename": "mini-bureau"}


@pytest.fixture(scope="module")
def repo(tmp_path_factory):
    return make_repo(tmp_path_factory.mktemp("repo"))


def test_every_edit_has_an_expectation():
    assert [e[0] for e in EDITS] == list(EXPECTED)


@pytest.mark.parametrize("name", list(EXPECTED))
def test_each_change_is_reported_exactly_in_every_format(repo, name):
    comparison = diff_revisions(repo.scorecards, repo.before(name), repo.commits[name])
    expected = EXPECTED[name]
    unit = GROUP.get(name, "mini-town")

    data = json.loads(render(comparison, "json", "internal"))
    assert [g["unit"] for g in data["groups"]] == [unit]
    got = [(c["text"], c["severity"], c["internal"]) for c in data["groups"][0]["changes"]]
    assert got == expected
    assert data["summary"] == {"changes": len(expected),
                               "warnings": sum(1 for e in expected if e[1] == "warning"),
                               "internal": sum(1 for e in expected if e[2])}

    text = render(comparison, "text", "internal")
    lines = [ln for ln in text.splitlines() if ln.startswith("  ")]
    assert lines == [f"  {'!' if sev == 'warning' else '-'} {'【内部】' if internal else ''}"
                     f"{'【重点】' if sev == 'notice' else ''}{s}" for s, sev, internal in expected]

    markdown = render(comparison, "markdown", "internal")
    for s, sev, internal in expected:
        item = str(md(s))
        item = f"**{item}**" if sev == "notice" else item
        item = ("【内部】" if internal else "") + item
        assert (f"> - {item}" if sev == "warning" else f"- {item}") in markdown.splitlines()
    if any(sev == "warning" for _, sev, _ in expected):
        assert "> ⚠️ **注意：改写了已结束考核期的结果，请核实原因**" in markdown


@pytest.mark.parametrize("name", list(EXPECTED))
def test_the_public_variant_omits_exactly_the_internal_changes(repo, name):
    comparison = diff_revisions(repo.scorecards, repo.before(name), repo.commits[name])
    public = [s for s, _, internal in EXPECTED[name] if not internal]
    data = json.loads(render(comparison, "json", "public"))
    assert [c["text"] for g in data["groups"] for c in g["changes"]] == public
    assert data["summary"]["internal"] == 0
    for fmt in ("markdown", "text"):
        out = render(comparison, fmt, "public")
        assert "【内部】" not in out and "机密" not in out and "张卯辰" not in out
    if not public:
        assert "没有计分卡内容的改动" in render(comparison, "text", "public")


def test_changes_over_several_commits_add_up(repo):
    """From the first commit to the last: a measure renamed and a result revised show once."""
    comparison = diff_revisions(repo.scorecards, repo.commits["base"], repo.commits["submap-remove"])
    text = render(comparison, "text", "internal")
    assert "  ! 改写已结束考核期的结果：2008年度，指标 M-S1-1「农民人均纯收入」的实际值：4600 → 4700" in text
    assert "指标 M-P1-1 改名：「特色产业项目数」 → 「特色产业项目个数」" in text
    assert text.count("改写已结束考核期的结果") == 1
    groups = [g.unit for g in comparison.full.groups]
    assert groups == [None, "mini-town", "mini-bureau"]


def test_cli_markdown_by_default_when_piped_and_working_tree_as_head(repo, monkeypatch):
    monkeypatch.chdir(repo.root)
    path = repo.root / "scorecards/units/mini-town/measures.yml"
    original = path.read_text(encoding="utf-8")
    path.write_text(original.replace("name: 群众满意率", "name: 群众满意度"), encoding="utf-8")
    try:
        result = CliRunner().invoke(main, ["diff", "HEAD"])
    finally:
        path.write_text(original, encoding="utf-8")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("## 计分卡改动摘要\n")
    assert "→ 工作区：" in result.output
    assert "- 指标 M\\-C1\\-1 改名：「群众满意率」 → 「群众满意度」" in result.output


def test_cli_json_and_public(repo, monkeypatch):
    monkeypatch.chdir(repo.root)
    base, head = repo.before("person-posts"), repo.commits["person-posts"]
    out = CliRunner().invoke(main, ["diff", base, head, "--format", "json", "--edition", "public"])
    assert out.exit_code == 0
    assert json.loads(out.output)["groups"] == []
    out = CliRunner().invoke(main, ["diff", base, head, "--format", "text"])
    assert "【内部】人员 p-zhang「张卯辰」移动" in out.output


def test_cli_unknown_revision_says_so_in_chinese(repo, monkeypatch):
    monkeypatch.chdir(repo.root)
    out = CliRunner().invoke(main, ["diff", "no-such-branch"])
    assert out.exit_code == 1
    assert "找不到版本 `no-such-branch`" in out.output
    assert "Traceback" not in out.output


def test_outside_git_the_cli_says_so(tmp_path, monkeypatch):
    (tmp_path / "scorecards").mkdir()
    monkeypatch.chdir(tmp_path)
    out = CliRunner().invoke(main, ["diff", "HEAD"])
    assert out.exit_code == 1
    assert re.search("不在 git 仓库里", out.output)
