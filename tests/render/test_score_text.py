"""The plain-text table of `bscportal score UNIT PERIOD`."""
from __future__ import annotations

from generator.model.assessment import Adjustment
from generator.render.score_text import format_unit_score
from generator.render.textwidth import columns as display_width
from generator.render.textwidth import pad, table
from tests.scoring.factories import item, make_unit, measure, objective, results, rules, scale


def report_unit():
    measures = [measure("M-1", "o1", target=80, name="农民人均纯收入增长率"),
                measure("M-2", "o1", target=95, name="满意度")]
    return make_unit(
        measures=measures, objectives=[objective("o1", "stakeholder", name="群众增收")],
        own_rules=rules(veto_grade="pass"),
        scales={"2008": scale([item("M-1", 60), item("M-2", 40)],
                              bonus=[Adjustment(id="b1", name="获市级表彰", max=2)],
                              veto=[Adjustment(id="v1", name="安全生产事故")])},
        results={"2008": results({"M-1": 78, "M-2": None}, bonus={"b1": 3}, veto=["v1"])})


def test_display_width_counts_cjk_as_two() -> None:
    assert display_width("abc") == 3
    assert display_width("指标") == 4
    assert display_width("Ａ1") == 3  # full-width A
    assert pad("指标", 6) == "指标  "
    assert pad("7", 3, ">") == "  7"


def test_table_columns_line_up_with_cjk() -> None:
    lines = table(["编号", "名称", "得分"], [["a", "农民人均纯收入", "97.50"], ["bb", "x", "5.00"]],
                  ["<", "<", ">"])
    # the score column ends at the same display column on every row
    assert len({display_width(line) for line in lines}) == 1


def test_format_unit_score() -> None:
    text = format_unit_score(report_unit(), "2008")
    for word in ("指标编号", "指标名称", "权重", "目标", "实际", "规则", "得分率", "得分", "状态",
                 "海南乡", "2008年度", "双轨运行", "M-1", "农民人均纯收入增长率", "97.50", "缺数",
                 "完成率", "总分", "一票否决：安全生产事故（v1）", "等次：合格", "优秀", "加分：+2.00"):
        assert word in text, word
    # M-1 alone after reweighting: weight 100, 78/80 = 97.5 → 97.50 points; +2 bonus (3 → max 2)
    assert "总分：99.50" in text
    assert "缺数：M-2" in text
    header, rule_line = text.splitlines()[2:4]
    assert display_width(header.rstrip()) <= display_width(rule_line)


def test_format_unit_score_without_data() -> None:
    assert "没有考核量表或考核结果" in format_unit_score(report_unit(), "2009")
