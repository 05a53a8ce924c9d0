"""Strategy maps: a fixed layout (`maplayout`) drawn by Graphviz, cached by what the map shows.

`map_dot` sizes the boxes from their labels (broken between words: `wordbreak`), lays the map
out (`maplayout.layout`: equal-width perspective bands in the unit's order, objectives spread
within their band, arrows through the gaps of the rows they pass) and writes DOT in which every
node and edge has its position; Graphviz draws it as given (`neato -n2`), measuring the text
with the fonts installed. Bands and their names come first in the DOT and edges are drawn last
(`outputorder=nodesfirst`), so arrows lie over the bands and end on the boxes' sides.

Labels are escaped with `escape.dot_text` and passed as quoted strings (never as HTML-like
labels), so YAML text cannot change the diagram.
"""
from __future__ import annotations

import hashlib
import json
import re
import subprocess
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Callable, Sequence

import graphviz

from ..files import atomic_write
from ..i18n import colon, current, paren, tr, tr_p
from ..model import Objective, Perspective
from ..model.vocab import Status
from . import fmt
from .errors import RenderError
from .escape import anchor, dot_text, html
from .maplayout import BandSpec, Layout, Rect, layout, rows_of
from .style import DEFAULT_STATUS, DOT_FONT, STATUS_COLOURS
from .textwidth import em
from .wordbreak import wrap as wrap_words

BAND_FILL = "#f5f7fa"
BAND_LABEL_FILL = "#e4e9ee"
BAND_BORDER = "#b0bec5"
EDGE_COLOUR = "#455a64"
#: label width in "em" (a CJK character is one em, ASCII half) before wrapping
WRAP_EM = 8.0
#: a band's name is broken into lines of this many em (its column stays narrow)
BAND_WRAP_EM = 4.0
#: box text: font size, line height and padding (points); Graphviz measures CJK at ~1.02 em
FONT_PT = 12.0
BAND_FONT_PT = 13.0
LINE_PT = 15.0
PAD_X = 10.0
PAD_Y = 7.0
MIN_BOX_W = 100.0
EM_FACTOR = 1.04
#: maps drawn by one Graphviz run (`MapRenderer.prefetch`)
BATCH = 100


def wrap(s: str, width: float = WRAP_EM) -> list[str]:
    """A label in balanced lines of about `width` em, broken between words (`wordbreak.wrap`)."""
    return wrap_words(s, width) if s.strip() else [""]


def label(s: str, width: float = WRAP_EM) -> graphviz.quoting.NoHtml:
    """A quoted DOT label: each wrapped line escaped, lines joined with DOT's `\\n`."""
    return graphviz.nohtml("\\n".join(dot_text(line) for line in wrap(s, width)))


@dataclass(frozen=True)
class MapSpec:
    """Everything a map shows; built by the unit page from the edition's view."""

    #: unique on its page: used as the SVG id prefix (`map-main`, `map-m-t1`)
    graph_id: str
    title: str
    perspectives: Sequence[Perspective]
    objectives: Sequence[Objective]
    #: objective id → status ("on-track", ...); missing ids are "no-data"
    statuses: dict[str, Status]
    #: URL prefix of the objective anchors, e.g. "index.html#" (anchor ids are `o-<id>`)
    href: str = "#"
    #: the unit whose map this is (named in error messages)
    unit: str | None = None


def _node_id(obj_id: str) -> str:
    return "o_" + re.sub(r"[^A-Za-z0-9_]", "_", obj_id)


def _bands(spec: MapSpec) -> list[tuple[str, list[Objective]]]:
    """(name, objectives) per perspective in the unit's order; unknown perspectives last (其他)."""
    known = {p.id for p in spec.perspectives}
    bands = [(p.name, [o for o in spec.objectives if o.perspective == p.id]) for p in spec.perspectives]
    bands.append((tr_p("map band", "其他"), [o for o in spec.objectives if o.perspective not in known]))
    return [b for b in bands if b[1]]


def _size(lines: list[str], font: float) -> tuple[float, float]:
    return (max((em(line) for line in lines), default=0.0) * font * EM_FACTOR, len(lines) * LINE_PT)


def _pos(x: float, y: float, height: float) -> str:
    """A point in Graphviz's coordinates (y grows upwards)."""
    return f"{x:.1f},{height - y:.1f}"


def _box(r: Rect, height: float) -> dict[str, str]:
    return {"pos": _pos(r.cx, r.cy, height) + "!", "width": f"{r.w / 72:.4f}",
            "height": f"{r.h / 72:.4f}", "fixedsize": "true"}


def map_layout(spec: MapSpec) -> tuple[Layout, list[tuple[str, list[Objective]]]]:
    """The map's geometry (and its bands), from the labels' sizes."""
    bands = _bands(spec)
    sizes = [_size(wrap(o.name), FONT_PT) for o in spec.objectives]
    box_w = max([MIN_BOX_W] + [w + 2 * PAD_X for w, _ in sizes])
    box_h = max([LINE_PT] + [h for _, h in sizes]) + 2 * PAD_Y
    specs = []
    for name, objs in bands:
        w, h = _size(wrap(name, BAND_WRAP_EM), BAND_FONT_PT)
        specs.append(BandSpec(w, h, rows_of([o.id for o in objs])))
    shown = {o.id for o in spec.objectives}
    edges = [(o.id, d) for o in spec.objectives for d in o.drives if d in shown]
    return layout(specs, box_w, box_h, edges), bands


def map_dot(spec: MapSpec) -> str:
    """The DOT source of a strategy map, every position fixed (draw with `neato -n2`)."""
    geo, bands = map_layout(spec)
    height = geo.height
    g = graphviz.Digraph(
        name=spec.graph_id,
        graph_attr={"id": spec.graph_id, "outputorder": "nodesfirst", "fontname": DOT_FONT,
                    "bgcolor": "transparent", "pad": "0.1"},
        node_attr={"shape": "box", "fontname": DOT_FONT, "fontsize": f"{FONT_PT:g}", "penwidth": "1.4",
                   "fontcolor": "#1a1a1a", "margin": "0"},
        edge_attr={"color": EDGE_COLOUR, "arrowsize": "0.7", "penwidth": "1.1"},
    )
    for i, ((name, _), band, lab) in enumerate(zip(bands, geo.bands, geo.labels)):
        g.node(f"band{i}", label="", style="filled,rounded", fillcolor=BAND_FILL, color=BAND_BORDER,
               penwidth="1", id=f"{spec.graph_id}-band-{i}", **_box(band, height))
        column = Rect(band.x + 1, band.y + 1, lab.w + 2 * (lab.x - band.x) - 2, band.h - 2)
        g.node(f"band{i}_col", label="", style="filled,rounded", fillcolor=BAND_LABEL_FILL,
               color=BAND_LABEL_FILL, penwidth="0", **_box(column, height))
        g.node(f"band{i}_label", label=label(name, BAND_WRAP_EM), shape="plaintext",
               fontsize=f"{BAND_FONT_PT:g}", fontcolor="#263238", id=f"{spec.graph_id}-band-label-{i}",
               **_box(lab, height))
    for o in spec.objectives:
        status: Status = spec.statuses.get(o.id, "no-data")
        fill, border = STATUS_COLOURS.get(status, STATUS_COLOURS[DEFAULT_STATUS])
        g.node(_node_id(o.id), label=label(o.name), style="rounded,filled", fillcolor=fill, color=border,
               URL=graphviz.nohtml(dot_text(spec.href + anchor("o", o.id))),
               tooltip=graphviz.nohtml(dot_text(_tooltip(o, status))),
               id=f"{spec.graph_id}-{anchor('o', o.id)}", **_box(geo.boxes[o.id], height))
    for r in geo.routes:
        eid = f"{spec.graph_id}-e-{anchor('x', r.tail)[2:]}-{anchor('x', r.head)[2:]}"
        pos = "e," + _pos(*r.tip, height) + " " + " ".join(_pos(x, y, height) for x, y in r.points)
        g.edge(_node_id(r.tail), _node_id(r.head), pos=pos, id=eid)
    return g.source


def _tooltip(o: Objective, status: Status) -> str:
    return f"{o.id} {o.name}" + paren(fmt.status(status))


#: the modules whose code decides how a map looks: part of every cache key
_CODE = ("maps.py", "maplayout.py", "wordbreak.py", "textwidth.py", "escape.py", "style.py")


@lru_cache(maxsize=1)
def _code_digest() -> str:
    h = hashlib.sha256()
    for name in _CODE:
        h.update((Path(__file__).parent / name).read_bytes())
    try:   # its version, not the module: a cached map is found without importing jieba
        h.update(metadata.version("jieba").encode())
    except metadata.PackageNotFoundError:  # pragma: no cover - jieba is a dependency
        pass
    return h.hexdigest()


def spec_key(spec: MapSpec) -> str:
    """The cache key of a map: what it shows (names, links, statuses, tooltips) and the code that
    draws it, so a cached map is found without laying it out (and without loading jieba)."""
    data = {
        "id": spec.graph_id, "title": spec.title, "href": spec.href,
        "perspectives": [[p.id, p.name] for p in spec.perspectives],
        "objectives": [[o.id, o.name, o.perspective, list(o.drives),
                        spec.statuses.get(o.id, "no-data"),
                        _tooltip(o, spec.statuses.get(o.id, "no-data"))] for o in spec.objectives],
        "colours": STATUS_COLOURS,
        # the band of unknown perspectives is named in the interface language (by the
        # catalogue: its text, not only the language, so a changed translation redraws)
        "language": current(), "other band": tr_p("map band", "其他"),
    }
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(f"spec\0{_code_digest()}\0{text}".encode("utf-8")).hexdigest()


_PROLOGUE = re.compile(r"\A.*?(?=<svg\b)", re.S)
_COMMENT = re.compile(r"<!--.*?-->\s*", re.S)
#: Graphviz titles every node, edge and cluster with its DOT id (o_S1, o_S1->o_C2, cluster_0):
#: shown as tooltips and read by screen readers, so dropped; boxes keep their Chinese tooltips
_TITLE = re.compile(r"<title>[^<]*</title>\s*")
_WIDTH = re.compile(r'<svg\b[^>]*?\swidth="([0-9.]+)pt"')
#: a map is never shrunk below this width in the page (wider maps scroll sideways instead)
MIN_WIDTH_PT = 560


def clean_svg(svg: str, aria_label: str) -> str:
    """Graphviz's SVG made fit for inlining: no XML prologue or comments, an accessible name."""
    svg = _PROLOGUE.sub("", svg, count=1)
    svg = _COMMENT.sub("", svg)
    svg = _TITLE.sub("", svg)
    m = _WIDTH.search(svg)
    style = ""
    if m:  # scaled down to fit the page, but never below MIN_WIDTH_PT (then it scrolls)
        style = f' style="min-width:{min(float(m.group(1)), MIN_WIDTH_PT):g}pt"'
    svg = svg.replace("<svg ", f'<svg class="bsc-map-svg" role="group" aria-label="{html(aria_label)}"{style} ', 1)
    return svg.strip() + "\n"


class MapRenderer:
    """Strategy-map SVGs, cached on disk: `render` by `spec_key` (what the map shows), `svg` by
    the sha256 of a DOT source."""

    def __init__(self, cache_dir: Path | None) -> None:
        self.cache_dir = cache_dir
        self.hits = 0
        self.misses = 0
        #: maps drawn by `prefetch` when there is no cache folder, until `render` takes them
        self._fresh: dict[str, str] = {}

    def _path(self, key: str) -> Path | None:
        return self.cache_dir / f"{key}.svg" if self.cache_dir is not None else None

    def _has(self, key: str) -> bool:
        path = self._path(key)
        return key in self._fresh or (path is not None and path.is_file())

    def _cached(self, key: str, make: Callable[[], str]) -> str:
        if key in self._fresh:
            self.hits += 1
            return self._fresh.pop(key)
        path = self._path(key)
        if path is not None and path.is_file():
            self.hits += 1
            return path.read_text(encoding="utf-8")
        self.misses += 1
        out = make()
        if path is not None:
            atomic_write(path, out.encode("utf-8"))
        return out

    def svg(self, dot: str, title: str | None = None, unit: str | None = None) -> str:
        """The SVG of a positioned `dot`; raises `RenderError` naming the map `title` (战略地图
        by default) when Graphviz fails."""
        shown = tr("战略地图") if title is None else title
        return self._cached(hashlib.sha256(dot.encode("utf-8")).hexdigest(),
                            lambda: _run_graphviz(dot, shown, unit))

    def render(self, spec: MapSpec) -> str:
        """The cleaned, inlinable SVG of a map."""
        raw = self._cached(spec_key(spec), lambda: _run_graphviz(map_dot(spec), spec.title, spec.unit))
        return clean_svg(raw, spec.title)

    def prefetch(self, specs: Sequence[MapSpec]) -> None:
        """Draw the maps of `specs` that are not cached, `BATCH` to a Graphviz run (starting
        `dot` costs far more than drawing a map; a run's output is held whole, so not all maps
        of a large city at once), into the cache (or, without one, kept for `render`). A batch
        Graphviz cannot draw is left to `render`, which names the map that fails."""
        todo: dict[str, MapSpec] = {}
        for spec in specs:
            key = spec_key(spec)
            if key not in todo and not self._has(key):
                todo[key] = spec
        keys = list(todo)
        for start in range(0, len(keys), BATCH):
            batch = keys[start:start + BATCH]
            if len(batch) < 2:
                continue
            try:
                drawn = _run_graphviz_batch([map_dot(todo[key]) for key in batch])
            except RenderError:
                continue
            for key, svg in zip(batch, drawn):
                path = self._path(key)
                if path is None:
                    self._fresh[key] = svg
                else:
                    atomic_write(path, svg.encode("utf-8"))



def _run_graphviz(dot: str, title: str, unit: str | None) -> str:
    """`dot -Knop2 -Tsvg`: Graphviz draws every node and edge where the DOT puts it (as
    `neato -n2`); a missing or failing `dot`, or output that is not SVG, is a `RenderError`."""
    try:
        done = subprocess.run(["dot", "-Knop2", "-Tsvg"], input=dot.encode("utf-8"), capture_output=True,
                              check=False)
    except FileNotFoundError:
        raise RenderError(tr("无法生成战略地图“{title}”：找不到 Graphviz 的 dot 程序。请安装 Graphviz"
                             "（Debian：apt-get install graphviz），并确认 dot 在 PATH 中", title=title),
                          unit=unit) from None
    except OSError as exc:
        raise RenderError(tr("无法生成战略地图“{title}”：无法运行 dot（{error}）。请检查 Graphviz 的安装（dot -V）",
                             title=title, error=exc), unit=unit) from None
    if done.returncode != 0:
        said = done.stderr.decode("utf-8", "replace").strip()
        last = said.splitlines()[-1:] if said else []
        detail = colon() + "".join(c if c.isprintable() else "?" for c in last[0][:200]) if last else ""
        raise RenderError(tr("无法生成战略地图“{title}”：dot 运行失败（退出码 {code}）{detail}。"
                             "请检查 Graphviz 的安装（dot -V）", title=title, code=done.returncode,
                             detail=detail), unit=unit)
    out = done.stdout.decode("utf-8", "replace")
    if "<svg" not in out:
        raise RenderError(tr("无法生成战略地图“{title}”：dot 的输出不是 SVG。请检查 Graphviz 的安装（dot -V）",
                             title=title), unit=unit)
    return out


_DOCUMENT = re.compile(r"(?=<\?xml\b)")
#: in a run of several graphs, Graphviz prefixes the id of each graph's group after the first
_PAGE_PREFIX = re.compile(r'(<g id=")page\d+,\d+_(?=[^"]*" class="graph")')
#: a graph's group named as one run names it: by the graph's own name (its title); another
#: Graphviz that names later graphs otherwise fails the batch (each map is then drawn alone)
_GRAPH = re.compile(r'<svg\b.*?<g id="([^"]*)" class="graph"[^>]*>\s*<title>\1</title>', re.S)


def _run_graphviz_batch(dots: Sequence[str]) -> list[str]:
    """The SVG of each of `dots`, drawn by one `dot` run (several graphs in one input give one
    SVG document each, in order), as `_run_graphviz` draws it alone; `RenderError` when the run
    fails or the count is not right."""
    out = _run_graphviz("\n".join(dots), tr("战略地图"), None)
    documents = [_PAGE_PREFIX.sub(r"\1", d, count=1) for d in _DOCUMENT.split(out) if d.strip()]
    if len(documents) != len(dots) or not all(_GRAPH.search(d) for d in documents):
        raise RenderError(tr("无法生成战略地图“{title}”：dot 的输出不是 SVG。请检查 Graphviz 的安装（dot -V）",
                             title=tr("战略地图")))
    return documents


def legend() -> list[tuple[str, str, str, str]]:
    """(status, name, fill, border) for the HTML legend under a map."""
    return [(s, fmt.status(s), fill, border) for s, (fill, border) in STATUS_COLOURS.items()]
