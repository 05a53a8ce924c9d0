"""Charts drawn at build time as plain SVG strings: trend lines and horizontal bars.

No plotting library and no script: every chart is a few hundred bytes of SVG built here, with
every text escaped for XML, a CJK font fallback chain, `<title>`/`<desc>` and `role="img"` for
screen readers, and a `<title>` on each mark (hover tooltip). Each `Chart` also carries its
numbers as an HTML table (`Chart.table`), so no number lives only in a picture: pages put the
table beside or behind the chart.

Output is deterministic (coordinates rounded to 0.1 px, no random ids), so an unchanged chart
leaves its staged file unchanged.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable, Sequence

from markupsafe import Markup, escape

from ..i18n import colon, paren, tr, tr_p
from . import fmt
from .style import FONT_FAMILY, PALETTE
from .textwidth import clip as _clip
from .textwidth import em

#: series differ by marker and dash too (the palette is colour-blind safe), so they never
#: depend on colour alone
MARKERS = ("circle", "square", "triangle", "diamond")
AXIS = "#455a64"
GRID = "#e0e0e0"
REF = "#90a4ae"
TEXT = "#263238"


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[float | None, ...]
    #: draw with a dashed line (lines) or a hatched-looking lighter fill (bars)
    dashed: bool = False
    colour: str | None = None


@dataclass(frozen=True)
class RefLine:
    """A reference value drawn across the plot, e.g. a grade's minimum score."""

    value: float
    label: str


@dataclass(frozen=True)
class Chart:
    id: str
    title: str
    desc: str
    #: category labels as lines (a period: ("2008", "一季度")); joined for the table
    categories: tuple[tuple[str, ...], ...]
    series: tuple[Series, ...]
    svg: Markup
    show: Callable[[float | None], str] = fmt.score
    #: heading of the table's first column ("" for the default, 类别)
    category_head: str = ""

    def category_text(self, i: int) -> str:
        return " ".join(self.categories[i])

    @property
    def table(self) -> Markup:
        """The chart's numbers: one row per category, one column per series."""
        head = "".join(f"<th scope=\"col\">{escape(s.name)}</th>" for s in self.series)
        rows = []
        caption = self.title + paren(tr("图表数据"))
        for i in range(len(self.categories)):
            cells = "".join(f"<td class=\"bsc-num\">{escape(self.show(s.values[i]))}</td>"
                            for s in self.series)
            rows.append(f"<tr><th scope=\"row\">{escape(self.category_text(i))}</th>{cells}</tr>")
        return Markup(
            f"<table class=\"bsc-table bsc-chart-data\" id=\"{escape(self.id)}-data\">"
            f"<caption>{escape(caption)}</caption>"
            f"<thead><tr><th scope=\"col\">{escape(self.category_head or _default_head())}</th>{head}</tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table>")


# -- helpers -----------------------------------------------------------------------------------

def _default_head() -> str:
    """The heading of a chart table's first column when the chart names none."""
    return tr_p("chart table", "类别")


def _n(x: float) -> str:
    """A coordinate: one decimal, no trailing zeros."""
    text = f"{x:.1f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


#: chart text is proportional: Latin letters are about 0.55 em
NARROW_EM = 0.55


def text_em(s: str) -> float:
    """Rough display width in em: CJK and full-width characters 1, others 0.55."""
    return em(s, NARROW_EM)


def clip(s: str, max_em: float) -> str:
    """`s`, shortened with "…" to fit `max_em`."""
    return _clip(s, max_em, NARROW_EM)


def nice_step(span: float, target_ticks: int = 5) -> float:
    """A 1/2/2.5/5 × 10ⁿ step giving about `target_ticks` intervals over `span`."""
    if span <= 0 or not math.isfinite(span):
        return 1.0
    raw = span / target_ticks
    mag = 10 ** math.floor(math.log10(raw))
    for m in (1, 2, 2.5, 5, 10):
        if raw <= m * mag:
            return m * mag
    return 10 * mag


def nice_range(values: Sequence[float], *, include: Sequence[float] = (), floor: float | None = None,
               ceiling: float | None = None, ticks: int = 5) -> tuple[float, float, float]:
    """(low, high, step): a tidy axis covering `values` and `include`."""
    data = [v for v in list(values) + list(include) if v is not None and math.isfinite(v)]
    if not data:
        lo, hi = 0.0, 100.0
    else:
        lo, hi = min(data), max(data)
    if hi - lo < 1e-9:
        lo, hi = lo - 5, hi + 5
    pad = (hi - lo) * 0.08
    lo, hi = lo - pad, hi + pad
    if floor is not None:
        lo = max(lo, floor)
    if ceiling is not None:
        hi = min(hi, ceiling)
    step = nice_step(hi - lo, ticks)
    lo = math.floor(lo / step) * step
    hi = math.ceil(hi / step) * step
    if floor is not None:
        lo = max(lo, floor)
    return lo, hi, step


def _ticks(lo: float, hi: float, step: float) -> list[float]:
    out, v, i = [], lo, 0
    while v <= hi + step * 1e-6:
        out.append(round(v, 10))
        i += 1
        v = lo + i * step
    return out


def _tick_text(v: float, step: float) -> str:
    """A tick value with as many decimals as the step needs (2.5 → one, 0.25 → two)."""
    d = 0
    while d < 6 and abs(step * 10 ** d - round(step * 10 ** d)) > 1e-9:
        d += 1
    text = f"{v:.{d}f}"
    return "0" if text.lstrip("-").strip("0.") == "" else fmt.number(text)


def _value_grid(lo: float, hi: float, step: float, pos: Callable[[float], float], *,
                across: tuple[float, float], label_at: float, vertical: bool) -> list[str]:
    """The value axis: a grid line and a label per tick. Grid lines run across the plot
    (`across`: from, to), vertical for horizontal bars, horizontal for a line chart."""
    out = []
    a, b = across
    for t in _ticks(lo, hi, step):
        p = _n(pos(t))
        if vertical:
            out.append(f"<line x1=\"{p}\" y1=\"{_n(a)}\" x2=\"{p}\" y2=\"{_n(b)}\" stroke=\"{GRID}\"/>")
            out.append(f"<text x=\"{p}\" y=\"{_n(label_at)}\" text-anchor=\"middle\" fill=\"{AXIS}\">"
                       f"{_tick_text(t, step)}</text>")
        else:
            out.append(f"<line x1=\"{_n(a)}\" y1=\"{p}\" x2=\"{_n(b)}\" y2=\"{p}\" stroke=\"{GRID}\"/>")
            out.append(f"<text x=\"{_n(label_at)}\" y=\"{_n(pos(t) + 4)}\" text-anchor=\"end\" fill=\"{AXIS}\">"
                       f"{_tick_text(t, step)}</text>")
    return out


def _ref_lines(refs: Sequence[RefLine], lo: float, hi: float, pos: Callable[[float], float], *,
               across: tuple[float, float], vertical: bool) -> list[str]:
    """Dashed reference lines across the plot, labelled at their end (those outside the axis
    range are left out)."""
    out = []
    a, b = across
    for r in refs:
        if not lo <= r.value <= hi:
            continue
        p = pos(r.value)
        if vertical:
            line = f"x1=\"{_n(p)}\" y1=\"{_n(a)}\" x2=\"{_n(p)}\" y2=\"{_n(b)}\""
            label = f"x=\"{_n(p)}\" y=\"{_n(a - 3)}\" text-anchor=\"middle\""
        else:
            line = f"x1=\"{_n(a)}\" y1=\"{_n(p)}\" x2=\"{_n(b)}\" y2=\"{_n(p)}\""
            label = f"x=\"{_n(b - 2)}\" y=\"{_n(p - 3)}\" text-anchor=\"end\""
        out.append(f"<g class=\"bsc-chart-ref\"><line {line} stroke=\"{REF}\" stroke-dasharray=\"2 3\"/>"
                   f"<text {label} fill=\"{AXIS}\" font-size=\"10\">{escape(r.label)}</text></g>")
    return out


def _marker(kind: str, x: float, y: float, colour: str, tip: str) -> str:
    tip_el = f"<title>{escape(tip)}</title>"
    if kind == "square":
        return (f"<rect x=\"{_n(x - 3.5)}\" y=\"{_n(y - 3.5)}\" width=\"7\" height=\"7\" fill=\"{colour}\" "
                f"stroke=\"#fff\" stroke-width=\"1\">{tip_el}</rect>")
    if kind == "triangle":
        pts = f"{_n(x)},{_n(y - 4.5)} {_n(x + 4.5)},{_n(y + 3.5)} {_n(x - 4.5)},{_n(y + 3.5)}"
        return f"<polygon points=\"{pts}\" fill=\"{colour}\" stroke=\"#fff\" stroke-width=\"1\">{tip_el}</polygon>"
    if kind == "diamond":
        pts = f"{_n(x)},{_n(y - 5)} {_n(x + 5)},{_n(y)} {_n(x)},{_n(y + 5)} {_n(x - 5)},{_n(y)}"
        return f"<polygon points=\"{pts}\" fill=\"{colour}\" stroke=\"#fff\" stroke-width=\"1\">{tip_el}</polygon>"
    return (f"<circle cx=\"{_n(x)}\" cy=\"{_n(y)}\" r=\"4\" fill=\"{colour}\" stroke=\"#fff\" "
            f"stroke-width=\"1\">{tip_el}</circle>")


def _open(chart_id: str, title: str, desc: str, width: float, height: float) -> list[str]:
    cid = escape(chart_id)
    return [
        f"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"bsc-chart-svg\" id=\"{cid}\" "
        f"viewBox=\"0 0 {_n(width)} {_n(height)}\" width=\"{_n(width)}\" height=\"{_n(height)}\" "
        f"role=\"img\" aria-labelledby=\"{cid}-title {cid}-desc\" "
        f"font-family=\"{FONT_FAMILY}\" font-size=\"12\">",
        f"<title id=\"{cid}-title\">{escape(title)}</title>",
        f"<desc id=\"{cid}-desc\">{escape(desc)}</desc>",
        f"<rect width=\"{_n(width)}\" height=\"{_n(height)}\" fill=\"#fff\"/>",
        f"<text x=\"8\" y=\"18\" font-size=\"14\" font-weight=\"bold\" fill=\"{TEXT}\">{escape(title)}</text>",
    ]


def _legend(series: Sequence[Series], colours: Sequence[str], x: float, y: float, *,
            lines: bool) -> list[str]:
    out = ["<g class=\"bsc-chart-legend\">"]
    for i, s in enumerate(series):
        c = colours[i]
        if lines:
            dash = " stroke-dasharray=\"5 3\"" if s.dashed else ""
            out.append(f"<line x1=\"{_n(x)}\" y1=\"{_n(y - 4)}\" x2=\"{_n(x + 22)}\" y2=\"{_n(y - 4)}\" "
                       f"stroke=\"{c}\" stroke-width=\"2\"{dash}/>")
            out.append(_marker(MARKERS[i % len(MARKERS)], x + 11, y - 4, c, s.name))
        else:
            opacity = " fill-opacity=\"0.45\"" if s.dashed else ""
            out.append(f"<rect x=\"{_n(x + 4)}\" y=\"{_n(y - 10)}\" width=\"14\" height=\"10\" fill=\"{c}\"{opacity} "
                       f"stroke=\"{c}\"/>")
        out.append(f"<text x=\"{_n(x + 27)}\" y=\"{_n(y)}\" fill=\"{TEXT}\">{escape(s.name)}</text>")
        x += 27 + text_em(s.name) * 12 + 16
    out.append("</g>")
    return out


def _colours(series: Sequence[Series]) -> list[str]:
    return [s.colour or PALETTE[i % len(PALETTE)] for i, s in enumerate(series)]


# -- line chart --------------------------------------------------------------------------------

def line_chart(*, chart_id: str, title: str, desc: str, categories: Sequence[Sequence[str]],
               series: Sequence[Series], refs: Sequence[RefLine] = (), y_label: str = "",
               floor: float | None = None, ceiling: float | None = None, value_labels: bool = False,
               show: Callable[[float | None], str] = fmt.score, category_head: str = "",
               width: float = 720, height: float = 300) -> Chart:
    """Values over categories (periods), one line per series.

    A series' line joins its consecutive values and skips categories where it has none (a
    quarterly series passes over the annual periods); every value gets a marker with a tooltip.
    """
    cats = tuple(tuple(c) for c in categories)
    for s in series:
        if len(s.values) != len(cats):
            raise ValueError(f"series {s.name!r} has {len(s.values)} values for {len(cats)} categories")
    colours = _colours(series)
    values = [v for s in series for v in s.values if v is not None]
    lo, hi, step = nice_range(values, include=[r.value for r in refs], floor=floor, ceiling=ceiling)
    label_lines = max((len(c) for c in cats), default=1)
    left, right, top = 52.0, 16.0, 66.0 if y_label else 58.0
    bottom = 18.0 + 14.0 * label_lines
    pw, ph = width - left - right, height - top - bottom
    n = max(len(cats), 1)
    step_x = pw / n

    def sx(i: int) -> float:
        return left + (i + 0.5) * step_x

    def sy(v: float) -> float:
        return top + ph - (v - lo) / (hi - lo) * ph

    out = _open(chart_id, title, desc, width, height)
    out += _legend(series, colours, left, 40, lines=True)
    out.append("<g class=\"bsc-chart-axes\">")
    out += _value_grid(lo, hi, step, sy, across=(left, left + pw), label_at=left - 6, vertical=False)
    out.append(f"<line x1=\"{_n(left)}\" y1=\"{_n(top + ph)}\" x2=\"{_n(left + pw)}\" y2=\"{_n(top + ph)}\" "
               f"stroke=\"{AXIS}\"/>")
    for i, lines in enumerate(cats):
        x = sx(i)
        out.append(f"<line x1=\"{_n(x)}\" y1=\"{_n(top + ph)}\" x2=\"{_n(x)}\" y2=\"{_n(top + ph + 4)}\" stroke=\"{AXIS}\"/>")
        spans = "".join(f"<tspan x=\"{_n(x)}\" dy=\"{0 if j == 0 else 14}\">{escape(line)}</tspan>"
                        for j, line in enumerate(lines))
        out.append(f"<text x=\"{_n(x)}\" y=\"{_n(top + ph + 17)}\" text-anchor=\"middle\" fill=\"{AXIS}\">{spans}</text>")
    if y_label:
        out.append(f"<text x=\"8\" y=\"{_n(top - 10)}\" fill=\"{AXIS}\" "
                   f"font-size=\"11\">{escape(y_label)}</text>")
    out.append("</g>")
    out += _ref_lines(refs, lo, hi, sy, across=(left, left + pw), vertical=False)
    for si, s in enumerate(series):
        c = colours[si]
        pts = [(sx(i), sy(v), v, i) for i, v in enumerate(s.values) if v is not None]
        out.append(f"<g class=\"bsc-chart-series\" data-series=\"{escape(s.name)}\">")
        if len(pts) > 1:
            dash = " stroke-dasharray=\"6 4\"" if s.dashed else ""
            d = " ".join(("M" if k == 0 else "L") + f"{_n(x)},{_n(y)}" for k, (x, y, _, _) in enumerate(pts))
            out.append(f"<path d=\"{d}\" fill=\"none\" stroke=\"{c}\" stroke-width=\"2\"{dash}/>")
        for x, y, v, i in pts:
            tip = f"{s.name} · {' '.join(cats[i])}" + colon() + show(v)
            out.append(_marker(MARKERS[si % len(MARKERS)], x, y, c, tip))
            if value_labels:
                out.append(f"<text x=\"{_n(x)}\" y=\"{_n(y - 8)}\" text-anchor=\"middle\" font-size=\"10\" "
                           f"fill=\"{TEXT}\">{escape(show(v))}</text>")
        out.append("</g>")
    out.append("</svg>")
    return Chart(chart_id, title, desc, cats, tuple(series), Markup("".join(out)), show, category_head)


# -- horizontal bars ---------------------------------------------------------------------------

def bar_chart(*, chart_id: str, title: str, desc: str, labels: Sequence[str], series: Sequence[Series],
              refs: Sequence[RefLine] = (), show: Callable[[float | None], str] = fmt.score,
              category_head: str = "", zero: bool = True, width: float = 720,
              label_em: float = 10.0) -> Chart:
    """One row per label, one bar per series in each row, value printed at the bar's end.

    Bars start at 0 (`zero=True`) so their lengths compare honestly; a missing value draws no
    bar and prints `fmt.missing()`.
    """
    cats = tuple((str(l),) for l in labels)
    for s in series:
        if len(s.values) != len(cats):
            raise ValueError(f"series {s.name!r} has {len(s.values)} values for {len(cats)} rows")
    colours = _colours(series)
    values = [v for s in series for v in s.values if v is not None]
    lo, hi, step = nice_range(values, include=([0.0] if zero else []) + [r.value for r in refs],
                              floor=0.0 if zero else None)
    if zero:
        lo = 0.0
    bar_h = 12.0
    row_h = bar_h * len(series) + 8.0
    left = 12.0 + label_em * 12.0
    right, top = 56.0, 58.0 if len(series) > 1 else 40.0
    ph = row_h * len(cats)
    height = top + ph + 28.0
    pw = width - left - right

    def sx(v: float) -> float:
        return left + (v - lo) / (hi - lo) * pw

    out = _open(chart_id, title, desc, width, height)
    if len(series) > 1:
        out += _legend(series, colours, left, 40, lines=False)
    out.append("<g class=\"bsc-chart-axes\">")
    out += _value_grid(lo, hi, step, sx, across=(top, top + ph), label_at=top + ph + 16, vertical=True)
    out.append(f"<line x1=\"{_n(sx(lo))}\" y1=\"{_n(top)}\" x2=\"{_n(sx(lo))}\" y2=\"{_n(top + ph)}\" stroke=\"{AXIS}\"/>")
    out.append("</g>")
    for i, (label,) in enumerate(cats):
        y0 = top + i * row_h + 4
        out.append(f"<text x=\"{_n(left - 6)}\" y=\"{_n(y0 + row_h / 2)}\" text-anchor=\"end\" fill=\"{TEXT}\">"
                   f"<title>{escape(label)}</title>{escape(clip(label, label_em))}</text>")
        for si, s in enumerate(series):
            v = s.values[i]
            y = y0 + si * bar_h
            if v is None:
                out.append(f"<text x=\"{_n(left + 4)}\" y=\"{_n(y + bar_h - 2)}\" fill=\"{AXIS}\" font-size=\"10\">{escape(fmt.missing())}</text>")
                continue
            x0, x1 = sx(max(lo, min(0.0, v))), sx(max(lo, v))
            opacity = " fill-opacity=\"0.45\"" if s.dashed else ""
            tip = f"{label} · {s.name}" + colon() + show(v)
            out.append(f"<rect x=\"{_n(min(x0, x1))}\" y=\"{_n(y)}\" width=\"{_n(abs(x1 - x0))}\" "
                       f"height=\"{_n(bar_h - 1)}\" fill=\"{colours[si]}\" stroke=\"{colours[si]}\"{opacity}>"
                       f"<title>{escape(tip)}</title></rect>")
            out.append(f"<text x=\"{_n(max(x0, x1) + 4)}\" y=\"{_n(y + bar_h - 2)}\" font-size=\"10\" "
                       f"fill=\"{TEXT}\">{escape(show(v))}</text>")
    out += _ref_lines(refs, lo, hi, sx, across=(top - 4, top + ph), vertical=True)
    out.append("</svg>")
    return Chart(chart_id, title, desc, cats, tuple(series), Markup("".join(out)), show, category_head)


__all__ = ["Chart", "Series", "RefLine", "line_chart", "bar_chart", "nice_range", "nice_step", "clip",
           "text_em"]
