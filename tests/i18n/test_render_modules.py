"""The render modules speak the interface language: `fmt`'s words, the results downloads, the
`score` command's table, chart and map texts, scoring remarks; Chinese stays as it was."""
from __future__ import annotations

import csv
import io
import re

from generator.i18n import use_language
from generator.model import Objective, Perspective
from generator.render import fmt
from generator.render.charts import Series, bar_chart
from generator.render.jinja import environment
from generator.render.maps import MapSpec, map_dot
from generator.render.resultrows import period_result
from generator.render.results_downloads import unit_period_csv
from generator.render.score_text import format_unit_score
from generator.scoring import score_unit
from tests.render.test_score_text import report_unit

CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")


def _csv(unit) -> list[list[str]]:
    pr = period_result(unit, unit.period_index["2008"], score_unit(unit, "2008"))
    return list(csv.reader(io.StringIO(unit_period_csv(pr).decode("utf-8-sig"))))


def _data(unit) -> set[str]:
    """Every name the data itself holds (Chinese whatever the interface language)."""
    names = {unit.name, *(m.name for m in unit.all_measures), *(o.name for o in unit.all_objectives),
             "获市级表彰", "安全生产事故", *(g.name for g in unit.rules.grades),
             *(p.name for p in unit.perspectives), *(p.name for p in unit.periods)}
    return {n for n in names if n}


def _without(text: str, names: set[str]) -> str:
    for n in sorted(names, key=len, reverse=True):
        text = text.replace(n, "")
    return text


# -- fmt -----------------------------------------------------------------------------------------

def test_fmt_words_in_english() -> None:
    with use_language("en"):
        assert fmt.actual(None) == "missing"
        assert fmt.missing() == "missing" and fmt.yes() == "yes" and fmt.no() == "no"
        assert fmt.value(True) == "yes" and fmt.actual(1, "yesno") == "yes"
        assert fmt.join(["a", "b", "c"]) == "a, b, c"
        assert fmt.join(["a", "b"], fmt.record_sep()) == "a; b"
        assert fmt.status("error") == "Cannot be scored"
        assert fmt.grade(None) == "No grade reached"
        assert fmt.days(1) == "1 day" and fmt.days(12) == "12 days"
        assert fmt.overdue(3) == "3 days overdue"
        assert fmt.period_key("2009", {}) == "2009"
        assert fmt.score(-2.5) == "-2.50" and fmt.signed(1.5) == "+1.50" and fmt.value(97.5) == "97.5"
        assert fmt.NONE == "—"


def test_fmt_words_in_chinese_as_before() -> None:
    assert fmt.actual(None) == "缺数" == fmt.missing()
    assert (fmt.yes(), fmt.no(), fmt.list_sep(), fmt.record_sep(), fmt.capped()) == ("是", "否", "、", "；", "否决封顶")
    assert fmt.join(["a", "b", "c"]) == "a、b、c"
    assert fmt.status("error") == "无法计分" and fmt.grade(None) == "未达任何等次"
    assert fmt.days(12) == "12 天" and fmt.overdue(3) == "逾期 3 天"
    assert fmt.period_key("2009", {}) == "2009年"
    assert fmt.score(-2.5) == "-2.50" and fmt.signed(1.5) == "+1.50"


def test_template_globals_follow_the_language() -> None:
    t = environment().from_string("{{ MISSING }}|{{ NONE }}|{{ 1 if false else MISSING }}")
    assert t.render() == "缺数|—|缺数"
    with use_language("en"):
        assert t.render() == "missing|—|missing"


# -- downloads and the score command -------------------------------------------------------------

def test_results_csv_header_in_english() -> None:
    unit = report_unit()
    with use_language("en"):
        rows = _csv(unit)
    header = next(r for r in rows if r and r[0] == "Perspective")
    assert header[:4] == ["Perspective", "Objective", "Measure ID", "Measure name"]
    assert "Score rate (%)" in header
    summary = {r[0]: r[1] for r in rows if len(r) == 2}
    assert {"Unit", "Base score", "Total", "Grade"} <= set(summary)
    assert "Assessment scale scores" in [r[0] for r in rows if r]
    missing_row = next(r for r in rows if len(r) > 8 and r[2] == "M-2")
    assert missing_row[8] == "missing"
    for r in rows:
        for cell in r:
            assert not CJK.search(_without(cell, _data(unit))), cell


def test_results_csv_header_in_chinese_as_before() -> None:
    rows = _csv(report_unit())
    header = next(r for r in rows if r and r[0] == "层面")
    assert header == ["层面", "战略目标", "指标编号", "指标名称", "计量单位", "权重", "折算权重", "目标值",
                      "实际值", "计分规则", "得分率（%）", "得分", "状态", "缺数处理", "说明"]
    assert "考核量表得分" in [r[0] for r in rows if r]


def test_score_table_in_english() -> None:
    unit = report_unit()
    with use_language("en"):
        text = format_unit_score(unit, "2008")
    head = text.splitlines()[2]
    for word in ("Measure", "Name", "Weight", "Target", "Actual", "Rule", "Rate", "Score", "Status"):
        assert word in head
    assert "Total: " in text and "Veto: " in text and "Missing: M-2" in text
    assert not CJK.search(_without(text, _data(unit))), _without(text, _data(unit))


def test_score_table_in_chinese_as_before() -> None:
    text = format_unit_score(report_unit(), "2008")
    assert "指标编号" in text.splitlines()[2]
    assert "缺数：M-2（" in text and "一票否决：安全生产事故（v1）" in text and "总分：" in text


# -- charts and maps -----------------------------------------------------------------------------

P = [Perspective(id="top", name="利益相关者"), Perspective(id="low", name="学习与成长")]


def _map() -> MapSpec:
    objs = [Objective(id="T", perspective="top", name="群众满意"),
            Objective(id="X", perspective="elsewhere", name="其他目标", drives=["T"])]
    return MapSpec("map-t", "测试地图", P, objs, {"T": "on-track"}, "index.html#")


def test_map_dot_has_no_chinese_besides_the_data_in_english() -> None:
    with use_language("en"):
        dot = map_dot(_map())
    rest = _without(dot, {"利益相关者", "学习与成长", "群众满意", "其他目标", "测试地图"})
    # the names are wrapped into lines: drop the data's characters one by one as well
    rest = re.sub("[利益相关者学习与成长群众满意其他目标测试地图]", "", rest)
    assert not CJK.search(rest), CJK.findall(rest)
    assert 'label=Other' in dot or 'label="Other"' in dot


def test_map_dot_in_chinese_as_before() -> None:
    dot = map_dot(_map())
    assert "其他" in dot and "（" in dot


def test_chart_texts_in_english() -> None:
    with use_language("en"):
        chart = bar_chart(chart_id="c", title="Totals", desc="d", labels=["a", "b"],
                          series=[Series("s", (1.0, None))])
        assert ">missing<" in str(chart.svg)
        assert "Totals (chart data)" in str(chart.table) and ">Category<" in str(chart.table)
    chart = bar_chart(chart_id="c", title="总分", desc="d", labels=["a", "b"], series=[Series("s", (1.0, None))])
    assert ">缺数<" in str(chart.svg) and "总分（图表数据）" in str(chart.table) and ">类别<" in str(chart.table)


# -- scoring remarks -----------------------------------------------------------------------------

def test_scoring_remarks_in_english() -> None:
    unit = report_unit()
    with use_language("en"):
        s = score_unit(unit, "2008")
    assert s is not None
    assert any("exceed the cap" in w for w in s.warnings), s.warnings
    s = score_unit(unit, "2008")
    assert s is not None and any("分超过上限" in w for w in s.warnings)


def test_numbers_take_the_languages_decimal_point(monkeypatch) -> None:
    """Digits and rounding stay Python's; a language with a decimal comma would get one."""
    assert fmt.score(2.5) == "2.50" and fmt.share(0.125) == "12.5%"
    monkeypatch.setattr(fmt, "babel_locale", lambda: "de")
    assert fmt.score(2.5) == "2,50" and fmt.signed(-1.25) == "-1,25" and fmt.share(0.125) == "12,5%"
    assert fmt.factor(1.03456) == "1,0346"


def test_comparisons_and_errors_in_english() -> None:
    from generator.render.errors import RenderError
    from generator.scoring.grades import GradeComparison
    err = RenderError("x", unit="u1", path="a.csv")
    assert str(err) == "x（单位 u1，文件 a.csv）"
    assert fmt.comparison(GradeComparison("higher", 2)) == "计分卡高两等"
    with use_language("en"):
        assert str(err) == "x (unit u1, file a.csv)"
        assert fmt.comparison(GradeComparison("higher", 1)) == "Scorecard one grade higher"
        assert fmt.comparison(GradeComparison("lower", -2)) == "Scorecard two grades lower"
        assert fmt.grade_text(None, True) == "No grade reached (capped by veto)"
