"""`check` speaks the interface language: its messages (YAML syntax, characters, validation, every
rule) come from the catalogue, in English under `en` and unchanged in Chinese under `zh`; the CLI
picks the language from `--lang`, the locale variables or the city's `settings.language`."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from generator.i18n import use_language
from generator.load.articles import load_article
from generator.problems import Problem, Severity, summary
from tests.helpers import MINI, found, mini_tree, run

ROOT = Path(__file__).resolve().parents[2]
CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")

WEIGHTS_95 = {"units/alpha/assessment/2008.yml": ("{measure: M-S1, weight: 40}",
                                                  "{measure: M-S1, weight: 35}")}


def _one(problems: list[Problem], code: str) -> Problem:
    hits = [p for p in problems if p.code == code]
    assert len(hits) == 1, hits
    return hits[0]


#: the Chinese the fixture's files hold (names, missions …): data, quoted as written
DATA = sorted({w for f in MINI.rglob("*.yml") for w in re.findall(
    r"[^\s,{}\[\]:'\"]*[\u3400-\u9fff][^\s,{}\[\]:'\"]*", f.read_text(encoding="utf-8"))},
    key=len, reverse=True)


def _no_cjk(text: str, *data: str) -> None:
    """No Chinese in `text` once the data (names written in the files, `data`) is taken out."""
    for d in [*data, *DATA]:
        text = text.replace(d, "")
    assert not CJK.search(text), text


def test_rule_message_in_english_and_chinese(tmp_path):
    with use_language("en"):
        result = run(tmp_path / "en", WEIGHTS_95)
    p = _one(result.problems, "BSC104")
    assert found(result, "BSC104") == [("units/alpha/assessment/2008.yml", 2)]
    assert p.message == ("The weights of the assessment scale 2008 add up to 95, not 100 (5 short): "
                         "adjust the weight of the assessed measures")
    with use_language("zh"):
        result = run(tmp_path / "zh", WEIGHTS_95)
    assert _one(result.problems, "BSC104").message == "考核量表 2008 的权重合计为 95，应为 100（还差 5）：请调整各考核指标的 weight"


def test_rule_message_quotes_chinese_data_only(tmp_path):
    edit = {"units/alpha/measures.yml": (", owner: office}\n  - {id: M-C1", "}\n  - {id: M-C1")}
    with use_language("en"):
        result = run(tmp_path / "en", edit)
    p = _one(result.problems, "BSC205")
    assert p.message.startswith("The measure M-S1 (人均收入) has no owner: write owner")
    _no_cjk(p.message, "人均收入")
    result = run(tmp_path / "zh", edit)
    assert _one(result.problems, "BSC205").message == (
        "指标 M-S1（人均收入）没有责任人：请写 owner（岗位或部门编号），以便跟踪督办、保证数据真实")


def test_references_and_duplicates_in_english(tmp_path):
    edit = {"units/alpha/measures.yml": ("{id: M-C1, name: 群众满意度, objective: C1",
                                         "{id: M-S1, name: 群众满意度, objective: C9")}
    with use_language("en"):
        result = run(tmp_path, edit)
    dup = _one(result.problems, "BSC101")
    assert dup.message.startswith("Duplicate measure id `M-S1` (already used on line 2): ids must be unique")
    ref = next(p for p in result.problems if p.code == "BSC102" and "C9" in p.message)
    assert ref.message.startswith("There is no objective with the id `C9`: ids you can use: ")
    for p in result.problems:
        _no_cjk(p.message, "群众满意度", "人均收入", "办结率", "培训覆盖率")


def test_yaml_syntax_error_explained_once_in_english(tmp_path):
    edit = {"units/alpha/unit.yml": ("mission: 富民强乡", "mission: 富民强乡\n\tvision: x")}
    with use_language("en"):
        result = run(tmp_path / "en", edit)
    p = _one(result.problems, "BSC001")
    assert (p.path.endswith("units/alpha/unit.yml"), p.line) == (True, 3)
    assert p.message.startswith("YAML syntax error: this line is indented with the Tab key")
    assert "YAML parser" not in p.message and "found character" not in p.message
    _no_cjk(p.message)
    with use_language("zh"):
        result = run(tmp_path / "zh", edit)
    zh = _one(result.problems, "BSC001").message
    assert zh.startswith("YAML 语法错误：这一行用了 Tab 键缩进，YAML 只能用空格缩进。")
    assert "（YAML 解析器：" in zh


def test_unclosed_bracket_explanation_and_hint(tmp_path):
    edit = {"units/alpha/unit.yml": ("values: [为民, 务实]", "values: [为民, 务实")}
    with use_language("en"):
        p = _one(run(tmp_path / "en", edit).problems, "BSC001")
    assert p.message == ("YAML syntax error: the bracketed list `[...]` is not closed properly: the "
                         "closing `]` is missing, or a comma between two items. Write a list as [a, b, c]; "
                         "put an item in quotes when it contains a comma or a colon")
    _no_cjk(p.message)


def test_validation_message_in_english(tmp_path):
    edit = {"city.yml": ("max_assessed_measures: 5", "max_assessed_measures: -1")}
    with use_language("en"):
        p = _one(run(tmp_path / "en", edit).problems, "BSC004")
    assert p.message == ("The value -1 of `max_assessed_measures` (Most assessed measures) is out of range: "
                         "it must be at least 1 (at settings.max_assessed_measures)")
    assert _one(run(tmp_path / "zh", edit).problems, "BSC004").message == (
        "`max_assessed_measures`（考核指标上限） 的值 -1 超出范围：应不小于 1（位置：settings.max_assessed_measures）")


def test_unknown_field_in_english(tmp_path):
    edit = {"units/alpha/measures.yml": ("{id: M-S1, name", "{id: M-S1, nmae: x, name")}
    with use_language("en"):
        p = _one(run(tmp_path / "en", edit).problems, "BSC003")
    assert p.message == ("Unknown field `nmae`: Did you mean `name` (Measure name)? A misspelt field is not "
                         "ignored: correct it or delete it")


def test_control_character_in_english(tmp_path):
    edit = {"units/alpha/unit.yml": ("vision: 全省样板", 'vision: "全省\\v样板"')}
    with use_language("en"):
        p = _one(run(tmp_path / "en", edit).problems, "BSC001")
    assert p.message.startswith("The escape `\\v` inside double quotes is the control character "
                                "U+000B (vertical tab VT): web pages, XML and downloads cannot contain it.")
    assert (p.line, p.col) == (3, 12)
    _no_cjk(p.message)
    p = _one(run(tmp_path / "zh", edit).problems, "BSC001")
    assert p.message.startswith("双引号里的转义 `\\v` 是控制字符 U+000B（垂直制表符 VT）：网页、XML")


def test_article_block_error_in_english(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("---\ntitle: [x\n---\n正文\n", encoding="utf-8")
    with use_language("en"):
        _, problems = load_article(path, "a.md")
    p = _one(problems, "BSC301")
    assert p.message.startswith("YAML error in the article's information block: ")
    _no_cjk(p.message)
    _, problems = load_article(path, "a.md")
    assert _one(problems, "BSC301").message.startswith("文章信息块的 YAML 写错了：")


def test_summary_counts():
    problems = [Problem("a", 1, i, Severity.ERROR if i == 0 else Severity.WARNING, "BSC999", str(i))
                for i in range(3)]
    with use_language("en"):
        assert summary(problems) == "1 error, 2 warnings"
        assert summary(problems[1:2]) == "0 errors, 1 warning"
    assert summary(problems) == "1 个错误，2 个警告 (1 error(s), 2 warning(s))"


# -- the command line ---------------------------------------------------------------------------

def _cli(args: list[str], **env: str) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items()
               if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")}
    environ.update(env)
    return subprocess.run([sys.executable, "-m", "generator", *args], capture_output=True, text=True,
                          env=environ, cwd=ROOT)


def _broken(tmp_path: Path, language: str | None = None) -> Path:
    edits: dict = dict(WEIGHTS_95)
    if language:
        edits["city.yml"] = ("settings:\n", f"settings:\n  language: {language}\n")
    return mini_tree(tmp_path, edits)


def test_cli_lang_option(tmp_path):
    root = _broken(tmp_path)
    out = _cli(["--lang", "en", "check", str(root)], LANG="C.UTF-8")
    assert out.returncode == 1
    assert re.search(r"assessment/2008\.yml:2:\d+: error: The weights of the assessment scale 2008 add up "
                     r"to 95, not 100 \(5 short\)", out.stdout), out.stdout
    assert "1 error, 0 warnings" in out.stderr
    _no_cjk(out.stdout)


def test_cli_city_language_and_locale_override(tmp_path):
    root = _broken(tmp_path, "en")
    out = _cli(["check", str(root)], LANG="C.UTF-8")
    assert "The weights of the assessment scale 2008 add up to 95" in out.stdout, out.stdout + out.stderr
    out = _cli(["check", str(root)], LANG="zh_CN.UTF-8")
    assert "考核量表 2008 的权重合计为 95，应为 100（还差 5）" in out.stdout, out.stdout + out.stderr
    assert "1 个错误，0 个警告" in out.stderr


def test_allowed_values_are_listed_in_the_language(tmp_path):
    """pydantic says "'zh' or 'en'"; the message lists the values as the language does."""
    edit = {"city.yml": ("max_assessed_measures: 5", "max_assessed_measures: 5\n  language: fr")}
    zh = _one(run(tmp_path / "zh", edit).problems, "BSC004").message
    assert "应为 'zh'、'en' 之一" in zh and " or " not in zh
    with use_language("en"):
        en = _one(run(tmp_path / "en", edit).problems, "BSC004").message
    assert "one of 'zh', 'en'" in en
