"""Assessment results as downloads: CSV (UTF-8 with BOM, opens in Excel) and XLSX (openpyxl).

Files (docs-relative):

- `units/<id>/<id>-results-<period>.csv|xlsx`: one unit, one period: summary, the scored
  scale, bonus/deduction/veto lines, perspective and objective scores;
- `city/results-<period>.csv|xlsx`: every unit with a result for an annual period (with
  ranks only when the edition shows the ranking);
- internal edition only: `units/<id>/<id>-people-<period>.csv|xlsx`, person-level results.

Every number comes from the same rows as the pages (`resultrows`), rounded the same way: a
`Fixed` value is shown with two decimals (scores, weights, points), a `Factor` with four (the
people's normalisation factor), any other number as written with at most two decimals. Text cells are made formula-safe: in CSV through
`escape.csv_cell`, in XLSX by storing them as strings (openpyxl would otherwise turn "=…" into
a formula). XLSX bytes are deterministic: fixed document dates and zip timestamps.
"""
from __future__ import annotations

import csv
import io
import re
import zipfile
from typing import Iterable, Sequence

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from .escape import csv_cell
from .resultrows import PeriodResult, number

BOM = "\ufeff"
#: document date written into every XLSX (no build time: unchanged data, unchanged bytes)
FIXED_DATE = "2000-01-01T00:00:00Z"
_NUMBER = re.compile(r"-?\d+(\.\d+)?")


class Fixed(float):
    """A number shown with two decimals (scores, weights, points)."""


class Factor(float):
    """A ratio shown with four decimals (the people's normalisation factor)."""


Cell = object
Block = tuple[str | None, Sequence[str] | None, Sequence[Sequence[Cell]]]  # (title, header, rows)


def _text(value: Cell) -> str:
    """A cell as the page shows it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, Fixed):
        return f"{value:.2f}"
    if isinstance(value, Factor):
        return f"{value:.4f}"
    if isinstance(value, (int, float)):
        return number(float(value)) if isinstance(value, float) else str(value)
    return str(value)


def _csv_value(value: Cell) -> str:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _text(value)  # a number we formatted: data, never a formula
    return csv_cell(_text(value))


def csv_blocks(blocks: Iterable[Block]) -> bytes:
    """Blocks (title line, header, rows) separated by blank lines, as Excel-friendly CSV."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    first = True
    for title, header, rows in blocks:
        if not first:
            w.writerow([])
        first = False
        if title:
            w.writerow([csv_cell(title)])
        if header:
            w.writerow([csv_cell(h) for h in header])
        for row in rows:
            w.writerow([_csv_value(c) for c in row])
    return (BOM + buf.getvalue()).encode("utf-8")


def _deterministic(data: bytes) -> bytes:
    """Rewrite an XLSX zip with fixed timestamps (document properties and zip entries)."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                text = body.decode("utf-8")
                text = re.sub(r"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:\2>)",
                              lambda m: m.group(1) + FIXED_DATE + m.group(3), text)
                body = text.encode("utf-8")
            zi = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            dst.writestr(zi, body)
    return out.getvalue()


_HEAD_FONT = Font(bold=True)
_HEAD_FILL = PatternFill("solid", fgColor="ECEFF1")
_TITLE_FONT = Font(bold=True, size=12)


def _put(ws, row: int, col: int, value: Cell):
    cell = ws.cell(row=row, column=col)
    if value is None:
        return cell
    if isinstance(value, bool):
        cell.value = "是" if value else "否"
        cell.data_type = "s"
    elif isinstance(value, Fixed):
        cell.value = round(float(value), 2)
        cell.number_format = "0.00"
    elif isinstance(value, Factor):
        cell.value = round(float(value), 4)
        cell.number_format = "0.0000"
    elif isinstance(value, float):
        cell.value = round(value, 2)
    elif isinstance(value, int):
        cell.value = value
    else:
        cell.value = str(value)
        cell.data_type = "s"  # never a formula, whatever the text starts with
    return cell


def xlsx_sheets(sheets: Iterable[tuple[str, Iterable[Block]]], *, title: str = "") -> bytes:
    """A workbook with one sheet per (name, blocks); headers bold, columns sized to their text."""
    wb = Workbook()
    wb.remove(wb.active)
    wb.properties.title = title or None
    wb.properties.creator = "bscportal"
    for name, blocks in sheets:
        ws = wb.create_sheet(title=name[:31])
        r = 1
        widths: dict[int, float] = {}
        for btitle, header, rows in blocks:
            if btitle:
                _put(ws, r, 1, btitle).font = _TITLE_FONT
                r += 1
            if header:
                for c, h in enumerate(header, 1):
                    cell = _put(ws, r, c, h)
                    cell.font, cell.fill = _HEAD_FONT, _HEAD_FILL
                    cell.alignment = Alignment(vertical="top", wrap_text=True)
                    widths[c] = max(widths.get(c, 0), _width(h))
                r += 1
            for row in rows:
                for c, v in enumerate(row, 1):
                    _put(ws, r, c, v)
                    widths[c] = max(widths.get(c, 0), _width(_text(v)))
                r += 1
            r += 1
        for c, w in widths.items():
            ws.column_dimensions[get_column_letter(c)].width = min(60, max(8, w + 2))
        ws.freeze_panes = None
    buf = io.BytesIO()
    wb.save(buf)
    return _deterministic(buf.getvalue())


def _width(text: str) -> float:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in str(text))


# -- one unit, one period ----------------------------------------------------------------------

ITEM_HEADER = ["层面", "战略目标", "指标编号", "指标名称", "计量单位", "权重", "折算权重", "目标值", "实际值",
               "计分规则", "得分率（%）", "得分", "状态", "缺数处理", "说明"]


def _actual_cell(row) -> Cell:
    v = row.actual_value
    if v is None:
        return "缺数"
    if isinstance(v, bool):
        return v
    return float(v)


def _target_cell(text: str) -> Cell:
    return float(text) if _NUMBER.fullmatch(text) else text


def summary_rows(pr: PeriodResult) -> list[list[Cell]]:
    s = pr.score
    rows: list[list[Cell]] = [
        ["单位", pr.unit.name],
        ["单位编号", pr.unit.id],
        ["考核期", pr.period.name],
        ["考核期编号", pr.period.id],
        ["运行方式", pr.track_name],
        ["基本得分", Fixed(s.base_total)],
        ["加分", Fixed(s.bonus)],
        ["扣分", Fixed(s.deductions)],
        ["一票否决", pr.veto_text],
        ["总分", Fixed(s.total)],
        ["等次", pr.grade_name],
    ]
    if pr.grade_note:
        rows.append(["等次说明", pr.grade_note])
    rows.append(["缺数指标", pr.missing_count])
    rows.append(["缺数处理", pr.missing_rule_text])
    if pr.traditional is not None:
        rows.append(["传统考核等次", pr.traditional_grade_name()])
        if pr.traditional.score is not None:
            rows.append(["传统考核得分", float(pr.traditional.score)])
        if pr.traditional.rank is not None:
            rows.append(["传统考核名次", pr.traditional.rank])
    return rows


def item_rows(pr: PeriodResult) -> list[list[Cell]]:
    out: list[list[Cell]] = []
    for r in pr.rows:
        notes = "；".join(x for x in (r.error and f"无法计分：{r.error}", r.note, *r.warnings) if x)
        out.append([r.perspective, r.objective, r.measure_id, r.name, r.unit, Fixed(r.weight),
                    Fixed(r.effective_weight), _target_cell(r.target), _actual_cell(r), r.rule,
                    None if r.score is None else Fixed(r.score),
                    None if r.points is None else Fixed(r.points), r.status_name, r.treatment, notes])
    if pr.hidden:
        h = pr.hidden
        out.append(["", "", "", f"内部指标 {h.count} 项（公开版不列出，计入总分）", "", Fixed(h.weight),
                    Fixed(h.effective_weight), "", "", "", None, Fixed(h.points), "", "", ""])
    out.append(["合计", "", "", "", "", Fixed(pr.score.nominal_weight),
                Fixed(sum(i.effective_weight for i in pr.score.items) + (pr.hidden.effective_weight if pr.hidden else 0)),
                "", "", "", None, Fixed(pr.score.base_total), "", "", ""])
    return out


def adjustment_rows(pr: PeriodResult) -> list[list[Cell]]:
    out: list[list[Cell]] = [[a.kind_name, a.id, a.name, Fixed(a.claimed), Fixed(a.applied),
                              None if a.max is None else Fixed(a.max)] for a in pr.adjustments]
    if pr.hidden_bonus > 1e-9:
        out.append(["加分", "", "内部加分项", None, Fixed(pr.hidden_bonus), None])
    if pr.hidden_deductions > 1e-9:
        out.append(["扣分", "", "内部扣分项", None, Fixed(pr.hidden_deductions), None])
    out += [["一票否决", vid, name, None, None, None] for vid, name in pr.vetoes]
    return out


ADJ_HEADER = ["类别", "编号", "项目", "申报", "计入", "上限"]


def rollup_blocks(pr: PeriodResult) -> list[Block]:
    return [
        ("层面得分", ["层面", "权重", "得分率（%）", "状态"],
         [[p["name"], Fixed(p["weight"]), None if p["score"] is None else Fixed(p["score"]), p["status_name"]]
          for p in pr.perspectives]),
        ("目标得分", ["目标编号", "战略目标", "层面", "相关权重（含支撑的分卡指标）", "得分率（%）", "状态"],
         [[o["id"], o["name"], o["perspective"], Fixed(o["weight"]),
           None if o["score"] is None else Fixed(o["score"]), o["status_name"]] for o in pr.objectives]),
    ]


def unit_period_blocks(pr: PeriodResult) -> list[Block]:
    title = f"{pr.unit.name} {pr.period.name} 考核结果"
    blocks: list[Block] = [(title, ["项目", "内容"], summary_rows(pr)),
                           ("考核量表得分", ITEM_HEADER, item_rows(pr))]
    adj = adjustment_rows(pr)
    if adj:
        blocks.append(("加分、扣分与一票否决", ADJ_HEADER, adj))
    return blocks + rollup_blocks(pr)


def unit_period_csv(pr: PeriodResult) -> bytes:
    return csv_blocks(unit_period_blocks(pr))


def unit_period_xlsx(pr: PeriodResult) -> bytes:
    blocks = unit_period_blocks(pr)
    adj = adjustment_rows(pr)
    sheets = [("汇总", blocks[:1]), ("考核量表", blocks[1:2])]
    if adj:
        sheets.append(("加减分与否决", [blocks[2]]))
    sheets.append(("层面与目标", rollup_blocks(pr)))
    return xlsx_sheets(sheets, title=blocks[0][0] or "")


def unit_period_name(unit_id: str, period_id: str, suffix: str) -> str:
    return f"{unit_id}-results-{period_id}.{suffix}"


# -- the city, one annual period ---------------------------------------------------------------

def city_header(with_rank: bool) -> list[str]:
    head = ["单位编号", "单位名称", "单位类别", "运行方式", "基本得分", "加分", "扣分", "一票否决", "总分", "等次",
            "传统考核等次", "传统考核得分", "双轨对照", "缺数指标"]
    return (["名次", "类别内名次"] + head) if with_rank else head


def city_rows(entries: Sequence[dict], with_rank: bool) -> list[list[Cell]]:
    """`entries`: dicts with `pr` (PeriodResult), `kind` (name), `rank`, `kind_rank`, `compare`."""
    out = []
    for e in entries:
        pr: PeriodResult = e["pr"]
        s = pr.score
        t = pr.traditional
        row: list[Cell] = [pr.unit.id, pr.unit.name, e["kind"], pr.track_name, Fixed(s.base_total),
                           Fixed(s.bonus), Fixed(s.deductions), pr.veto_text, Fixed(s.total), pr.grade_name,
                           pr.traditional_grade_name() or "", float(t.score) if t and t.score is not None else None,
                           e.get("compare") or "", pr.missing_count]
        out.append(([e["rank"], e["kind_rank"]] + row) if with_rank else row)
    return out


def city_period_csv(title: str, entries: Sequence[dict], with_rank: bool) -> bytes:
    return csv_blocks([(title, city_header(with_rank), city_rows(entries, with_rank))])


def city_period_xlsx(title: str, entries: Sequence[dict], with_rank: bool) -> bytes:
    return xlsx_sheets([("全市考核结果", [(title, city_header(with_rank), city_rows(entries, with_rank))])],
                       title=title)


# -- people (internal edition only) ------------------------------------------------------------

PEOPLE_HEADER = ["人员编号", "姓名", "职务", "岗位数", "岗位（占比、难度系数、岗位得分）", "原始得分",
                 "难度系数合成得分", "归一化系数", "归一化后得分", "领导班子综合评价", "综合评价占比",
                 "调整后得分", "按调整后得分的等次", "传统考核等次", "说明"]


def people_blocks(title: str, people: Sequence[dict]) -> list[Block]:
    """`people`: dicts from `pages.people_results.person_rows`."""
    rows = [[p["id"], p["name"], p["title"], p["post_count"], p["posts_text"], _opt(p["raw"]),
             _opt(p["coefficient_score"]),
             None if p["normalisation"] is None else Factor(p["normalisation"]), _opt(p["normalised_score"]),
             None if p["rating"] is None else float(p["rating"]),
             p["share_text"], _opt(p["adjusted"]), p["grade"], p["traditional"], "；".join(p["flags"])]
            for p in people]
    return [(title, PEOPLE_HEADER, rows)]


def _opt(x: float | None) -> Cell:
    return None if x is None else Fixed(x)


__all__ = ["Fixed", "Factor", "csv_blocks", "xlsx_sheets", "unit_period_csv", "unit_period_xlsx",
           "unit_period_name", "city_period_csv", "city_period_xlsx", "people_blocks", "summary_rows",
           "item_rows", "adjustment_rows"]
