"""Experience articles: front matter with positions, references, unsafe bodies, `check` and
`build` on articles (codes BSC301–BSC305, exit codes)."""
from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.check import check_tree
from generator.cli import main
from generator.load.articlebody import unsafe_problems
from generator.load.articles import Article, load_article, load_articles, split_front_matter
from generator.model import ArticleMeta
from generator.reference_examples import ARTICLE_EXAMPLE
from tests.conftest import MINI_SITE

GOOD = """---
title: 小河乡推行平衡计分卡的体会
unit: mini-town
author: 小河乡党委
date: 2008-12-20
tags: [战略地图, 双轨运行]
objectives: [P1]
measures: [M-P1-1]
summary: 三点体会。
---

正文第一段。
"""


def write(tmp_path: Path, text: str | bytes, name: str = "a.md") -> Path:
    folder = tmp_path / "articles"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def problems_of(tmp_path: Path, text: str | bytes) -> list[tuple[str, int]]:
    _, problems = load_article(write(tmp_path, text))
    return [(p.code, p.line) for p in problems]


# -- front matter -------------------------------------------------------------------------------


def test_good_article_loads(tmp_path):
    article, problems = load_article(write(tmp_path, GOOD))
    assert problems == []
    assert isinstance(article, Article)
    assert article.title == "小河乡推行平衡计分卡的体会"
    assert article.date == dt.date(2008, 12, 20)
    assert article.tags == ("战略地图", "双轨运行") and article.objectives == ("P1",)
    assert article.body_line == 11 and article.body.startswith("\n正文")
    assert article.slug == "a" and not article.internal


def test_split_front_matter():
    assert split_front_matter("---\na: 1\n---\nbody") == ("a: 1", "body", 4)
    assert split_front_matter("---\n---\n") == ("", "", 3)
    assert split_front_matter("no block\n") is None
    assert split_front_matter("---\na: 1\n") is None


BAD = {
    # name: (text, code, line)
    "no front matter": ("只有正文，没有信息块。\n", "BSC301", 1),
    "empty file": ("", "BSC301", 1),
    "unclosed block": ("---\ntitle: 标题\n正文\n", "BSC301", 1),
    "GBK": ("---\ntitle: 标题\n---\n正文\n".encode("gbk"), "BSC301", 2),
    "YAML unclosed bracket": ("---\ntitle: 标题\nunit: mini-town\nauthor: 某某\ndate: 2008-12-20\n"
                              "tags: [a, b\n---\n正文\n", "BSC301", 6),
    "YAML mapping in value": ("---\ntitle: 标题\nsummary: a: b\n---\n", "BSC301", 3),
    "not a mapping": ("---\n- a\n- b\n---\n", "BSC301", 2),
    "bad date": ("---\ntitle: 标题\nunit: mini-town\ndate: 2008-13-45\n---\n", "BSC004", 4),
    "number as date": ("---\ntitle: 标题\ndate: 2008\n---\n", "BSC004", 3),
    "title is a list": ("---\ntitle: [a, b]\n---\n", "BSC004", 2),
    "tags not a list": ("---\ntitle: 标题\ntags: 权重\n---\n", "BSC004", 3),
    "missing title": ("---\nunit: mini-town\n---\n正文\n", "BSC005", 2),
    "empty block": ("---\n---\n正文\n", "BSC005", 1),
    "typo in field": ("---\ntitle: 标题\nautor: 某某\n---\n", "BSC003", 3),
    "duplicate key": ("---\ntitle: 标题\nunit: mini-town\ntitle: 又一个\n---\n", "BSC002", 4),
}


@pytest.mark.parametrize("name", BAD)
def test_broken_front_matter_is_a_problem_at_its_line(tmp_path, name):
    text, code, line = BAD[name]
    article, problems = load_article(write(tmp_path, text))
    assert article is None
    assert (code, line) in [(p.code, p.line) for p in problems], problems
    assert all(p.is_error for p in problems)
    assert all("\n" not in p.message for p in problems)


def test_messages_are_plain_and_name_the_field(tmp_path):
    _, problems = load_article(write(tmp_path, BAD["bad date"][0]))
    assert problems[0].col == 7 and "`date`（日期）" in problems[0].message
    _, problems = load_article(write(tmp_path, BAD["typo in field"][0]))
    assert "`author`（作者）" in problems[0].message
    _, problems = load_article(write(tmp_path, BAD["YAML unclosed bracket"][0]))
    assert problems[0].col == 7 and problems[0].message.startswith("文章信息块的 YAML 写错了")


def test_crlf_and_bom_files_load(tmp_path):
    text = "\ufeff" + GOOD.replace("\n", "\r\n")
    article, problems = load_article(write(tmp_path, text.encode("utf-8")))
    assert problems == [] and article.title == "小河乡推行平衡计分卡的体会"


def test_load_articles_skips_broken_ones_and_sorts_newest_first(tmp_path):
    write(tmp_path, GOOD, "2008-a.md")
    write(tmp_path, GOOD.replace("2008-12-20", "2009-01-05"), "2009-b.md")
    write(tmp_path, BAD["bad date"][0], "bad.md")
    write(tmp_path, "# 说明\n", "README.md")
    articles, problems = load_articles(tmp_path / "articles")
    assert [a.slug for a in articles] == ["2009-b", "2008-a"]
    assert [(Path(p.path).name, p.code) for p in problems] == [("bad.md", "BSC004")]
    assert load_articles(tmp_path / "nowhere") == ([], [])


def test_model_fields_have_chinese_titles_and_the_doc_example_validates(tmp_path):
    for name, info in ArticleMeta.model_fields.items():
        assert info.title and not info.title.isascii(), name
    assert set(ArticleMeta.model_fields) >= {"title", "unit", "author", "date", "tags", "objectives",
                                            "measures", "summary", "internal"}
    article, problems = load_article(write(tmp_path, ARTICLE_EXAMPLE))
    assert article is not None and problems == []


# -- references (check_tree with a content folder) ----------------------------------------------


def content_tree(tmp_path: Path, articles: dict[str, str]) -> tuple[Path, Path]:
    shutil.copytree(MINI_SITE, tmp_path / "src")
    sc, content = tmp_path / "src" / "scorecards", tmp_path / "src" / "content"
    for name, text in articles.items():
        (content / "articles" / name).write_text(text, encoding="utf-8")
    return sc, content


def codes(result, code: str) -> list[tuple[str, int, int, bool]]:
    return [(Path(p.path).name, p.line, p.col, p.is_error) for p in result.problems if p.code == code]


def test_check_tree_reports_unknown_unit_and_ids(tmp_path):
    sc, content = content_tree(tmp_path, {
        "x.md": "---\ntitle: 标题\nunit: nowhere\n---\n正文\n",
        "y.md": "---\ntitle: 标题\nunit: 小河乡\n---\n正文\n",
        "z.md": "---\ntitle: 标题\nunit: mini-town\nobjectives: [P1, NOPE]\nmeasures:\n  - M-P1-1\n  - M-NONE\n---\n",
    })
    result = check_tree(sc, content)
    assert codes(result, "BSC302") == [("x.md", 3, 7, True), ("y.md", 3, 7, True)]
    by_name = next(p for p in result.problems if p.code == "BSC302" and p.path.endswith("y.md"))
    assert "`mini-town`" in by_name.message       # a unit's name points to its id
    assert codes(result, "BSC303") == [("z.md", 4, 18, False), ("z.md", 7, 5, False)]
    assert {a.slug for a in result.articles} >= {"2008-mini-town", "z"}


def test_check_tree_without_content_ignores_articles(tmp_path):
    sc, _ = content_tree(tmp_path, {"x.md": "---\ntitle: 标题\nunit: nowhere\n---\n"})
    result = check_tree(sc)
    assert result.ok and result.articles == []


def test_fixture_articles_are_clean():
    result = check_tree(MINI_SITE / "scorecards", MINI_SITE / "content")
    assert [p for p in result.problems if p.code.startswith("BSC3")] == []
    assert len(result.articles) == 3
    draft = next(a for a in result.articles if a.slug == "2009-draft")
    assert draft.draft and draft.category == "问题与对策" and not draft.internal


# -- unsafe bodies (BSC304 errors, BSC305 warnings) ----------------------------------------------


UNSAFE = {
    "script": "<script>alert('ART')</script>",
    "iframe": '<iframe src="https://example.org"></iframe>',
    "object": "<OBJECT data=x.swf></OBJECT>",
    "embed": "<embed src=x.swf>",
    "event attribute": "<img src=x onerror=alert(3)>",
    "event attribute after slash": "<b/onmouseover=alert(1)>粗</b>",
    "javascript link": "[JSLINK](javascript:alert(2))",
    "javascript link, spaced and cased": "[x]( JavaScript:alert(2) )",
    "entity-encoded javascript": "[x](&#106;avascript&#58;alert(2))",
    "data image": "![图](data:image/svg+xml;base64,PHN2Zz4=)",
    "reference definition": "[参考]: javascript:alert(1)",
    "href attribute": '<a href="javascript:alert(1)">链接</a>',
    "attribute list": "[x](https://example.org){ onclick=alert(1) }",
    "angle link": "<javascript:alert(1)>",
}


@pytest.mark.parametrize("name", UNSAFE)
def test_unsafe_body_is_an_error_at_its_line(tmp_path, name):
    text = "---\ntitle: 标题\n---\n\n第一段。\n\n前文 " + UNSAFE[name] + " 后文\n"
    found = problems_of(tmp_path, text)
    assert ("BSC304", 7) in found, found
    assert all(line == 7 for code, line in found if code == "BSC304")


SAFE = {
    "fenced code": "```html\n<script>alert(1)</script>\n```",
    "inline code": "用 `<script>` 标签或 `[x](javascript:alert(1))` 都不行",
    "allowed tags": "第一行<br>第二行，m<sup>2</sup>，H<sub>2</sub>O，<kbd>Ctrl</kbd>，<mark>重点</mark>",
    "comparison": "完成率 < 80% 且 > 60%",
    "ordinary links": "[单位](../units/mini-town/index.md) [网站](https://example.org) <https://example.org>",
    "word in text": "JavaScript: 一种语言；data: 数据",
    "heading id": "## 小标题 {#intro}",
}


@pytest.mark.parametrize("name", SAFE)
def test_safe_body_has_no_problems(name):
    assert unsafe_problems(SAFE[name] + "\n", "a.md") == []


def test_other_html_is_a_warning():
    problems = unsafe_problems("正文\n\n<div>块</div> <mark class=x>m</mark>\n", "a.md", first_line=5)
    assert [(p.code, p.line, p.is_error) for p in problems] == [("BSC305", 7, False)] * 3


def test_article_with_unsafe_body_stays_loaded_but_check_fails(tmp_path):
    sc, content = content_tree(tmp_path, {"x.md": GOOD + "\n<script>alert(1)</script>\n"})
    result = check_tree(sc, content)
    assert not result.ok
    assert codes(result, "BSC304") == [("x.md", 14, 1, True)]


# -- CLI ------------------------------------------------------------------------------------------


def test_check_cli_finds_articles_next_to_the_scorecards(tmp_path):
    sc, content = content_tree(tmp_path, {"x.md": "---\ntitle: 标题\nunit: nowhere\n---\n"})
    result = CliRunner().invoke(main, ["check", str(sc)])
    assert result.exit_code == 1, result.output
    line = next(l for l in result.output.splitlines() if "[BSC302]" in l)
    assert line.split(":")[0].endswith("x.md") and ":3:7: error: " in line
    (content / "articles" / "x.md").unlink()
    assert CliRunner().invoke(main, ["check", str(sc)]).exit_code == 0


def test_check_cli_content_option(tmp_path):
    sc, content = content_tree(tmp_path, {})
    other = tmp_path / "other"
    (other / "articles").mkdir(parents=True)
    (other / "articles" / "x.md").write_text("无信息块\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(sc), "--content", str(other)])
    assert result.exit_code == 1 and "[BSC301]" in result.output
    assert CliRunner().invoke(main, ["check", str(sc), "--content", str(tmp_path / "nope")]).exit_code == 2


@pytest.mark.parametrize("text", [BAD["bad date"][0], BAD["GBK"][0], GOOD + "\n<script>x</script>\n"])
def test_build_cli_stops_on_article_errors_without_traceback(tmp_path, text, monkeypatch):
    sc, content = content_tree(tmp_path, {})
    write(content, text, "x.md")
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", "--path", str(sc), "--content", str(content), "--out", str(out)])
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert any(": error: " in l and "x.md:" in l for l in result.output.splitlines())
    assert not out.exists() and not (sc.parent / ".bscportal" / "stage").exists()


def test_build_cli_usage_errors(tmp_path):
    sc, _ = content_tree(tmp_path, {})
    runner = CliRunner()
    assert runner.invoke(main, ["build", "--path", str(sc), "--content", str(tmp_path / "nope"),
                                "--out", str(tmp_path / "out")]).exit_code == 2
    assert runner.invoke(main, ["build", "--path", str(tmp_path / "nope"),
                                "--out", str(tmp_path / "out")]).exit_code == 2
    assert not (tmp_path / "out").exists()
