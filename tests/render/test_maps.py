import re

import pytest

from generator.model import Objective, Perspective
from generator.render.maps import MapRenderer, MapSpec, clean_svg, map_dot, wrap

P = [Perspective(id="top", name="利益相关者"), Perspective(id="mid", name="内部流程"),
     Perspective(id="low", name="学习与成长")]


def obj(id, persp, name="目标", drives=()):
    return Objective(id=id, perspective=persp, name=name, drives=list(drives))


def spec(objs, **kw):
    return MapSpec("map-t", "测试地图", P, objs, kw.pop("statuses", {}), "index.html#", **kw)


def test_clusters_follow_the_perspective_order():
    dot = map_dot(spec([obj("L", "low"), obj("T", "top"), obj("M", "mid")]))
    order = [m.group(1) for m in re.finditer(r'label="([^"]+)" labeljust', dot)]
    assert order == ["利益相关者", "内部流程", "学习与成长"]
    # bands chained top-down by invisible edges between their anchors
    assert re.search(r"band0_0 -> band1_0 \[style=invis", dot)
    assert re.search(r"band1_0 -> band2_0 \[style=invis", dot)


def test_upward_link_is_drawn_top_down_with_arrow_back():
    dot = map_dot(spec([obj("T", "top"), obj("L", "low", drives=["T"])]))
    assert re.search(r"o_T -> o_L \[dir=back", dot)


def test_same_band_link_does_not_constrain_and_downward_link_is_plain():
    dot = map_dot(spec([obj("A", "mid", drives=["B"]), obj("B", "mid"), obj("T", "top", drives=["A"])]))
    assert re.search(r"o_A -> o_B \[constraint=false", dot)
    assert re.search(r"o_T -> o_A \[id=", dot)


def test_links_to_objectives_not_on_the_map_are_left_out():
    dot = map_dot(spec([obj("L", "low", drives=["X"])]))
    assert "o_X" not in dot


def test_labels_are_escaped():
    dot = map_dot(spec([obj("T", "top", name='引号"和\\N反斜杠<b>')]))
    assert '\\"' in dot and "\\\\N" in dot
    assert "label=<" not in dot
    svg = MapRenderer(None).svg(dot)
    texts = re.findall(r"<text[^>]*>([^<]*)</text>", svg)
    assert "".join(texts[1:]) == "引号&quot;和\\N反斜杠&lt;b&gt;"   # drawn literally, not \N = node name


def test_boxes_link_to_objective_anchors_and_carry_status_colour():
    dot = map_dot(spec([obj("S1", "top")], statuses={"S1": "off-track"}))
    assert 'URL="index.html#o-S1"' in dot
    assert 'fillcolor="#ffcdd2"' in dot


def test_wide_bands_wrap_into_rows():
    dot = map_dot(spec([obj(f"M{i}", "mid") for i in range(7)]))
    assert "band0_0" in dot and "band0_1" in dot and "band0_2" not in dot


def test_wrap_balances_lines_and_keeps_punctuation_off_line_starts():
    assert wrap("干部能力提升") == ["干部能力提升"]
    assert wrap("农民人均纯收入稳步增长") == ["农民人均纯收", "入稳步增长"]
    assert all(not line.startswith(("，", "、")) for line in wrap("推进新农村建设，改善村容村貌"))


def test_svg_has_chinese_text_font_chain_and_no_prologue(tmp_path):
    r = MapRenderer(tmp_path)
    svg = r.render(spec([obj("T", "top", name="群众满意")]))
    assert svg.startswith("<svg ") and "<?xml" not in svg and "<!--" not in svg
    assert "群众满意" in svg
    assert 'font-family="Noto Sans CJK SC,Microsoft YaHei,PingFang SC,sans-serif"' in svg
    assert 'aria-label="测试地图"' in svg


def test_svg_is_cached_by_dot_hash(tmp_path):
    r = MapRenderer(tmp_path)
    s = spec([obj("T", "top")])
    first = r.render(s)
    assert (r.hits, r.misses) == (0, 1)
    assert len(list(tmp_path.glob("*.svg"))) == 1
    assert MapRenderer(tmp_path).render(s) == first
    r.render(s)
    assert r.hits == 1


def test_clean_svg_sets_a_minimum_width():
    svg = '<?xml version="1.0"?>\n<!-- x -->\n<svg width="900pt" height="10pt"><g/></svg>'
    out = clean_svg(svg, "地图")
    assert out.startswith('<svg class="bsc-map-svg" role="group" aria-label="地图" style="min-width:560pt"')
