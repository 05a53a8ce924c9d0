"""`bscportal score UNIT PERIOD`: a unit's scored assessment scale as a plain-text table.

The same rows (`resultrows`) and formats (`fmt`) as the results page and its downloads.
"""
from __future__ import annotations

from ..i18n import colon, paren, record_sep, tr, tr_p
from ..model import Unit
from ..scoring import score_unit
from . import fmt
from .resultrows import PeriodResult, period_result
from .textwidth import table

ALIGN = ["<", "<", ">", ">", ">", ">", "<", ">", ">", "<"]


def header() -> list[str]:
    """The columns of the scale table (in the current language)."""
    return [tr_p("score table", "指标编号"), tr_p("score table", "指标名称"), tr_p("score table", "权重"),
            tr_p("score table", "折算权重"), tr_p("score table", "目标"), tr_p("score table", "实际"),
            tr_p("score table", "规则"), tr_p("score table", "得分率"), tr_p("score table", "得分"),
            tr_p("score table", "状态")]


def item_lines(pr: PeriodResult) -> list[list[str]]:
    rows = [[r.measure_id, r.name, fmt.score(r.line.weight), fmt.score(r.line.effective_weight), r.target,
             r.actual, r.rule, fmt.score(r.line.score), fmt.score(r.line.points), fmt.status(r.status)]
            for r in pr.rows]
    rows.append([tr_p("score table", "合计"), "", fmt.score(pr.score.nominal_weight), fmt.score(pr.effective_weight),
                 "", "", "", "", fmt.score(pr.score.base_total), ""])
    return rows


def _line(label: str, text: str) -> str:
    """`label：text` (`label: text` in English)."""
    return label + colon() + text


def _summary(pr: PeriodResult) -> list[str]:
    s = pr.score
    out = [_line(tr_p("score summary", "基本得分"), fmt.score(s.base_total))]
    for kind, label, total in (("bonus", tr_p("score summary", "加分"), fmt.signed(s.bonus)),
                               ("deduction", tr_p("score summary", "扣分"), fmt.deduction(s.deductions))):
        parts = [tr_p("adjustment applied", "{name}{id}{points}", name=a.score.name, id=paren(a.score.id),
                      points=a.applied_text)
                 + (tr("，申报 {claimed}，上限 {max}", claimed=fmt.score(a.score.claimed), max=fmt.score(a.score.max))
                    if a.score.clamped else "")
                 for a in pr.adjustments if a.kind == kind]
        out.append(_line(label, total) + (paren(record_sep().join(parts)) if parts else ""))
    none = tr_p("score summary", "无")
    out.append(_line(tr_p("score summary", "一票否决"),
                     fmt.join(f"{v.name}{paren(v.id)}" for v in pr.vetoes) if pr.vetoes else none))
    out.append(_line(tr_p("score summary", "总分"), fmt.score(s.total)))
    out.append(_line(tr_p("score summary", "等次"), pr.grade))
    if pr.grade_note:
        out.append(_line(tr_p("score summary", "等次说明"), pr.grade_note))
    if s.missing:
        out.append(_line(tr_p("score summary", "缺数"), fmt.join(s.missing) + paren(pr.missing_rule_text)))
    else:
        out.append(_line(tr_p("score summary", "缺数"), none))
    out.extend(_line(tr_p("score summary", "无法计分"), f"{r.measure_id} {r.error}") for r in pr.rows if r.error)
    out.extend(_line(tr_p("score summary", "提示"), f"{r.measure_id} {w}") for r in pr.rows for w in r.line.warnings)
    out.extend(_line(tr_p("score summary", "提示"), w) for w in pr.warnings)
    if s.traditional is not None:
        extra = "" if s.traditional.score is None else tr("，{score} 分", score=fmt.value(s.traditional.score))
        out.append(tr("传统考核（双轨对照）：{grade}{extra}；对照：{comparison}", grade=pr.traditional_grade,
                      extra=extra, comparison=pr.comparison_text))
    return out


def _rollups(pr: PeriodResult) -> list[str]:
    rows = [[p.name, fmt.score(p.weight), fmt.score(p.score), fmt.status(p.status)] for p in pr.perspectives]
    lines = ["", tr_p("score table", "层面得分")] + table(
        [tr_p("score table", "层面"), tr_p("score table", "权重"), tr_p("score table", "得分率"),
         tr_p("score table", "状态")], rows, ["<", ">", ">", "<"])
    rows = [[o.id, o.name, fmt.score(o.weight), fmt.score(o.score), fmt.status(o.status)] for o in pr.objectives]
    lines += ["", tr_p("score table", "目标得分")] + table(
        [tr_p("score table", "目标编号"), tr_p("score table", "战略目标"), tr_p("score table", "相关权重"),
         tr_p("score table", "得分率"), tr_p("score table", "状态")], rows, ["<", "<", ">", ">", "<"])
    lines.append(tr("注：部门分卡指标的权重同时计入它支撑的总卡目标，各目标的相关权重合计可能超过 100。"))
    return lines


def format_result(pr: PeriodResult) -> str:
    lines = [tr("{unit} {period} 考核得分（{track}）", unit=pr.unit.name, period=pr.period.name, track=pr.track), ""]
    lines += table(header(), item_lines(pr), ALIGN)
    lines += [""] + _summary(pr)
    lines += _rollups(pr)
    return "\n".join(lines) + "\n"


def format_unit_score(unit: Unit, period_id: str) -> str:
    """The table printed by `bscportal score UNIT PERIOD` (every item: the CLI is internal)."""
    period = unit.period_index.get(period_id)
    score = score_unit(unit, period_id)
    if period is None or score is None:
        return tr("{unit} {period}：没有考核量表或考核结果", unit=unit.name, period=period_id) + "\n"
    return format_result(period_result(unit, period, score))
