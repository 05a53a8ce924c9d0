"""Strategy maps: DOT from the model (graphviz package), SVG from `dot`, cached by DOT hash.

Layout: `rankdir=TB`, one cluster per perspective in the
unit's order (top first), all objectives of a perspective on one rank, an invisible chain of
anchor nodes that keeps the bands in order. A cause-and-effect link "A drives B" from a lower
band to an upper one is drawn as the edge B -> A with `dir=back`, so the arrow points up and
the perspective labels stay on top. Links inside one band do not constrain the layout.

Labels are escaped with `escape.dot_text` and passed as quoted strings (never as HTML-like
labels), so YAML text cannot change the diagram.
"""
from __future__ import annotations

import hashlib
import math
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

import graphviz

from ..model import Objective, Perspective
from ..model.vocab import Status
from . import fmt
from .errors import RenderError
from .escape import anchor, dot_text, html
from .style import DEFAULT_STATUS, DOT_FONT, STATUS_COLOURS
from .textwidth import em
BAND_FILL = "#f5f7fa"
BAND_BORDER = "#b0bec5"
EDGE_COLOUR = "#455a64"
#: most boxes side by side in one band before it wraps to another row
ROW_MAX = 5
#: label width in "em" (a CJK character is one em, ASCII half) before wrapping
WRAP_EM = 8.0


_NO_LINE_START = frozenset("，、。．；：？！）》」』”’%,.;:?!)]}")


def wrap(s: str, width: float = WRAP_EM) -> list[str]:
    """Break a label into balanced lines of about `width` em, never inside an ASCII word.

    A 10-character name becomes 5 + 5, not 8 + 2: the number of lines is fixed first, then
    each line is filled up to the average width.
    """
    s = " ".join(s.split())
    total = em(s)
    if total <= width:
        return [s] if s else [""]
    n = math.ceil(total / width)
    target = total / n
    tokens = re.findall(r"[A-Za-z0-9%.\-_/]+|\s+|.", s)
    lines: list[str] = []
    line = ""
    for tok in tokens:
        if tok.isspace():
            if line:
                line += " "
            continue
        if line and len(lines) < n - 1 and em(line + tok) > target + 0.5:
            lines.append(line.rstrip())
            line = tok
        else:
            line += tok
    if line.strip():
        lines.append(line.rstrip())
    # no line starts with closing punctuation (，、。 …): it joins the line before
    for k in range(1, len(lines)):
        while lines[k] and lines[k][0] in _NO_LINE_START:
            lines[k - 1] += lines[k][0]
            lines[k] = lines[k][1:]
    return [ln for ln in lines if ln]


def label(s: str) -> graphviz.quoting.NoHtml:
    """A quoted DOT label: each wrapped line escaped, lines joined with DOT's `\\n`."""
    return graphviz.nohtml("\\n".join(dot_text(line) for line in wrap(s)))


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


def _rows(objs: Sequence[Objective]) -> list[list[Objective]]:
    """Split a band into rows of at most `ROW_MAX`, as even as possible (7 → 4 + 3)."""
    n = max(1, math.ceil(len(objs) / ROW_MAX))
    size = math.ceil(len(objs) / n)
    return [list(objs[k:k + size]) for k in range(0, len(objs), size)]


def _node_id(obj_id: str) -> str:
    return "o_" + re.sub(r"[^A-Za-z0-9_]", "_", obj_id)


def map_dot(spec: MapSpec) -> str:
    """The DOT source of a strategy map."""
    order = {p.id: i for i, p in enumerate(spec.perspectives)}
    bands: list[tuple[str, str, list[Objective]]] = [
        (p.id, p.name, [o for o in spec.objectives if o.perspective == p.id]) for p in spec.perspectives]
    others = [o for o in spec.objectives if o.perspective not in order]
    if others:
        bands.append(("_other", "其他", others))
        order["_other"] = len(order)
    bands = [b for b in bands if b[2]]

    g = graphviz.Digraph(
        name=spec.graph_id,
        graph_attr={
            "id": spec.graph_id, "rankdir": "TB", "newrank": "true", "compound": "true",
            "fontname": DOT_FONT, "fontsize": "13", "nodesep": "0.35", "ranksep": "0.45",
            "bgcolor": "transparent", "pad": "0.1",
        },
        node_attr={
            "shape": "box", "style": "rounded,filled", "fontname": DOT_FONT, "fontsize": "12",
            "margin": "0.12,0.06", "width": "1.6", "penwidth": "1.4", "fontcolor": "#1a1a1a",
        },
        edge_attr={"color": EDGE_COLOUR, "arrowsize": "0.7", "penwidth": "1.1", "fontname": DOT_FONT},
    )
    previous_anchor: str | None = None
    for i, (pid, pname, objs) in enumerate(bands):
        with g.subgraph(name=f"cluster_{i}") as c:
            c.attr(label=label(pname), labeljust="l", style="filled,rounded", fillcolor=BAND_FILL,
                   color=BAND_BORDER, fontcolor="#263238", fontsize="13", margin="12",
                   id=f"{spec.graph_id}-band-{i}")
            # a wide band is laid out in several rows of at most ROW_MAX boxes, each row one
            # rank with an invisible anchor; the anchors chained top-down keep rows and bands in order
            for r, row in enumerate(_rows(objs)):
                anchor_id = f"band{i}_{r}"
                c.node(anchor_id, label="", shape="point", width="0", height="0", style="invis",
                       id=f"{spec.graph_id}-anchor-{i}-{r}")
                with c.subgraph() as same:
                    same.attr(rank="same")
                    same.node(anchor_id)
                    for o in row:
                        status = spec.statuses.get(o.id, DEFAULT_STATUS)
                        fill, border = STATUS_COLOURS.get(status, STATUS_COLOURS[DEFAULT_STATUS])
                        tip = f"{o.id} {o.name}（{fmt.status(status)}）"
                        same.node(_node_id(o.id), label=label(o.name), fillcolor=fill, color=border,
                                  URL=graphviz.nohtml(dot_text(spec.href + anchor("o", o.id))),
                                  tooltip=graphviz.nohtml(dot_text(tip)),
                                  id=f"{spec.graph_id}-{anchor('o', o.id)}")
                if previous_anchor is not None:
                    g.edge(previous_anchor, anchor_id, style="invis", weight="50")
                previous_anchor = anchor_id

    shown = {o.id: o for o in spec.objectives}
    rank = {o.id: order.get(o.perspective if o.perspective in order else "_other", 0)
            for o in spec.objectives}
    for o in spec.objectives:
        for target in o.drives:
            if target not in shown:
                continue
            a, b = _node_id(o.id), _node_id(target)
            eid = f"{spec.graph_id}-e-{anchor('x', o.id)[2:]}-{anchor('x', target)[2:]}"
            if rank[o.id] > rank[target]:      # from a lower band up: draw top-down, arrow back
                g.edge(b, a, dir="back", id=eid)
            elif rank[o.id] < rank[target]:    # downward link (unusual): plain arrow
                g.edge(a, b, id=eid)
            else:                              # same band
                g.edge(a, b, constraint="false", id=eid)
    return g.source


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
    """DOT → SVG with `dot`, cached on disk by the sha256 of the DOT source."""

    def __init__(self, cache_dir: Path | None) -> None:
        self.cache_dir = cache_dir
        self.hits = 0
        self.misses = 0

    def svg(self, dot: str, title: str = "战略地图", unit: str | None = None) -> str:
        """The SVG of `dot`; raises `RenderError` naming the map `title` when `dot` fails."""
        key = hashlib.sha256(dot.encode("utf-8")).hexdigest()
        path = self.cache_dir / f"{key}.svg" if self.cache_dir else None
        if path is not None and path.is_file():
            self.hits += 1
            return path.read_text(encoding="utf-8")
        self.misses += 1
        out = _run_dot(dot, title, unit)
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".svg")
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                f.write(out)
            os.replace(tmp, path)
        return out

    def render(self, spec: MapSpec) -> str:
        """The cleaned, inlinable SVG of a map."""
        return clean_svg(self.svg(map_dot(spec), spec.title, spec.unit), spec.title)


def _run_dot(dot: str, title: str, unit: str | None) -> str:
    """`dot -Tsvg`; a missing or failing `dot`, or output that is not SVG, is a `RenderError`."""
    cannot = f"无法生成战略地图“{title}”"
    try:
        out = graphviz.Source(dot).pipe(format="svg", encoding="utf-8")
    except graphviz.ExecutableNotFound:
        raise RenderError(f"{cannot}：找不到 Graphviz 的 dot 程序。请安装 Graphviz"
                          "（Debian：apt-get install graphviz），并确认 dot 在 PATH 中", unit=unit) from None
    except graphviz.CalledProcessError as exc:
        said = exc.stderr.decode("utf-8", "replace") if isinstance(exc.stderr, bytes) else exc.stderr or ""
        last = said.strip().splitlines()[-1:] if said.strip() else []
        detail = "：" + "".join(c if c.isprintable() else "?" for c in last[0][:200]) if last else ""
        raise RenderError(f"{cannot}：dot 运行失败（退出码 {exc.returncode}）{detail}。"
                          "请检查 Graphviz 的安装（dot -V）", unit=unit) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise RenderError(f"{cannot}：无法运行 dot（{exc}）。请检查 Graphviz 的安装（dot -V）",
                          unit=unit) from None
    if "<svg" not in out:
        raise RenderError(f"{cannot}：dot 的输出不是 SVG。请检查 Graphviz 的安装（dot -V）", unit=unit)
    return out


def legend() -> list[tuple[str, str, str, str]]:
    """(status, name, fill, border) for the HTML legend under a map."""
    return [(s, fmt.status(s), fill, border) for s, (fill, border) in STATUS_COLOURS.items()]
