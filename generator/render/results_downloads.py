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

from . import fmt, tabular
from .annual import AnnualPeriod
from .peoplerows import PersonRow
from .resultrows import PeriodResult
from .tabular import Block, Cell, csv_blocks, xlsx_sheets
from .tabular import score as num

# -- one unit, one period ----------------------------------------------------------------------

ITEM_HEADER = ["层面", "战略目标", "指标编号", "指标名称", "计量单位", "权重", "折算权重", "目标值", "实际值",
               "计分规则", "得分率（%）", "得分", "状态", "缺数处理", "说明"]
ADJ_HEADER = ["类别", "编号", "项目", "申报", "计入", "上限"]


def summary_rows(pr: PeriodResult) -> list[list[Cell]]:
    s = pr.score
    rows: list[list[Cell]] = [
        ["单位", pr.unit.name],
        ["单位编号", pr.unit.id],
        ["考核期", pr.period.name],
        ["考核期编号", pr.period.id],
        ["运行方式", pr.track],
        ["基本得分", num(s.base_total)],
        ["加分", num(s.bonus)],
        ["扣分", tabular.deduction(s.deductions)],
        ["一票否决", pr.veto],
        ["总分", num(s.total)],
        ["等次", pr.grade],
    ]
    if pr.grade_note:
        rows.append(["等次说明", pr.grade_note])
    rows.append(["缺数指标", pr.missing_count])
    rows.append(["缺数处理", pr.missing_rule_text])
    t = s.traditional
    if t is not None:
        rows.append(["传统考核等次", pr.traditional_grade])
        if t.score is not None:
            rows.append(["传统考核得分", tabular.value(t.score)])
        if t.rank is not None:
            rows.append(["传统考核名次", t.rank])
        rows.append(["双轨对照", pr.comparison_text])
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
        out.append(["", "", "", f"内部指标 {h.count} 项（公开版不列出，计入总分）", "", num(h.weight),
                    num(h.effective_weight), "", "", "", None, num(h.points), "", "", ""])
    out.append(["合计", "", "", "", "", num(pr.score.nominal_weight), num(pr.effective_weight),
                "", "", "", None, num(pr.score.base_total), "", "", ""])
    return out


def adjustment_rows(pr: PeriodResult) -> list[list[Cell]]:
    out: list[list[Cell]] = []
    for a in pr.adjustments:
        s = a.score
        applied = num(s.applied) if a.kind == "bonus" else tabular.deduction(s.applied)
        out.append([a.kind_name, s.id, s.name, num(s.claimed), applied, num(s.max)])
    if pr.hidden_bonus > 1e-9:
        out.append(["加分", "", "内部加分项", None, num(pr.hidden_bonus), None])
    if pr.hidden_deductions > 1e-9:
        out.append(["扣分", "", "内部扣分项", None, tabular.deduction(pr.hidden_deductions), None])
    out += [["一票否决", v.id, v.name, None, None, None] for v in pr.vetoes]
    return out


def rollup_blocks(pr: PeriodResult) -> list[Block]:
    return [
        ("层面得分", ["层面", "权重", "得分率（%）", "状态"],
         [[p.name, num(p.weight), num(p.score), fmt.status(p.status)] for p in pr.perspectives]),
        ("目标得分", ["目标编号", "战略目标", "层面", "相关权重（含支撑的分卡指标）", "得分率（%）", "状态"],
         [[o.id, o.name, o.perspective, num(o.weight), num(o.score), fmt.status(o.status)]
          for o in pr.objectives]),
    ]


def _title(pr: PeriodResult) -> str:
    return f"{pr.unit.name} {pr.period.name} 考核结果"


def unit_period_csv(pr: PeriodResult) -> bytes:
    blocks: list[Block] = [(_title(pr), ["项目", "内容"], summary_rows(pr)),
                           ("考核量表得分", ITEM_HEADER, item_rows(pr))]
    adj = adjustment_rows(pr)
    if adj:
        blocks.append(("加分、扣分与一票否决", ADJ_HEADER, adj))
    return csv_blocks(blocks + rollup_blocks(pr))


def unit_period_xlsx(pr: PeriodResult, name: str) -> bytes:
    sheets: list[tuple[str, list[Block]]] = [
        ("汇总", [(_title(pr), ["项目", "内容"], summary_rows(pr))]),
        ("考核量表", [("考核量表得分", ITEM_HEADER, item_rows(pr))]),
    ]
    adj = adjustment_rows(pr)
    if adj:
        sheets.append(("加减分与否决", [("加分、扣分与一票否决", ADJ_HEADER, adj)]))
    sheets.append(("层面与目标", rollup_blocks(pr)))
    return xlsx_sheets(sheets, title=_title(pr), name=name)


# -- the city, one annual period ---------------------------------------------------------------

def city_header(with_rank: bool) -> list[str]:
    head = ["单位编号", "单位名称", "单位类别", "运行方式", "基本得分", "加分", "扣分", "一票否决", "总分", "等次",
            "传统考核等次", "传统考核得分", "双轨对照", "缺数指标"]
    return (["名次", "类别内名次"] + head) if with_rank else head


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
    return xlsx_sheets([("全市考核结果", [(title, city_header(with_rank), city_rows(ap, with_rank))])],
                       title=title, name=name)


# -- people (internal edition only) ------------------------------------------------------------

PEOPLE_HEADER = ["人员编号", "姓名", "职务", "岗位数", "岗位（占比、难度系数、岗位得分）", "原始得分",
                 "难度系数合成得分", "归一化系数", "归一化后得分", "领导班子综合评价", "综合评价占比",
                 "公式得分", "领导班子最终调整", "调整理由", "调整后得分", "按调整后得分的等次", "传统考核等次",
                 "说明"]


def people_blocks(title: str, people: Sequence[PersonRow]) -> list[Block]:
    rows: list[list[Cell]] = [
        [p.id, p.name, p.title, len(p.posts), p.posts_text, num(p.raw), num(p.coefficient_score),
         tabular.factor(p.normalisation), num(p.normalised_score), tabular.value(p.rating),
         fmt.share(p.share) if p.share else fmt.NONE, num(p.formula),
         num(p.score.final_adjustment.applied) if p.score.final_adjustment else fmt.NONE,
         p.score.final_adjustment.reason if p.score.final_adjustment else "", num(p.adjusted), p.grade, p.traditional,
         fmt.join(p.flags, fmt.RECORD_SEP)]
        for p in people]
    return [(title, PEOPLE_HEADER, rows)]
