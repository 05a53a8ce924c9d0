"""`bscportal score UNIT PERIOD`: a unit's scored assessment scale as a plain-text table.

The same rows (`resultrows`) and formats (`fmt`) as the results page and its downloads.
"""
from __future__ import annotations

from ..model import Unit
from ..scoring import score_unit
from . import fmt
from .resultrows import PeriodResult, period_result
from .textwidth import table

HEADER = ["指标编号", "指标名称", "权重", "折算权重", "目标", "实际", "规则", "得分率", "得分", "状态"]
ALIGN = ["<", "<", ">", ">", ">", ">", "<", ">", ">", "<"]


def item_lines(pr: PeriodResult) -> list[list[str]]:
    rows = [[r.measure_id, r.name, fmt.score(r.line.weight), fmt.score(r.line.effective_weight), r.target,
             r.actual, r.rule, fmt.score(r.line.score), fmt.score(r.line.points), fmt.status(r.status)]
            for r in pr.rows]
    rows.append(["合计", "", fmt.score(pr.score.nominal_weight), fmt.score(pr.effective_weight), "", "", "",
                 "", fmt.score(pr.score.base_total), ""])
    return rows


def _summary(pr: PeriodResult) -> list[str]:
    s = pr.score
    out = [f"基本得分：{fmt.score(s.base_total)}"]
    for kind, label, total in (("bonus", "加分", fmt.signed(s.bonus)), ("deduction", "扣分", fmt.deduction(s.deductions))):
        parts = [f"{a.score.name}（{a.score.id}）{a.applied_text}"
                 + (f"，申报 {fmt.score(a.score.claimed)}，上限 {fmt.score(a.score.max)}" if a.score.clamped else "")
                 for a in pr.adjustments if a.kind == kind]
        out.append(f"{label}：{total}" + (f"（{fmt.RECORD_SEP.join(parts)}）" if parts else ""))
    out.append("一票否决：" + (fmt.join(f"{v.name}（{v.id}）" for v in pr.vetoes) if pr.vetoes else "无"))
    out.append(f"总分：{fmt.score(s.total)}")
    out.append(f"等次：{pr.grade}")
    if pr.grade_note:
        out.append(f"等次说明：{pr.grade_note}")
    if s.missing:
        out.append(f"{fmt.MISSING}：{fmt.join(s.missing)}（{pr.missing_rule_text}）")
    else:
        out.append(f"{fmt.MISSING}：无")
    out.extend(f"{fmt.UNSCORABLE}：{r.measure_id} {r.error}" for r in pr.rows if r.error)
    out.extend(f"提示：{r.measure_id} {w}" for r in pr.rows for w in r.line.warnings)
    out.extend(f"提示：{w}" for w in pr.warnings)
    if s.traditional is not None:
        extra = "" if s.traditional.score is None else f"，{fmt.value(s.traditional.score)} 分"
        out.append(f"传统考核（双轨对照）：{pr.traditional_grade}{extra}；对照：{pr.comparison_text}")
    return out


def _rollups(pr: PeriodResult) -> list[str]:
    rows = [[p.name, fmt.score(p.weight), fmt.score(p.score), fmt.status(p.status)] for p in pr.perspectives]
    lines = ["", "层面得分"] + table(["层面", "权重", "得分率", "状态"], rows, ["<", ">", ">", "<"])
    rows = [[o.id, o.name, fmt.score(o.weight), fmt.score(o.score), fmt.status(o.status)] for o in pr.objectives]
    lines += ["", "目标得分"] + table(["目标编号", "战略目标", "相关权重", "得分率", "状态"], rows,
                                      ["<", "<", ">", ">", "<"])
    lines.append("注：部门分卡指标的权重同时计入它支撑的总卡目标，各目标的相关权重合计可能超过 100。")
    return lines


def format_result(pr: PeriodResult) -> str:
    lines = [f"{pr.unit.name} {pr.period.name} 考核得分（{pr.track}）", ""]
    lines += table(HEADER, item_lines(pr), ALIGN)
    lines += [""] + _summary(pr)
    lines += _rollups(pr)
    return "\n".join(lines) + "\n"


def format_unit_score(unit: Unit, period_id: str) -> str:
    """The table printed by `bscportal score UNIT PERIOD` (every item: the CLI is internal)."""
    period = unit.period_index.get(period_id)
    score = score_unit(unit, period_id)
    if period is None or score is None:
        return f"{unit.name} {period_id}：没有考核量表或考核结果\n"
    return format_result(period_result(unit, period, score))
