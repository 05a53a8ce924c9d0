"""Hand-built SVG charts: well-formed, accessible, escaped, deterministic, with their numbers."""
from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from generator.render.style import FONT_FAMILY
from generator.render.charts import (RefLine, Series, bar_chart, clip,
                                     line_chart, nice_range)

SVG = "{http://www.w3.org/2000/svg}"


def parse(chart) -> ET.Element:
    return ET.fromstring(str(chart.svg))


def line(**kw):
    args = dict(chart_id="c1", title="海南乡 总分趋势", desc="各期总分",
                categories=[("2008", "一季度"), ("2008", "年度"), ("2009", "年度")],
                series=[Series("总分", (85.81, None, 98.34))])
    args.update(kw)
    return line_chart(**args)


def test_line_chart_is_accessible_svg_with_cjk_fallback_fonts():
    root = parse(line())
    assert root.tag == SVG + "svg"
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "c1-title c1-desc"
    assert root.find(SVG + "title").text == "海南乡 总分趋势"
    assert root.find(SVG + "title").get("id") == "c1-title"
    assert root.find(SVG + "desc").text == "各期总分"
    assert root.get("font-family") == FONT_FAMILY == "Noto Sans CJK SC, Microsoft YaHei, PingFang SC, sans-serif"
    assert root.get("viewBox") == "0 0 720 300"


def test_every_value_gets_a_marker_with_a_tooltip_and_missing_values_none():
    chart = line(series=[Series("年度总分", (None, 86.97, 98.34)), Series("季度总分", (85.81, None, None))])
    root = parse(chart)
    groups = [g for g in root.iter(SVG + "g") if g.get("class") == "bsc-chart-series"]
    assert [g.get("data-series") for g in groups] == ["年度总分", "季度总分"]
    tips = [t.text for g in groups for t in g.iter(SVG + "title")]
    assert tips == ["年度总分 · 2008 年度：86.97", "年度总分 · 2009 年度：98.34", "季度总分 · 2008 一季度：85.81"]
    # a line joins the annual values; a single quarterly value has no line
    assert len(groups[0].findall(SVG + "path")) == 1
    assert groups[1].findall(SVG + "path") == []


def test_value_labels_use_the_chart_format():
    root = parse(line(value_labels=True))
    texts = [t.text for t in root.iter(SVG + "text")]
    assert "85.81" in texts and "98.34" in texts


def test_text_is_escaped_for_xml():
    nasty = 'A<b>&"c\'</b>'
    chart = line(title=nasty, desc=nasty, series=[Series(nasty, (1.0, 2.0, 3.0))],
                 categories=[(nasty,), ("x",), ("y",)], refs=[RefLine(2, nasty)])
    root = parse(chart)  # parses: nothing broke out of its element
    assert root.find(SVG + "title").text == nasty
    assert "<b>" not in str(chart.svg)
    assert "<b>" not in str(chart.table)
    assert nasty in ET.fromstring(str(chart.table)).find("caption").text


def test_reference_lines_widen_the_axis_up_to_the_ceiling_and_are_drawn_only_inside():
    root = parse(line(refs=[RefLine(90, "优秀 90"), RefLine(10_000, "远在外面")], ceiling=120))
    labels = [t.text for g in root.iter(SVG + "g") if g.get("class") == "bsc-chart-ref"
              for t in g.iter(SVG + "text")]
    assert labels == ["优秀 90"]


def test_chart_table_has_every_number():
    chart = line(series=[Series("总分", (85.81, None, 98.34)), Series("层面", (1.0, 2.5, None))])
    table = ET.fromstring(str(chart.table))
    rows = [[c.text for c in tr] for tr in table.find("tbody")]
    assert rows == [["2008 一季度", "85.81", "1.00"], ["2008 年度", "—", "2.50"], ["2009 年度", "98.34", "—"]]
    heads = [th.text for th in table.find("thead").iter("th")]
    assert heads == ["类别", "总分", "层面"]


def test_output_is_deterministic():
    assert str(line().svg) == str(line().svg)


def test_series_length_must_match_categories():
    with pytest.raises(ValueError, match="3 categories"):
        line(series=[Series("总分", (1.0, 2.0))])


def test_bar_chart_rows_bars_and_missing():
    chart = bar_chart(chart_id="b", title="排名", desc="d", labels=["长汀镇", "海南朝鲜族乡", "新安镇"],
                      series=[Series("总分", (99.82, 98.34, None))], refs=[RefLine(90, "优秀 90")])
    root = parse(chart)
    bars = [r for r in root.iter(SVG + "rect") if r.find(SVG + "title") is not None]
    assert [r.find(SVG + "title").text for r in bars] == ["长汀镇 · 总分：99.82", "海南朝鲜族乡 · 总分：98.34"]
    texts = [t.text for t in root.iter(SVG + "text")]
    assert "缺数" in texts                       # a missing value is said, not drawn as 0
    assert float(bars[0].get("width")) > float(bars[1].get("width")) > 0
    # bars start at zero: 98.34 is nearly as long as 99.82
    assert float(bars[1].get("width")) / float(bars[0].get("width")) == pytest.approx(98.34 / 99.82, rel=0.01)


def test_bar_chart_two_series_has_a_legend():
    chart = bar_chart(chart_id="p", title="个人", desc="d", labels=["甲", "乙"],
                      series=[Series("调整前", (90.0, 80.0), dashed=True), Series("调整后", (92.0, 85.0))])
    legend = [g for g in parse(chart).iter(SVG + "g") if g.get("class") == "bsc-chart-legend"]
    assert [t.text for t in legend[0].iter(SVG + "text")] == ["调整前", "调整后"]


def test_long_labels_are_clipped_with_the_full_text_as_tooltip():
    long = "海林市第一人民医院住院部护理管理委员会"
    chart = bar_chart(chart_id="l", title="t", desc="d", labels=[long], series=[Series("总分", (90.0,))],
                      label_em=6)
    label = next(t for t in parse(chart).iter(SVG + "text") if t.find(SVG + "title") is not None)
    assert label.find(SVG + "title").text == long
    assert label.find(SVG + "title").tail.endswith("…")
    assert clip("短", 6) == "短"


@pytest.mark.parametrize("values, include, floor", [
    ([85.81, 103.17], [60, 80, 90], None),
    ([0.2, 0.9], [], 0.0),
    ([5.0, 5.0], [], None),
    ([], [], None),
])
def test_nice_range_covers_the_values(values, include, floor):
    lo, hi, step = nice_range(values, include=include, floor=floor)
    for v in values + include:
        assert lo <= v <= hi
    assert step > 0 and hi > lo
    assert abs((hi - lo) / step - round((hi - lo) / step)) < 1e-9
    if floor is not None:
        assert lo >= floor


def test_chart_values_read_as_scores_everywhere():
    from generator.render import fmt

    chart = bar_chart(chart_id="c", title="t", desc="d", labels=["甲", "乙"],
                      series=[Series("总分", (98.335, None))])
    assert fmt.score(98.335) in chart.svg and fmt.score(98.336) == "98.34"
    assert fmt.missing() in chart.svg                         # no bar, and said so
    assert f'<td class="bsc-num">{fmt.NONE}</td>' in chart.table
