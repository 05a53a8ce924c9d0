"""`bscportal export form UNIT PERIOD`: the period's reporting form (填报表) of one unit.

One printable sheet: the unit and period (with the due date), then every assessed measure of
the period's scale and every monitoring measure (on the cards, not in the scale) with unit of
measure, weight, scoring rule, target and the previous period's actual (as `fmt` writes them),
and input cells for the actual (a number, 是/否 for a yes/no measure, a rating from 0 to the
cap where the rule is manual), a note (why a value is missing) and the evidence; then the
bonus, deduction and veto items, the traditional grade where the period runs dual-track, and
the signature block (填报人、审核人、日期). A4 landscape, fitted to the page width, the table
header repeated on every page. Values already reported are filled in, so a form exported and
imported without edits changes nothing.
"""
from __future__ import annotations

from ..i18n import N_, colon, tr, tr_p
from ..model import Measure, Period, ResultsFile, Scale, ScaleItem, TraditionalResult, Unit
from ..model.vocab import RULE
from ..render import fmt
from ..scoring import cascade
from ..scoring.actuals import read_actual
from ..scoring.rules import MANUAL_CAP
from .cells import ActualCell, Cell, Choice, Number, Text, YesNo
from .columns import number, unit_file
from .layout import Fixed, Free, Input, SheetLayout, Slot, WorkbookLayout

#: the sheet's name, its table header, the hint above it and the signature block (marked for the
#: catalogue, translated when the layout is built)
SHEET = N_("填报表")
HEADER = [N_("序号"), N_("类别"), N_("指标编号"), N_("指标名称"), N_("计量单位"), N_("权重"), N_("计分规则"),
          N_("目标值"), N_("上期实际值"), N_("本期实际值"), N_("说明（缺数原因、评分依据等）"), N_("佐证材料")]
#: the column of the input cells (本期实际值), 1-based
INPUT_COL = 10
HINT = N_("请只填黄色单元格：本期实际值填数字（是否型指标选“是”或“否”，评分型填分数）；没有数据的留空，"
          "并在说明栏写明原因。不要增删行列、不要合并单元格、不要写公式。")
SIGNATURES = (N_("填报人（签字）"), N_("审核人（签字）"), N_("日期"))


def previous_period(unit: Unit, period: Period) -> Period | None:
    """The latest earlier period of the same kind that has results."""
    earlier = [p for p in unit.periods if p.kind == period.kind and p.end < period.start and p.id in unit.results]
    return max(earlier, key=lambda p: p.end) if earlier else None


def _actual_cell(m: Measure, item: ScaleItem | None) -> Cell:
    if item is not None and item.rule == "manual" and m.data_type != "yesno":
        return Number(low=0, high=item.cap if item.cap is not None else MANUAL_CAP)
    return ActualCell(data_type=m.data_type)


def _measure_row(n: int, m: Measure, item: ScaleItem | None, unit: Unit, period: Period,
                 results: ResultsFile | None, prev: ResultsFile | None) -> list[Slot]:
    now = read_actual(results.actuals.get(m.id)) if results else read_actual(None)
    before = fmt.NONE
    if prev is not None and m.id in prev.actuals:
        before = fmt.actual(read_actual(prev.actuals[m.id]).value, m.data_type)
    return [
        Fixed(str(n)), Fixed(tr("考核") if item else tr("监控")), Fixed(m.id, "key"), Fixed(m.name),
        Fixed(m.unit or ""), Fixed(fmt.score(item.weight) if item else fmt.NONE),
        Fixed(RULE.label(item.rule) if item else fmt.NONE),
        Fixed(fmt.target(cascade.target(unit, m, period.id, period.year), m.data_type)), Fixed(before),
        Input(_actual_cell(m, item), now.value, key=f"actual:{m.id}"),
        Input(Text(), now.note, key=f"note:{m.id}", wrap=True),
        Input(Text(), now.evidence, key=f"evidence:{m.id}", wrap=True),
    ]


def _item_row(n: int, what: str, ident: str, name: str, limit: str, cell: Input) -> list[Slot]:
    """A bonus/deduction/veto or traditional-assessment row, its input in the actuals' column."""
    row: list[Slot] = [Fixed(str(n)), Fixed(what), Fixed(ident, "key"), Fixed(name), None, Fixed(limit)]
    row += [None] * (INPUT_COL - 1 - len(row))
    return row + [cell]


def _adjustments(sheet: SheetLayout, scale: Scale, results: ResultsFile | None) -> None:
    sheet.header(tr("序号"), tr("类别"), tr("项目编号"), tr("项目名称"), "", tr("最多加/减分"), "", "", "",
                 tr("申报分数 / 是否触发"))
    n = 0
    for field, what in (("bonus", tr("加分")), ("deductions", tr("扣分"))):
        got = getattr(results, field) if results else {}
        for a in getattr(scale, field):
            n += 1
            high = a.max if a.max is not None else None
            cell = Number(low=0, high=high)
            sheet.add(*_item_row(n, what, a.id, a.name, fmt.value(a.max) if a.max is not None else fmt.NONE,
                                 Input(cell, got.get(a.id), key=f"{field}:{a.id}")))
    vetoed = set(results.veto) if results else set()
    for a in scale.veto:
        n += 1
        sheet.add(*_item_row(n, tr("一票否决"), a.id, a.name, fmt.NONE,
                             Input(YesNo(required=True), a.id in vetoed, key=f"veto:{a.id}")))


def _traditional(sheet: SheetLayout, unit: Unit, results: ResultsFile | None) -> None:
    t = results.traditional if results else None
    grades = Choice(terms=tuple((g.id, g.name) for g in unit.rules.grades), what=N_("等次"))
    sheet.header(tr("序号"), tr("类别"), tr("项目"), tr("传统考核（双轨运行对照）"), "", "", "", "", "", tr("填写"))
    rows = [("grade", tr("传统考核等次"), grades, t.grade if t else None),
            ("score", tr("传统考核得分"), number(TraditionalResult, "score"), t.score if t else None),
            ("rank", tr("传统考核名次"), number(TraditionalResult, "rank", whole=True), t.rank if t else None)]
    for n, (key, name, cell, value) in enumerate(rows, 1):
        sheet.add(*_item_row(n, tr("传统考核"), key, name, "", Input(cell, value, key=f"traditional:{key}")))


def form_files(unit: Unit, period: str) -> tuple[str, ...]:
    names = ["measures.yml", "departments.yml", f"assessment/{period}.yml", f"results/{period}.yml"]
    return tuple(unit_file(unit, n) for n in names)


def form_layout(unit: Unit, period: Period) -> WorkbookLayout:
    """The reporting form of `unit` for `period` (the unit must have a scale for it)."""
    scale = unit.scales[period.id]
    results = unit.results.get(period.id)
    prev_period = previous_period(unit, period)
    prev = unit.results.get(prev_period.id) if prev_period else None
    sheet = SheetLayout(tr(SHEET), printable=True, min_widths={4: 24, 11: 30, 12: 16})
    title = tr("{unit} {period} 绩效考核填报表", unit=unit.name, period=period.name)
    sheet.add(Fixed(title, "title"))
    sheet.add(Fixed(tr_p("form label", "单位"), "label"), Fixed(unit.name), Fixed(unit.id, "key"),
              Fixed(tr_p("form label", "考核期"), "label"), Fixed(period.name), Fixed(period.id, "key"),
              Fixed(tr("报送截止"), "label"), Fixed(fmt.date(period.due)), Fixed(tr("上期"), "label"),
              Fixed(prev_period.name if prev_period else fmt.NONE))
    sheet.add(Fixed(tr(HINT), "hint"))
    head = sheet.header(*(tr(h) for h in HEADER))
    sheet.freeze, sheet.print_rows = head, f"{head}:{head}"
    measures = unit.measure_index
    n = 0
    for item in scale.items:
        if item.measure in measures:
            n += 1
            sheet.add(*_measure_row(n, measures[item.measure], item, unit, period, results, prev))
    assessed = {i.measure for i in scale.items}
    for m in unit.all_measures:
        if m.id not in assessed:
            n += 1
            sheet.add(*_measure_row(n, m, None, unit, period, results, prev))
    if scale.bonus or scale.deductions or scale.veto:
        sheet.blank()
        _adjustments(sheet, scale, results)
    if period.track == "dual-track":
        sheet.blank()
        _traditional(sheet, unit, results)
    sheet.blank()
    sign: list[Slot] = []
    for label in SIGNATURES:
        sign += [Fixed(tr(label) + colon().rstrip(), "label"), Free(), Free()]
    sheet.add(None, *sign)
    return WorkbookLayout("form", unit.id, period.id, title, [sheet], form_files(unit, period.id),
                          unit_cell=(2, 3))
