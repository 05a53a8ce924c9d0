"""`bscportal score UNIT PERIOD`: a unit's scored assessment scale as a plain-text table."""
from __future__ import annotations

from ..model import TargetRange, Unit
from .api import score_unit
from .records import MeasureScore, Target, UnitScore
from .textwidth import table

RULE_LABELS = {"ratio": "完成率", "linear": "线性", "bands": "分档", "done": "完成与否",
               "manual": "评分", "range": "区间"}
STATUS_LABELS = {"on-track": "正常", "at-risk": "预警", "off-track": "落后", "no-data": "缺数"}
TRACK_LABELS = {"simulated": "模拟考评", "dual-track": "双轨运行", "live": "正式运行"}
MISSING_LABELS = {"reweight": "剔除缺数指标，其余指标按权重比例折算",
                  "zero": "缺数指标记 0 分"}


def fixed(x: float | None) -> str:
    """Two decimals, or a dash for nothing (ASCII: CJK terminals draw "—" two columns wide)."""
    return "-" if x is None else f"{x:.2f}"


def number(x: float) -> str:
    """A value as written, at most two decimals: 75, 97.5, 0.95."""
    text = f"{x:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def show_target(target: Target | None) -> str:
    if target is None:
        return "-"
    if isinstance(target, TargetRange):
        return f"{number(target.min)}~{number(target.max)}"
    return number(target)


def show_actual(line: MeasureScore) -> str:
    if line.actual is None:
        return "缺数"
    if isinstance(line.actual, bool):
        return "是" if line.actual else "否"
    return number(line.actual)


def show_status(line: MeasureScore) -> str:
    return "无法计分" if line.error else STATUS_LABELS[line.status]


def item_rows(score: UnitScore) -> list[list[str]]:
    rows = [[l.measure_id, l.name, fixed(l.weight), fixed(l.effective_weight), show_target(l.target),
             show_actual(l), RULE_LABELS.get(l.rule, l.rule), fixed(l.score), fixed(l.points),
             show_status(l)] for l in score.items]
    rows.append(["合计", "", fixed(score.nominal_weight),
                 fixed(sum(l.effective_weight for l in score.items)), "", "", "", "",
                 fixed(score.base_total), ""])
    return rows


HEADER = ["指标编号", "指标名称", "权重", "折算权重", "目标", "实际", "规则", "得分率", "得分", "状态"]
ALIGN = ["<", "<", ">", ">", ">", ">", "<", ">", ">", "<"]


def _summary(unit: Unit, score: UnitScore) -> list[str]:
    out = [f"基本得分：{fixed(score.base_total)}"]
    for kind, label, total in (("bonus", "加分", score.bonus), ("deduction", "扣分", score.deductions)):
        parts = [f"{a.name}（{a.id}）{number(a.applied)}" + (f"，申报 {number(a.claimed)}，上限 {number(a.max)}"
                                                          if a.clamped and a.max is not None else "")
                 for a in score.adjustments if a.kind == kind]
        sign = ("+" if kind == "bonus" else "-") if total else ""
        out.append(f"{label}：{sign}{fixed(total)}" + (f"（{'；'.join(parts)}）" if parts else ""))
    if score.vetoed:
        names = {}
        scale = unit.scales.get(score.period_id)
        if scale is not None:
            names = {v.id: v.name for v in scale.veto}
        out.append("一票否决：" + "、".join(f"{names.get(v, v)}（{v}）" for v in score.vetoed))
    else:
        out.append("一票否决：无")
    out.append(f"总分：{fixed(score.total)}")
    grade = score.grade.name if score.grade else "未达任何等次"
    if score.grade_capped and score.uncapped_grade is not None:
        grade += f"（触发一票否决，按总分应为 {score.uncapped_grade.name}）"
    out.append(f"等次：{grade}")
    if score.missing:
        out.append(f"缺数：{'、'.join(score.missing)}（{MISSING_LABELS[score.missing_rule]}）")
    else:
        out.append("缺数：无")
    for line in score.items:
        if line.error:
            out.append(f"无法计分：{line.measure_id} {line.error}")
    for line in score.items:
        out.extend(f"提示：{line.measure_id} {w}" for w in line.warnings)
    out.extend(f"提示：{w}" for w in score.warnings)
    if score.traditional is not None:
        unit_grades = {g.id: g.name for g in unit.rules.grades}
        trad = unit_grades.get(score.traditional.grade, score.traditional.grade)
        extra = "" if score.traditional.score is None else f"，{number(score.traditional.score)} 分"
        out.append(f"传统考核（双轨对照）：{trad}{extra}")
    return out


def _rollups(score: UnitScore) -> list[str]:
    rows = [[p.name, fixed(p.weight), fixed(p.score), STATUS_LABELS[p.status]]
            for p in score.perspectives.values() if p.weight > 0 or p.score is not None]
    lines = ["", "层面得分"] + table(["层面", "权重", "得分率", "状态"], rows, ["<", ">", ">", "<"])
    rows = [[o.objective_id, o.name, fixed(o.weight), fixed(o.score), STATUS_LABELS[o.status]]
            for o in score.objectives.values() if o.measures]
    lines += ["", "目标得分"] + table(["目标编号", "战略目标", "相关权重", "得分率", "状态"], rows,
                                      ["<", "<", ">", ">", "<"])
    lines.append("注：部门分卡指标的权重同时计入它支撑的总卡目标，各目标的相关权重合计可能超过 100。")
    return lines


def format_score(unit: Unit, score: UnitScore) -> str:
    period = unit.period_index.get(score.period_id)
    title = f"{unit.name} {period.name if period else score.period_id} 考核得分"
    if period is not None:
        title += f"（{TRACK_LABELS[period.track]}）"
    lines = [title, ""]
    lines += table(HEADER, item_rows(score), ALIGN)
    lines += [""] + _summary(unit, score)
    lines += _rollups(score)
    return "\n".join(lines) + "\n"


def format_unit_score(unit: Unit, period_id: str) -> str:
    """The table printed by `bscportal score UNIT PERIOD`."""
    score = score_unit(unit, period_id)
    if score is None:
        return f"{unit.name} {period_id}：没有考核量表或考核结果\n"
    return format_score(unit, score)
