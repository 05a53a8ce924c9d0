"""Where everything of a strategy map goes: bands, boxes and the routes of the arrows.

Pure geometry in points, y growing downwards, no Graphviz: `maps.py` turns a `Layout` into DOT
with every position fixed and lets Graphviz draw it as given (`neato -n2`).

A map is laid out the way a person draws one:

- **bands**: one per perspective, in the unit's order, top first, every band as wide as the map,
  its name in a column at its left;
- **rows**: a band with more than `ROW_MAX` objectives gets several rows (7 → 4 + 3);
- **order**: the objectives of each row are ordered so that few arrows cross (barycentre sweeps
  over the rows; an arrow that passes rows holds a placeholder in each, as in `dot`), then spread
  evenly over the band's width, every box the same size;
- **arrows** run from the driver to the objective it drives, leave and enter boxes at their top
  or bottom side, and pass each row in between through the gap their placeholder took, as
  straight as that gap allows, as smooth curves: never around the outside of a band. An arrow
  between neighbours of one row runs straight between them; between two boxes of one row that
  are not neighbours, in a flat arc under the row.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Sequence

#: most boxes side by side in one band before it gets another row
ROW_MAX = 5
#: horizontal room between boxes (also what each box gets around it in the densest row)
GAP = 28.0
#: vertical room: inside a band above and below its rows, between rows, between bands
BAND_PAD = 14.0
ROW_GAP = 30.0
BAND_GAP = 12.0
#: the band-name column: padding around the name
LABEL_PAD = 8.0
#: arrowhead length (Graphviz's 10 pt × arrowsize 0.7)
ARROW = 7.0
#: how far an arc between two boxes of one row dips under it
ARC = 16.0
#: share of a box's side where arrows attach
PORT_SPAN = 0.7
#: least distance between two arrows passing one gap, and from a gap's boxes
LANE = 6.0
SWEEPS = 8

Point = tuple[float, float]


@dataclass(frozen=True)
class Rect:
    """A rectangle: left, top, width, height."""

    x: float
    y: float
    w: float
    h: float

    @property
    def cx(self) -> float:
        return self.x + self.w / 2

    @property
    def cy(self) -> float:
        return self.y + self.h / 2

    @property
    def bottom(self) -> float:
        return self.y + self.h

    @property
    def right(self) -> float:
        return self.x + self.w


@dataclass(frozen=True)
class BandSpec:
    """What layout needs of a band: its name's size and its objectives, row by row."""

    label_w: float
    label_h: float
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Route:
    """An arrow: Bézier control points from tail to head (3n + 1 of them), and the arrowhead's tip."""

    tail: str
    head: str
    points: tuple[Point, ...]
    tip: Point


@dataclass(frozen=True)
class Layout:
    width: float
    height: float
    #: where the boxes' room starts (right of the band-name column)
    left: float
    #: each band's rectangle, and where its name goes (the left column)
    bands: tuple[Rect, ...]
    labels: tuple[Rect, ...]
    boxes: dict[str, Rect]
    routes: tuple[Route, ...]


def rows_of(ids: Sequence[str]) -> tuple[tuple[str, ...], ...]:
    """A band's objectives in rows of at most `ROW_MAX`, as even as possible (7 → 4 + 3)."""
    n = max(1, math.ceil(len(ids) / ROW_MAX))
    size = max(1, math.ceil(len(ids) / n))
    return tuple(tuple(ids[k:k + size]) for k in range(0, len(ids), size))


# -- order ------------------------------------------------------------------------------------

Node = str | tuple[int, int]      # an objective id, or (edge index, layer) for a placeholder


def _chains(layer_of: dict[str, int], edges: Sequence[tuple[str, str]]) -> list[list[Node]]:
    """Each edge between different layers as the nodes it passes, top down."""
    chains: list[list[Node]] = []
    for k, (t, h) in enumerate(edges):
        a, b = sorted((t, h), key=lambda n: layer_of[n])
        la, lb = layer_of[a], layer_of[b]
        if la == lb:
            chains.append([])
            continue
        chains.append([a, *((k, layer) for layer in range(la + 1, lb)), b])
    return chains


def _crossings(layers: list[list[Node]], links: list[tuple[Node, Node, int]]) -> int:
    pos = {n: i for layer in layers for i, n in enumerate(layer)}
    by_layer: dict[int, list[tuple[int, int]]] = {}
    for u, v, layer in links:
        by_layer.setdefault(layer, []).append((pos[u], pos[v]))
    total = 0
    for pairs in by_layer.values():
        for i, (a1, b1) in enumerate(pairs):
            for a2, b2 in pairs[i + 1:]:
                if (a1 - a2) * (b1 - b2) < 0:
                    total += 1
    return total


def order(layers: list[list[str]], layer_of: dict[str, int],
          edges: Sequence[tuple[str, str]]) -> list[list[Node]]:
    """Each layer's nodes (objectives and placeholders) left to right, with few crossings."""
    chains = _chains(layer_of, edges)
    current: list[list[Node]] = [list(layer) for layer in layers]
    for chain in chains:
        for node in chain[1:-1]:
            assert isinstance(node, tuple)
            current[node[1]].append(node)
    links = [(c[i], c[i + 1], layer_of[str(c[0])] + i) for c in chains for i in range(len(c) - 1)]
    up: dict[Node, list[Node]] = {}
    down: dict[Node, list[Node]] = {}
    for u, v, _ in links:
        down.setdefault(u, []).append(v)
        up.setdefault(v, []).append(u)

    def sweep(layer: int, neighbours: dict[Node, list[Node]], ref: list[Node]) -> None:
        # positions as fractions of the row's width (the rows are spread over the same width)
        pos = {n: (i + 0.5) / len(ref) for i, n in enumerate(ref)}
        nodes = current[layer]
        keys = {}
        for i, n in enumerate(nodes):
            near = [pos[m] for m in neighbours.get(n, []) if m in pos]
            keys[n] = (sum(near) / len(near) if near else (i + 0.5) / len(nodes), i)
        current[layer] = sorted(nodes, key=lambda n: keys[n])

    def transpose() -> None:
        """Swap neighbours in a row wherever that alone removes crossings."""
        improved = True
        while improved:
            improved = False
            for layer, nodes in enumerate(current):
                near = [lk for lk in links if lk[2] in (layer - 1, layer)]
                for i in range(len(nodes) - 1):
                    before = _crossings(current, near)
                    nodes[i], nodes[i + 1] = nodes[i + 1], nodes[i]
                    if _crossings(current, near) < before:
                        improved = True
                    else:
                        nodes[i], nodes[i + 1] = nodes[i + 1], nodes[i]

    best = [list(layer) for layer in current]
    best_cost = _crossings(current, links)
    for _ in range(SWEEPS):
        for layer in range(1, len(current)):
            sweep(layer, up, current[layer - 1])
        for layer in range(len(current) - 2, -1, -1):
            sweep(layer, down, current[layer + 1])
        transpose()
        cost = _crossings(current, links)
        if cost <= best_cost:
            best, best_cost = [list(layer) for layer in current], cost
    return best


# -- positions --------------------------------------------------------------------------------

def _spread(wanted: list[float], lo: float, hi: float) -> list[float]:
    """Positions as close to `wanted` (in this order) as fit in [lo, hi], `LANE` apart."""
    if not wanted:
        return []
    if hi - lo < LANE * (len(wanted) - 1):
        step = (hi - lo) / max(1, len(wanted) + 1)
        return [lo + step * (i + 1) for i in range(len(wanted))]
    xs = [min(max(w, lo), hi) for w in wanted]
    for i in range(1, len(xs)):
        xs[i] = max(xs[i], xs[i - 1] + LANE)
    xs[-1] = min(xs[-1], hi)
    for i in range(len(xs) - 2, -1, -1):
        xs[i] = min(xs[i], xs[i + 1] - LANE)
    return xs


def _curve(path: list[Point]) -> list[Point]:
    """A smooth curve through `path` (top down): cubic segments with vertical tangents."""
    out = [path[0]]
    for a, b in zip(path, path[1:]):
        d = (b[1] - a[1]) / 2
        out += [(a[0], a[1] + d), (b[0], b[1] - d), b]
    return out


def _line(a: Point, b: Point) -> list[Point]:
    return [a, (a[0] + (b[0] - a[0]) / 3, a[1] + (b[1] - a[1]) / 3),
            (a[0] + 2 * (b[0] - a[0]) / 3, a[1] + 2 * (b[1] - a[1]) / 3), b]


def _gaps(nodes: list[Node]) -> list[list[int]]:
    """The placeholders (edge indexes) in each gap of a row: before the first box, between
    boxes, after the last."""
    gaps: list[list[int]] = [[]]
    for n in nodes:
        if isinstance(n, str):
            gaps.append([])
        else:
            gaps[-1].append(n[0])
    return gaps


def _box_index(nodes: list[Node], g: int) -> int:
    """The index in `nodes` of the box after gap `g`."""
    seen = -1
    for i, n in enumerate(nodes):
        if isinstance(n, str):
            seen += 1
            if seen == g:
                return i
    raise IndexError(g)


def _least(gaps: list[list[int]]) -> list[float]:
    """The least width of each gap: room between boxes (half of it at the ends), and a lane for
    each arrow passing it."""
    last = len(gaps) - 1
    return [(GAP / 2 if g in (0, last) else GAP) + len(m) * LANE + (2 * LANE if m else 0.0)
            for g, m in enumerate(gaps)]


def _needed(gaps: list[list[int]], box_w: float) -> float:
    return (len(gaps) - 1) * box_w + sum(_least(gaps))


def _gap_widths(gaps: list[list[int]], box_w: float, inner: float) -> list[float]:
    """Each gap's width when the row fills `inner`: the room left over shared so that the boxes
    spread evenly (every gap between boxes gets the same extra, the two ends half of it)."""
    least = _least(gaps)
    spare = max(0.0, inner - _needed(gaps, box_w))
    boxes = len(gaps) - 1
    if boxes == 0:
        return [inner]
    share = spare / boxes
    return [w + (share / 2 if g in (0, boxes) else share) for g, w in enumerate(least)]


def layout(bands: Sequence[BandSpec], box_w: float, box_h: float,
           edges: Sequence[tuple[str, str]]) -> Layout:
    """The whole map: `edges` are (driver, driven) pairs of objectives on the map."""
    layers = [list(row) for band in bands for row in band.rows]
    layer_of = {n: i for i, layer in enumerate(layers) for n in layer}
    edges = list(dict.fromkeys((t, h) for t, h in edges if t in layer_of and h in layer_of and t != h))
    ordered = order(layers, layer_of, edges)

    label_col = max((b.label_w for b in bands), default=0.0) + 2 * LABEL_PAD
    groups = [_gaps(nodes) for nodes in ordered]
    inner = max((_needed(g, box_w) for g in groups), default=box_w + GAP)
    width = label_col + inner

    # rows and bands, top down
    row_top: list[float] = []
    band_rects: list[Rect] = []
    label_rects: list[Rect] = []
    y = 0.0
    for band in bands:
        top = y
        y += BAND_PAD
        for r in range(len(band.rows)):
            row_top.append(y)
            y += box_h + (ROW_GAP if r < len(band.rows) - 1 else 0.0)
        y += BAND_PAD
        height = max(y - top, band.label_h + 2 * LABEL_PAD)
        band_rects.append(Rect(0.0, top, width, height))
        label_rects.append(Rect(LABEL_PAD, top + (height - band.label_h) / 2, label_col - 2 * LABEL_PAD,
                                band.label_h))
        y = top + height + BAND_GAP
    height = y - BAND_GAP

    # boxes spread over the row, each gap as wide as the arrows through it need; then the
    # arrows' places in their gaps, as near to the straight line between their ends as fits
    boxes: dict[str, Rect] = {}
    spans: list[list[tuple[float, float]]] = []
    for i, gaps in enumerate(groups):
        widths = _gap_widths(gaps, box_w, inner)
        x = label_col
        row_spans = []
        for g, members in enumerate(gaps):
            row_spans.append((x, x + widths[g]))
            x += widths[g]
            if g < len(gaps) - 1:
                boxes[str(ordered[i][_box_index(ordered[i], g)])] = Rect(x, row_top[i], box_w, box_h)
                x += box_w
        spans.append(row_spans)
    passes: dict[tuple[int, int], float] = {}
    for i, gaps in enumerate(groups):
        for (lo, hi), members in zip(spans[i], gaps):
            wanted = []
            for k in members:
                upper, lower = sorted((boxes[edges[k][0]], boxes[edges[k][1]]), key=lambda r: r.y)
                f = (row_top[i] + box_h / 2 - upper.cy) / max(1.0, lower.cy - upper.cy)
                wanted.append(upper.cx + (lower.cx - upper.cx) * f)
            for k, x in zip(members, _spread(wanted, lo + LANE, hi - LANE)):
                passes[(k, i)] = x

    # the first point beyond each end of each arrow, to place the ends on the boxes' sides
    ends: dict[tuple[str, str], list[tuple[float, int]]] = {}
    for k, (t, h) in enumerate(edges):
        if layer_of[t] == layer_of[h]:
            continue
        a, b = sorted((t, h), key=lambda n: layer_of[n])
        mids = [passes[(k, i)] for i in range(layer_of[a] + 1, layer_of[b])]
        ends.setdefault((a, "bottom"), []).append((mids[0] if mids else boxes[b].cx, k))
        ends.setdefault((b, "top"), []).append((mids[-1] if mids else boxes[a].cx, k))
    port: dict[tuple[int, str], float] = {}
    for (n, side), items in ends.items():
        box = boxes[n]
        items.sort()
        for j, (toward, k) in enumerate(items):
            if len(items) == 1:
                x = min(max(toward, box.cx - box.w * PORT_SPAN / 2), box.cx + box.w * PORT_SPAN / 2)
            else:
                x = box.cx + box.w * PORT_SPAN * ((j + 0.5) / len(items) - 0.5)
            port[(k, n)] = x

    routes: list[Route] = []
    for k, (t, h) in enumerate(edges):
        rt, rh = boxes[t], boxes[h]
        if layer_of[t] == layer_of[h]:
            routes.append(_same_row(t, h, rt, rh, ordered[layer_of[t]]))
            continue
        a, b = sorted((t, h), key=lambda n: layer_of[n])
        ra, rb = boxes[a], boxes[b]
        path: list[Point] = [(port[(k, a)], ra.bottom)]
        for i in range(layer_of[a] + 1, layer_of[b]):
            x = passes[(k, i)]
            path += [(x, row_top[i]), (x, row_top[i] + box_h)]
        path.append((port[(k, b)], rb.y))
        if h == a:      # arrow up (the usual way: a lower perspective drives a higher one)
            tip = path[0]
            path[0] = (tip[0], tip[1] + ARROW)
            routes.append(Route(t, h, tuple(reversed(_curve(path))), tip))
        else:
            tip = path[-1]
            path[-1] = (tip[0], tip[1] - ARROW)
            routes.append(Route(t, h, tuple(_curve(path)), tip))
    return Layout(width, height, label_col, tuple(band_rects), tuple(label_rects), boxes, tuple(routes))


def _same_row(t: str, h: str, rt: Rect, rh: Rect, row: list[Node]) -> Route:
    """An arrow between two boxes of one row: straight between neighbours, else an arc under."""
    real = [n for n in row if isinstance(n, str)]
    if abs(real.index(t) - real.index(h)) == 1:
        sign = 1.0 if rh.cx > rt.cx else -1.0
        start = (rt.cx + sign * rt.w / 2, rt.cy)
        tip = (rh.cx - sign * rh.w / 2, rh.cy)
        return Route(t, h, tuple(_line(start, (tip[0] - sign * ARROW, tip[1]))), tip)
    toward = 1.0 if rh.cx > rt.cx else -1.0
    start = (rt.cx + toward * rt.w / 4, rt.bottom)
    tip = (rh.cx - toward * rh.w / 4, rh.bottom)
    end = (tip[0], tip[1] + ARROW)
    return Route(t, h, (start, (start[0], start[1] + ARC), (end[0], end[1] + ARC), end), tip)
