"""Assessment results as downloads (CSV and XLSX through `tabular`).

- `paths.unit_results(unit, period, csv|xlsx)`: one unit, one period: summary, the scored
  scale, bonus/deduction/veto lines, perspective and objective scores;
- `paths.city_results(period, csv|xlsx)`: every unit with a result for an annual period (rank
  columns only where the edition shows the ranking);
- internal edition only: `paths.unit_people_results(...)`, person-level results.

Every cell comes from the same typed rows as the pages (`resultrows`, `annual`,
`peoplerows`) and reads as `fmt` writes it, so a page and its downloads never disagree.
"""
from __future__ import annotations

from typing import Sequence

from ..i18n import record_sep, tr, tr_n, tr_p
from . import fmt, tabular
from .annual import AnnualPeriod
from .peoplerows import PersonRow
from .resultrows import PeriodResult
from .tabular import Block, Cell, csv_blocks, xlsx_sheets
from .tabular import score as num

# -- one unit, one period ----------------------------------------------------------------------

def item_header() -> list[str]:
    return [tr_p("download column", "层面"), tr_p("download column", "战略目标"),
            tr_p("download column", "指标编号"), tr_p("download column", "指标名称"),
            tr_p("download column", "计量单位"), tr_p("download column", "权重"),
            tr_p("download column", "折算权重"), tr_p("download column", "目标值"),
            tr_p("download column", "实际值"), tr_p("download column", "计分规则"),
            tr_p("download column", "得分率（%）"), tr_p("download column", "得分"),
            tr_p("download column", "状态"), tr_p("download column", "缺数处理"),
            tr_p("download column", "说明")]


def adjustment_header() -> list[str]:
    return [tr_p("download column", "类别"), tr_p("download column", "编号"), tr_p("download column", "项目"),
            tr_p("download column", "申报"), tr_p("download column", "计入"), tr_p("download column", "上限")]


def summary_rows(pr: PeriodResult) -> list[list[Cell]]:
    s = pr.score
    rows: list[list[Cell]] = [
        [tr_p("download column", "单位"), pr.unit.name],
        [tr_p("download column", "单位编号"), pr.unit.id],
        [tr_p("download column", "考核期"), pr.period.name],
        [tr_p("download column", "考核期编号"), pr.period.id],
        [tr_p("download column", "运行方式"), pr.track],
        [tr_p("download column", "基本得分"), num(s.base_total)],
        [tr_p("download column", "加分"), num(s.bonus)],
        [tr_p("download column", "扣分"), tabular.deduction(s.deductions)],
        [tr_p("download column", "一票否决"), pr.veto],
        [tr_p("download column", "总分"), num(s.total)],
        [tr_p("download column", "等次"), pr.grade],
    ]
    if pr.grade_note:
        rows.append([tr_p("download column", "等次说明"), pr.grade_note])
    rows.append([tr_p("download column", "缺数指标"), pr.missing_count])
    rows.append([tr_p("download column", "缺数处理"), pr.missing_rule_text])
    t = s.traditional
    if t is not None:
        rows.append([tr_p("download column", "传统考核等次"), pr.traditional_grade])
        if t.score is not None:
            rows.append([tr_p("download column", "传统考核得分"), tabular.value(t.score)])
        if t.rank is not None:
            rows.append([tr_p("download column", "传统考核名次"), t.rank])
        rows.append([tr_p("download column", "双轨对照"), pr.comparison_text])
    return rows


def item_rows(pr: PeriodResult) -> list[list[Cell]]:
    out: list[list[Cell]] = []
    for r in pr.rows:
        line = r.line
        out.append([r.perspective, r.objective, r.measure_id, r.name, r.unit, num(line.weight),
                    num(line.effective_weight), r.target, r.actual, r.rule, num(line.score),
                    num(line.points), fmt.status(r.status), r.treatment, r.notes])
    if pr.hidden:
        h = pr.hidden
        hidden = tr_n("内部指标 {n} 项（公开版不列出，计入总分）", "内部指标 {n} 项（公开版不列出，计入总分）",
                      h.count, n=h.count)
        out.append(["", "", "", hidden, "", num(h.weight),
                    num(h.effective_weight), "", "", "", None, num(h.points), "", "", ""])
    out.append([tr_p("download column", "合计"), "", "", "", "", num(pr.score.nominal_weight),
                num(pr.effective_weight), "", "", "", None, num(pr.score.base_total), "", "", ""])
    return out


def adjustment_rows(pr: PeriodResult) -> list[list[Cell]]:
    out: list[list[Cell]] = []
    for a in pr.adjustments:
        s = a.score
        applied = num(s.applied) if a.kind == "bonus" else tabular.deduction(s.applied)
        out.append([a.kind_name, s.id, s.name, num(s.claimed), applied, num(s.max)])
    if pr.hidden_bonus > 1e-9:
        out.append([tr_p("download column", "加分"), "", tr("内部加分项"), None, num(pr.hidden_bonus), None])
    if pr.hidden_deductions > 1e-9:
        out.append([tr_p("download column", "扣分"), "", tr("内部扣分项"), None,
                    tabular.deduction(pr.hidden_deductions), None])
    out += [[tr_p("download column", "一票否决"), v.id, v.name, None, None, None] for v in pr.vetoes]
    return out


def rollup_blocks(pr: PeriodResult) -> list[Block]:
    return [
        (tr_p("download table", "层面得分"),
         [tr_p("download column", "层面"), tr_p("download column", "权重"),
          tr_p("download column", "得分率（%）"), tr_p("download column", "状态")],
         [[p.name, num(p.weight), num(p.score), fmt.status(p.status)] for p in pr.perspectives]),
        (tr_p("download table", "目标得分"),
         [tr_p("download column", "目标编号"), tr_p("download column", "战略目标"),
          tr_p("download column", "层面"), tr_p("download column", "相关权重（含支撑的分卡指标）"),
          tr_p("download column", "得分率（%）"), tr_p("download column", "状态")],
         [[o.id, o.name, o.perspective, num(o.weight), num(o.score), fmt.status(o.status)]
          for o in pr.objectives]),
    ]


def _title(pr: PeriodResult) -> str:
    return tr("{unit} {period} 考核结果", unit=pr.unit.name, period=pr.period.name)


def _summary_header() -> list[str]:
    return [tr_p("download column", "项目"), tr_p("download column", "内容")]


def unit_period_csv(pr: PeriodResult) -> bytes:
    blocks: list[Block] = [(_title(pr), _summary_header(), summary_rows(pr)),
                           (tr_p("download table", "考核量表得分"), item_header(), item_rows(pr))]
    adj = adjustment_rows(pr)
    if adj:
        blocks.append((tr_p("download table", "加分、扣分与一票否决"), adjustment_header(), adj))
    return csv_blocks(blocks + rollup_blocks(pr))


def unit_period_xlsx(pr: PeriodResult, name: str) -> bytes:
    sheets: list[tuple[str, list[Block]]] = [
        (tr_p("sheet name", "汇总"), [(_title(pr), _summary_header(), summary_rows(pr))]),
        (tr_p("sheet name", "考核量表"), [(tr_p("download table", "考核量表得分"), item_header(), item_rows(pr))]),
    ]
    adj = adjustment_rows(pr)
    if adj:
        sheets.append((tr_p("sheet name", "加减分与否决"),
                       [(tr_p("download table", "加分、扣分与一票否决"), adjustment_header(), adj)]))
    sheets.append((tr_p("sheet name", "层面与目标"), rollup_blocks(pr)))
    return xlsx_sheets(sheets, title=_title(pr), name=name)


# -- the city, one annual period ---------------------------------------------------------------

def city_header(with_rank: bool) -> list[str]:
    head = [tr_p("download column", "单位编号"), tr_p("download column", "单位名称"),
            tr_p("download column", "单位类别"), tr_p("download column", "运行方式"),
            tr_p("download column", "基本得分"), tr_p("download column", "加分"),
            tr_p("download column", "扣分"), tr_p("download column", "一票否决"),
            tr_p("download column", "总分"), tr_p("download column", "等次"),
            tr_p("download column", "传统考核等次"), tr_p("download column", "传统考核得分"),
            tr_p("download column", "双轨对照"), tr_p("download column", "缺数指标")]
    rank = [tr_p("download column", "名次"), tr_p("download column", "类别内名次")]
    return (rank + head) if with_rank else head


def city_rows(ap: AnnualPeriod, with_rank: bool) -> list[list[Cell]]:
    out: list[list[Cell]] = []
    for e in ap.entries:
        pr = e.result
        s, t = pr.score, pr.score.traditional
        row: list[Cell] = [pr.unit.id, pr.unit.name, e.kind, pr.track, num(s.base_total), num(s.bonus),
                           tabular.deduction(s.deductions), pr.veto, num(s.total), pr.grade,
                           pr.traditional_grade or "", tabular.value(t.score) if t and t.score is not None else None,
                           pr.comparison_text, pr.missing_count]
        rank: list[Cell] = [e.rank, e.kind_rank] if with_rank else []
        out.append(rank + row)
    return out


def city_period_csv(title: str, ap: AnnualPeriod, with_rank: bool) -> bytes:
    return csv_blocks([(title, city_header(with_rank), city_rows(ap, with_rank))])


def city_period_xlsx(title: str, ap: AnnualPeriod, with_rank: bool, name: str) -> bytes:
    return xlsx_sheets([(tr_p("sheet name", "全市考核结果"),
                         [(title, city_header(with_rank), city_rows(ap, with_rank))])],
                       title=title, name=name)


# -- people (internal edition only) ------------------------------------------------------------

def people_header() -> list[str]:
    return [tr_p("download column", "人员编号"), tr_p("download column", "姓名"),
            tr_p("download column", "职务"), tr_p("download column", "岗位数"),
            tr_p("download column", "岗位（占比、难度系数、岗位得分）"), tr_p("download column", "原始得分"),
            tr_p("download column", "难度系数合成得分"), tr_p("download column", "归一化系数"),
            tr_p("download column", "归一化后得分"), tr_p("download column", "领导班子综合评价"),
            tr_p("download column", "综合评价占比"), tr_p("download column", "公式得分"),
            tr_p("download column", "领导班子最终调整"), tr_p("download column", "调整理由"),
            tr_p("download column", "调整后得分"), tr_p("download column", "按调整后得分的等次"),
            tr_p("download column", "传统考核等次"), tr_p("download column", "说明")]


def people_blocks(title: str, people: Sequence[PersonRow]) -> list[Block]:
    rows: list[list[Cell]] = [
        [p.id, p.name, p.title, len(p.posts), p.posts_text, num(p.raw), num(p.coefficient_score),
         tabular.factor(p.normalisation), num(p.normalised_score), tabular.value(p.rating),
         fmt.share(p.share) if p.share else fmt.NONE, num(p.formula),
         num(p.score.final_adjustment.applied) if p.score.final_adjustment else fmt.NONE,
         p.score.final_adjustment.reason if p.score.final_adjustment else "", num(p.adjusted), p.grade, p.traditional,
         fmt.join(p.flags, record_sep())]
        for p in people]
    return [(title, people_header(), rows)]
