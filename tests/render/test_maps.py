import re

import pytest

from generator.model import Objective, Perspective
from generator.render import maplayout
from generator.render.maplayout import ARROW, BandSpec, layout, rows_of
from generator.render.maps import MapRenderer, MapSpec, clean_svg, map_dot, map_layout, spec_key, wrap
from generator.render.wordbreak import words

P = [Perspective(id="top", name="利益相关者"), Perspective(id="mid", name="内部流程"),
     Perspective(id="low", name="学习与成长")]


def obj(id, persp, name="目标", drives=()):
    return Objective(id=id, perspective=persp, name=name, drives=list(drives))


def spec(objs, **kw):
    return MapSpec("map-t", "测试地图", P, objs, kw.pop("statuses", {}), "index.html#", **kw)


# -- bands ---------------------------------------------------------------------------------------

def test_bands_follow_the_perspective_order_top_down():
    s = spec([obj("L", "low"), obj("T", "top"), obj("M", "mid")])
    dot = map_dot(s)
    labels = [m.group(1) for m in re.finditer(r'band\d_label \[label="([^"]+)"', dot)]
    assert labels == ["利益\\n相关者", "内部流程", "学习与\\n成长"]
    geo, _ = map_layout(s)
    assert [b.y for b in geo.bands] == sorted(b.y for b in geo.bands)
    assert geo.boxes["T"].y < geo.boxes["M"].y < geo.boxes["L"].y


def test_bands_are_equally_wide_and_span_the_map():
    s = spec([obj("T", "top"), *(obj(f"M{i}", "mid") for i in range(4)), obj("L1", "low"), obj("L2", "low")])
    geo, _ = map_layout(s)
    assert {(b.x, b.w) for b in geo.bands} == {(0.0, geo.width)}
    for box in geo.boxes.values():
        assert geo.bands[0].x < box.x and box.right < geo.width


def test_objectives_spread_within_their_band():
    s = spec([obj("T", "top"), *(obj(f"M{i}", "mid") for i in range(4)), obj("L1", "low"), obj("L2", "low")])
    geo, _ = map_layout(s)
    content_left = geo.left
    # one objective: in the middle of the band's content; two: at a quarter and three quarters
    middle = (content_left + geo.width) / 2
    assert geo.boxes["T"].cx == pytest.approx(middle, abs=1)
    l1, l2 = sorted((geo.boxes["L1"], geo.boxes["L2"]), key=lambda r: r.x)
    assert l1.cx < middle < l2.cx
    assert l1.x - content_left == pytest.approx((geo.width - l2.right), abs=10)
    # four in a row: equal gaps between them
    mids = sorted(geo.boxes[f"M{i}"].x for i in range(4))
    gaps = {round(b - a) for a, b in zip(mids, mids[1:])}
    assert len(gaps) == 1


def test_wide_bands_wrap_into_rows():
    assert [len(r) for r in rows_of([f"M{i}" for i in range(7)])] == [4, 3]
    geo, _ = map_layout(spec([obj(f"M{i}", "mid") for i in range(7)]))
    assert len({geo.boxes[f"M{i}"].y for i in range(7)}) == 2


# -- arrows ------------------------------------------------------------------------------------

def test_upward_link_runs_from_driver_to_driven_with_the_arrow_on_the_driven_box():
    s = spec([obj("T", "top"), obj("L", "low", drives=["T"])])
    dot = map_dot(s)
    assert re.search(r'o_L -> o_T \[id="?map-t-e-L-T"? pos="e,', dot)
    geo, _ = map_layout(s)
    (route,) = geo.routes
    top, low = geo.boxes["T"], geo.boxes["L"]
    assert route.tip[1] == pytest.approx(top.bottom)              # the tip touches the driven box
    assert route.points[0][1] == pytest.approx(low.y)              # it leaves the driver's top
    assert route.points[-1][1] == pytest.approx(top.bottom + ARROW)
    assert len(route.points) % 3 == 1                               # a Bézier spline


def test_long_links_pass_between_the_boxes_of_the_bands_they_cross():
    """An arrow from the bottom band to the top one goes through the middle band's row, not
    around the outside of the map."""
    mids = [obj(f"M{i}", "mid") for i in range(4)]
    s = spec([obj("T", "top"), *mids, obj("L", "low", drives=["T"])])
    geo, _ = map_layout(s)
    (route,) = geo.routes
    row = [geo.boxes[f"M{i}"] for i in range(4)]
    row_top = row[0].y
    xs = [x for x, y in route.points if row_top <= y <= row_top + row[0].h]
    assert xs, "the route passes the middle row"
    content_left = geo.left
    for x in xs:
        assert content_left < x < geo.width                        # inside the band, not outside it
        assert not any(b.x <= x <= b.right for b in row)           # between boxes, not through one
    # as straight as the gap allows: the middle band's boxes are spread, so the way between
    # the two middle boxes lies near the straight line down the middle
    assert abs(xs[0] - geo.boxes["T"].cx) < geo.width / 4


def test_order_in_a_row_avoids_crossings():
    # written in an order whose arrows cross (X drives B, Y drives A); laid out without crossing
    s = spec([obj("A", "top"), obj("B", "top"), obj("X", "low", drives=["B"]), obj("Y", "low", drives=["A"])])
    geo, _ = map_layout(s)
    a, b, x, y = (geo.boxes[k].cx for k in "ABXY")
    assert (a < b) == (y < x)


def test_link_between_neighbours_in_one_row_is_straight_and_others_arc_below():
    s = spec([obj("A", "mid", drives=["B"]), obj("B", "mid"), obj("C", "mid", drives=["A"])])
    geo, _ = map_layout(s)
    routes = {(r.tail, r.head): r for r in geo.routes}
    ab = routes[("A", "B")]
    assert len({round(y) for _, y in ab.points}) == 1               # horizontal
    row = [geo.boxes[k] for k in "ABC"]
    order = sorted("ABC", key=lambda k: geo.boxes[k].x)
    if abs(order.index("A") - order.index("C")) == 2:
        ca = routes[("C", "A")]
        assert max(y for _, y in ca.points) > max(r.bottom for r in row)


def test_links_to_objectives_not_on_the_map_are_left_out():
    dot = map_dot(spec([obj("L", "low", drives=["X"])]))
    assert "o_X" not in dot


def test_layout_alone_puts_every_route_inside_the_map():
    bands = [BandSpec(40, 30, rows_of(["a", "b", "c"])), BandSpec(40, 30, rows_of(["d"])),
             BandSpec(40, 30, rows_of(["e", "f", "g", "h", "i", "j", "k"]))]
    edges = [(t, h) for t in "efghijk" for h in "abc"] + [("d", "a"), ("k", "d")]
    geo = layout(bands, 100, 40, edges)
    assert len(geo.routes) == len(edges)
    for r in geo.routes:
        for x, y in (*r.points, r.tip):
            assert 0 < x < geo.width and 0 <= y <= geo.height


# -- labels ------------------------------------------------------------------------------------

def test_labels_are_escaped():
    dot = map_dot(spec([obj("T", "top", name='引号"和\\N反斜杠<b>')]))
    assert '\\"' in dot and "\\\\N" in dot
    assert "label=<" not in dot
    svg = MapRenderer(None).svg(dot)
    node = svg[svg.index('id="map&#45;t&#45;o&#45;T"'):]
    texts = re.findall(r"<text[^>]*>([^<]*)</text>", node[:node.index("</g>")])
    assert "".join(texts) == "引号&quot;和\\N反斜杠&lt;b&gt;"   # drawn literally, not \N = node name


def test_wrap_breaks_between_words_and_balances_lines():
    assert wrap("干部能力提升") == ["干部能力提升"]
    assert wrap("民族团结、社会和谐稳定") == ["民族团结、", "社会和谐稳定"]     # not 民族团结、社/会和谐稳定
    for name in ["农民人均纯收入稳步增长", "建设村级信息服务站和政务公开平台", "提高干部服务群众和带领致富的能力",
                 "规范办学行为，减轻学生过重课业负担"]:
        lines = wrap(name)
        assert "".join(lines) == name and len(lines) > 1
        bounds, at = set(), 0
        for w in words(name):
            at += len(w)
            bounds.add(at)
        at = 0
        for line in lines[:-1]:
            at += len(line)
            assert at in bounds, (name, lines)                       # every break is between words
    assert all(not line.startswith(("，", "、")) for line in wrap("推进新农村建设，改善村容村貌"))


def test_boxes_link_to_objective_anchors_and_carry_status_colour():
    dot = map_dot(spec([obj("S1", "top")], statuses={"S1": "off-track"}))
    assert 'URL="index.html#o-S1"' in dot
    assert 'fillcolor="#ffcdd2"' in dot


# -- SVG and cache --------------------------------------------------------------------------------

def test_svg_has_chinese_text_font_chain_and_no_prologue(tmp_path):
    r = MapRenderer(tmp_path)
    svg = r.render(spec([obj("T", "top", name="群众满意")]))
    assert svg.startswith("<svg ") and "<?xml" not in svg and "<!--" not in svg
    assert "群众满意" in svg
    assert 'font-family="Noto Sans CJK SC,Microsoft YaHei,PingFang SC,sans-serif"' in svg
    assert 'aria-label="测试地图"' in svg
    # bands are drawn before boxes, arrows last
    assert svg.index('id="map&#45;t&#45;band&#45;0"') < svg.index('id="map&#45;t&#45;o&#45;T"')


def test_svg_is_cached_by_what_the_map_shows(tmp_path):
    r = MapRenderer(tmp_path)
    s = spec([obj("T", "top")])
    first = r.render(s)
    assert (r.hits, r.misses) == (0, 1)
    assert len(list(tmp_path.glob("*.svg"))) == 1
    assert MapRenderer(tmp_path).render(s) == first
    r.render(s)
    assert r.hits == 1
    assert spec_key(spec([obj("T", "top")], statuses={"T": "on-track"})) != spec_key(s)
    assert spec_key(spec([obj("T", "top", name="另一个目标")])) != spec_key(s)


def test_a_cached_map_is_found_without_laying_it_out(tmp_path, monkeypatch):
    s = spec([obj("T", "top", name="农民人均纯收入稳步增长")])
    MapRenderer(tmp_path).render(s)
    monkeypatch.setattr("generator.render.maps.map_dot", lambda spec: pytest.fail("laid out again"))
    assert MapRenderer(tmp_path).render(s).startswith("<svg ")


def test_clean_svg_sets_a_minimum_width():
    svg = '<?xml version="1.0"?>\n<!-- x -->\n<svg width="900pt" height="10pt"><g/></svg>'
    out = clean_svg(svg, "地图")
    assert out.startswith('<svg class="bsc-map-svg" role="group" aria-label="地图" style="min-width:560pt"')


def test_row_limit_is_the_layout_constant():
    assert maplayout.ROW_MAX == 5


def test_a_latin_word_is_never_split():
    from generator.render.wordbreak import wrap
    assert wrap("Stakeholders", 4) == ["Stakeholders"]
    assert wrap("Internal processes", 4) == ["Internal", "processes"]
    assert wrap("利益相关者", 4) == ["利益", "相关者"]


def _three():
    return [MapSpec(f"map-{i}", f"地图{i}", P, [obj("T", "top", name=f"目标{i}"), obj("L", "low", drives=["T"])],
                    {}, "index.html#") for i in range(3)]


def test_prefetch_draws_in_one_run_what_each_run_would_draw(tmp_path, monkeypatch):
    import subprocess

    specs = _three()
    alone = [MapRenderer(None).render(s) for s in specs]
    runs = []
    real = subprocess.run
    monkeypatch.setattr(subprocess, "run", lambda *a, **k: runs.append(a) or real(*a, **k))
    cached = MapRenderer(tmp_path)
    cached.prefetch(specs + specs[:1])
    assert len(runs) == 1 and len(list(tmp_path.glob("*.svg"))) == 3
    assert [cached.render(s) for s in specs] == alone          # Graphviz's page prefix taken out
    assert (cached.hits, len(runs)) == (3, 1)
    cached.prefetch(specs)                                    # all cached: no run
    uncached = MapRenderer(None)
    uncached.prefetch(specs)
    assert [uncached.render(s) for s in specs] == alone and len(runs) == 2


def test_prefetch_draws_a_batch_at_a_time(tmp_path, monkeypatch):
    """A large city's maps are drawn `BATCH` to a run (a run's output is held whole)."""
    from generator.render import maps

    sizes = []
    real = maps._run_graphviz_batch
    monkeypatch.setattr(maps, "_run_graphviz_batch", lambda dots: sizes.append(len(dots)) or real(dots))
    monkeypatch.setattr(maps, "BATCH", 2)
    specs = _three() + [MapSpec("map-x", "地图x", P, [obj("T", "top", name="另一个目标")], {}, "index.html#")]
    r = MapRenderer(tmp_path)
    r.prefetch(specs)
    assert sizes == [2, 2] and len(list(tmp_path.glob("*.svg"))) == 4
    monkeypatch.setattr(maps, "BATCH", 3)
    sizes.clear()
    MapRenderer(tmp_path / "other").prefetch(specs)   # a last batch of one is drawn by render
    assert sizes == [3] and len(list((tmp_path / "other").glob("*.svg"))) == 3


def test_a_batch_graphviz_cannot_draw_is_left_to_each_map(tmp_path, monkeypatch):
    from generator.render import maps

    monkeypatch.setattr(maps, "_run_graphviz_batch", lambda dots: (_ for _ in ()).throw(
        maps.RenderError("dot failed")))
    r = MapRenderer(tmp_path)
    r.prefetch(_three())
    assert not list(tmp_path.glob("*.svg"))
    assert r.render(_three()[0]).startswith("<svg ")


def test_jieba_is_imported_without_pkg_resources_and_reads_its_dictionary():
    import subprocess
    import sys

    code = ("import sys; from generator.render.wordbreak import import_jieba; j = import_jieba();"
            "f = j.dt.get_dict_file(); n = sum(1 for _ in f); f.close();"
            "print('pkg_resources' in sys.modules, n > 300000, j.finalseg.Force_Split_Words == set())")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "True", "True"]
