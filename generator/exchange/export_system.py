"""`bscportal export xlsx UNIT`: a unit's scorecard system as one workbook to revise.

Sheets: 单位 (mission, vision, values), 总卡 (objectives of the unit card and the department
sub-cards), 指标卡 (every indicator card, one row each, a column per target period), 行动方案,
里程碑, and 量表 <period> for every assessment scale (items, then bonus/deduction/veto items).
Ids are grey keys; everything yellow can be changed and comes back through `import xlsx`.
Adding or removing objectives, measures or scale items stays a YAML edit.
"""
from __future__ import annotations

from typing import Callable, Sequence, TypeVar

from ..i18n import N_, colon, paren, tr, tr_p
from ..model import (ActionPlan, Adjustment, Baseline, Department, Measure, Milestone, Objective, Scale,
                     ScaleItem, Thresholds, Unit, UnitFile)
from ..model.vocab import (ACTION_STATUS, AGGREGATION, CAPITAL, DATA_TYPE, FREQUENCY, MEASURE_TYPE,
                           MISSING_RULE, POLARITY, RULE)
from ..render import fmt
from .cells import Date, TargetCell, Text, TextList
from .columns import (YES_NO, Column, Row, choice, edit, key, label, named, number, order, refs,
                      shown, table, text, unit_file)
from .layout import Fixed, Input, Place, SheetLayout, WorkbookLayout

T = TypeVar("T")
HINT = N_("黄色单元格可以修改，灰色的编号不能修改；新增或删除目标、指标、考核项目请直接修改 YAML 文件。")
#: what a choice of owner or a list of ids is of (translated where shown)
OWNER, OBJECTIVE = N_("岗位或部门"), N_("目标")


def _unit_sheet(unit: Unit, info: UnitFile) -> SheetLayout:
    sheet = SheetLayout(tr_p("sheet", "单位"), min_widths={2: 60})
    file = unit_file(unit, "unit.yml")
    sheet.add(Fixed(tr("{unit} 平衡计分卡体系", unit=unit.name), "title"))
    sheet.add(Fixed(tr(HINT), "hint"))
    sheet.add(Fixed(label(UnitFile, "id"), "label"), Fixed(unit.id, "key"))
    sheet.add(Fixed(tr("单位名称"), "label"), Fixed(unit.name, "text"))
    for name in ("mission", "vision", "summary", "updated_note"):
        sheet.add(Fixed(label(UnitFile, name), "label"),
                  Input(text(UnitFile, name), getattr(info, name), Place(file, (), name, order(UnitFile)),
                        wrap=True))
    sheet.add(Fixed(label(UnitFile, "values"), "label"),
              Input(TextList(), tuple(info.values), Place(file, (), "values", order(UnitFile)), wrap=True))
    return sheet


def _owners(unit: Unit) -> list[tuple[str, str]]:
    return [(p.id, p.name) for p in unit.posts] + [(d.id, d.name) for d in unit.departments]


def _card_rows(unit: Unit, file: str, field: str, own: Sequence[T],
               of_department: Callable[[Department], Sequence[T]]) -> list[Row[T]]:
    """The unit card's objectives or measures (in `file` under `field`), then each department's
    (in departments.yml), each row with where it sits."""
    rows = [Row(x, unit_file(unit, file), (field, i), tr("总卡")) for i, x in enumerate(own)]
    for j, d in enumerate(unit.departments):
        rows += [Row(x, unit_file(unit, "departments.yml"), ("departments", j, field, i), d.name)
                 for i, x in enumerate(of_department(d))]
    return rows


def _objectives(unit: Unit) -> list[Row[Objective]]:
    return _card_rows(unit, "map.yml", "objectives", unit.objectives, lambda d: d.objectives)


def _objective_sheet(unit: Unit) -> SheetLayout:
    rows = _objectives(unit)
    objs = [o.id for o in unit.all_objectives]
    owners = _owners(unit)
    persp = [(p.id, p.name) for p in unit.perspectives]
    themes = [(t.id, t.name) for t in unit.themes]
    O = Objective
    cols: list[Column[Objective]] = [
        Column(tr("所在卡片"), lambda r: Fixed(r.card, "text")),
        Column(label(O, "id"), key(lambda o: o.id)),
        Column(label(O, "name"), edit(O, "name", text(O, "name"))),
        Column(label(O, "perspective"), edit(O, "perspective", lambda o: named(
            persp, [o.perspective], label(O, "perspective"), required=True))),
        Column(label(O, "theme"), edit(O, "theme", lambda o: named(themes, [o.theme], label(O, "theme")))),
        Column(label(O, "owner"), edit(O, "owner", lambda o: named(owners, [o.owner], OWNER))),
        Column(label(O, "drives"), edit(O, "drives", lambda o: refs(objs, o.drives, OBJECTIVE))),
        Column(label(O, "supports"), edit(O, "supports", lambda o: refs(objs, o.supports, OBJECTIVE))),
        Column(CAPITAL.title, edit(O, "capital", choice(CAPITAL, required=False))),
        Column(label(O, "description"), edit(O, "description", text(O, "description"), wrap=True)),
        Column(label(O, "internal"), edit(O, "internal", YES_NO)),
    ]
    sheet = SheetLayout(tr_p("sheet", "总卡"), freeze=1)
    table(sheet, cols, rows)
    return sheet


def target_keys(unit: Unit) -> list[str]:
    """Period ids (and years) that some measure has a target for, the unit's periods first."""
    seen = [p.id for p in unit.periods]
    for m in unit.all_measures:
        seen += [k for k in m.targets if k not in seen]
    return [k for k in seen if any(k in m.targets for m in unit.all_measures)]


def _measures(unit: Unit) -> list[Row[Measure]]:
    return _card_rows(unit, "measures.yml", "measures", unit.measures, lambda d: d.measures)


def _measure_sheet(unit: Unit) -> SheetLayout:
    M = Measure
    objs = [o.id for o in unit.all_objectives]
    owners = _owners(unit)
    bl, th = order(Baseline), order(Thresholds)
    targets = [Column(tr("目标值 {period}", period=fmt.period_key(k, unit.period_index)),
                      edit(M, k, lambda m: TargetCell(data_type=m.data_type),
                           current=lambda m, k=k: m.targets.get(k), sub="targets"))  # type: ignore[misc]
               for k in target_keys(unit)]
    cols: list[Column[Measure]] = [
        Column(tr("所在卡片"), lambda r: Fixed(r.card, "text")),
        Column(label(M, "id"), key(lambda m: m.id)),
        Column(label(M, "name"), edit(M, "name", text(M, "name"))),
        Column(label(M, "objective"), edit(M, "objective", lambda m: refs(objs, [m.objective], OBJECTIVE, many=False))),
        Column(MEASURE_TYPE.title, edit(M, "type", choice(MEASURE_TYPE))),
        Column(label(M, "unit"), edit(M, "unit", Text())),
        Column(DATA_TYPE.title, edit(M, "data_type", choice(DATA_TYPE))),
        Column(POLARITY.title, edit(M, "polarity", choice(POLARITY))),
        Column(label(Baseline, "period"), edit(M, "period", Text(), sub="baseline", sub_order=bl,
                                               current=lambda m: m.baseline.period if m.baseline else None)),
        Column(label(Baseline, "value"), edit(M, "value", number(Baseline, "value", optional=True), sub="baseline",
                                              sub_order=bl, current=lambda m: m.baseline.value if m.baseline else None)),
        *targets,
        Column(label(Thresholds, "on_track"), edit(M, "on_track", number(Thresholds, "on_track", optional=True),
                                                   sub="thresholds", sub_order=th,
                                                   current=lambda m: m.thresholds.on_track if m.thresholds else None)),
        Column(label(Thresholds, "at_risk"), edit(M, "at_risk", number(Thresholds, "at_risk", optional=True),
                                                  sub="thresholds", sub_order=th,
                                                  current=lambda m: m.thresholds.at_risk if m.thresholds else None)),
        Column(FREQUENCY.title, edit(M, "frequency", choice(FREQUENCY))),
        Column(AGGREGATION.title, edit(M, "aggregation", choice(AGGREGATION))),
        Column(label(M, "source"), edit(M, "source", text(M, "source"), wrap=True)),
        Column(label(M, "owner"), edit(M, "owner", lambda m: named(owners, [m.owner], OWNER))),
        Column(label(M, "tracker"), edit(M, "tracker", lambda m: named(owners, [m.tracker], OWNER))),
        *(Column(label(M, n), edit(M, n, text(M, n), wrap=True))
          for n in ("definition", "purpose", "formula", "notes")),
        Column(label(M, "internal"), edit(M, "internal", YES_NO)),
    ]
    sheet = SheetLayout(tr_p("sheet", "指标卡"), freeze=1)
    table(sheet, cols, _measures(unit))
    return sheet


def _action_sheets(unit: Unit) -> list[SheetLayout]:
    A = ActionPlan
    file = unit_file(unit, "actions.yml")
    objs = [o.id for o in unit.all_objectives]
    owners = _owners(unit)
    cols: list[Column[ActionPlan]] = [
        Column(label(A, "id"), key(lambda a: a.id)),
        Column(label(A, "name"), edit(A, "name", text(A, "name"))),
        Column(label(A, "description"), edit(A, "description", text(A, "description"), wrap=True)),
        Column(label(A, "objectives"), edit(A, "objectives", lambda a: refs(objs, a.objectives, OBJECTIVE))),
        Column(label(A, "owner"), edit(A, "owner", lambda a: named(owners, [a.owner], OWNER))),
        Column(label(A, "tracker"), edit(A, "tracker", lambda a: named(owners, [a.tracker], OWNER))),
        Column(label(A, "start"), edit(A, "start", Date(required=True))),
        Column(label(A, "end"), edit(A, "end", Date(required=True))),
        Column(label(A, "completed"), edit(A, "completed", Date())),
        Column(label(A, "budget"), edit(A, "budget", number(A, "budget"))),
        Column(ACTION_STATUS.title, edit(A, "status", choice(ACTION_STATUS, required=False))),
        Column(label(A, "internal"), edit(A, "internal", YES_NO)),
    ]
    actions = SheetLayout(tr_p("sheet", "行动方案"), freeze=1)
    table(actions, cols, [Row(a, file, ("actions", i)) for i, a in enumerate(unit.actions)])
    Ms = Milestone
    mcols: list[Column[Milestone]] = [
        Column(label(A, "id"), lambda r: Fixed(r.card, "key")),
        Column(tr("序号"), lambda r: Fixed(int(r.loc[3]) + 1, "key")),
        Column(label(Ms, "name"), edit(Ms, "name", text(Ms, "name"))),
        Column(label(Ms, "due"), edit(Ms, "due", Date(required=True))),
        Column(label(Ms, "done"), edit(Ms, "done", YES_NO)),
        Column(label(Ms, "completed"), edit(Ms, "completed", Date())),
    ]
    # a milestone's row carries its action's id (as `card`) for the key column
    rows = [Row(m, file, ("actions", i, "milestones", j), a.id)
            for i, a in enumerate(unit.actions) for j, m in enumerate(a.milestones)]
    milestones = SheetLayout(tr_p("sheet", "里程碑"), freeze=1)
    table(milestones, mcols, rows)
    return [actions, milestones]


def _bands(item: ScaleItem) -> str:
    parts = []
    for b in item.bands:
        lo = "" if b.min is None else f"≥{fmt.value(b.min)}"
        hi = "" if b.max is None else f"≤{fmt.value(b.max)}"
        bound = tr("{low} 且 {high}", low=lo, high=hi) if lo and hi else lo + hi
        parts.append(bound + colon() + fmt.value(b.score))
    return fmt.join(parts, fmt.record_sep())


def scale_sheet(unit: Unit, period: str, scale: Scale) -> SheetLayout:
    file = unit_file(unit, f"assessment/{period}.yml")
    S, I, Adj = Scale, ScaleItem, Adjustment
    sheet = SheetLayout(tr("量表 {period}", period=period))
    name = unit.period_index[period].name if period in unit.period_index else period
    sheet.add(Fixed(label(S, "period"), "label"), Fixed(period, "key"), Fixed(name, "text"))
    sheet.add(Fixed(MISSING_RULE.title, "label"),
              Input(choice(MISSING_RULE, required=False), scale.missing, Place(file, (), "missing", order(S))))
    sheet.add(Fixed(label(S, "note"), "label"),
              Input(text(S, "note"), scale.note, Place(file, (), "note", order(S)), wrap=True))
    sheet.blank()
    measures = unit.measure_index
    cols: list[Column[ScaleItem]] = [
        Column(label(I, "measure"), key(lambda i: i.measure)),
        Column(tr("指标名称"), shown(lambda i: measures[i.measure].name if i.measure in measures else tr("（未知指标）"))),
        Column(label(I, "weight"), edit(I, "weight", number(I, "weight"))),
        Column(RULE.title, edit(I, "rule", choice(RULE))),
        Column(label(I, "cap"), edit(I, "cap", number(I, "cap"))),
        Column(label(I, "floor"), edit(I, "floor", number(I, "floor"))),
        Column(label(I, "tolerance"), edit(I, "tolerance", number(I, "tolerance"))),
        Column(label(I, "bands") + paren(tr("在 YAML 中修改")), shown(_bands)),
        Column(label(I, "note"), edit(I, "note", text(I, "note"), wrap=True)),
    ]
    sheet.freeze = table(sheet, cols, [Row(it, file, ("items", i)) for i, it in enumerate(scale.items)])
    sheet.blank()
    acols: list[Column[Adjustment]] = [
        Column(tr("类别"), lambda r: Fixed(r.card, "text")),
        Column(label(Adj, "id"), key(lambda a: a.id)),
        Column(label(Adj, "name"), edit(Adj, "name", text(Adj, "name"))),
        Column(label(Adj, "max"), edit(Adj, "max", number(Adj, "max"))),
        Column(label(Adj, "description"), edit(Adj, "description", text(Adj, "description"), wrap=True)),
        Column(label(Adj, "internal"), edit(Adj, "internal", YES_NO)),
    ]
    adj = [Row(a, file, (field, i), label(S, field))
           for field in ("bonus", "deductions", "veto") for i, a in enumerate(getattr(scale, field))]
    table(sheet, acols, adj)
    return sheet


def system_files(unit: Unit) -> tuple[str, ...]:
    names = ["unit.yml", "map.yml", "measures.yml", "departments.yml", "actions.yml"]
    names += [f"assessment/{p}.yml" for p in unit.scales]
    return tuple(unit_file(unit, n) for n in names)


def system_layout(unit: Unit) -> WorkbookLayout:
    """The workbook of a unit's system (the unit must have a unit.yml)."""
    assert unit.info is not None
    sheets = [_unit_sheet(unit, unit.info), _objective_sheet(unit), _measure_sheet(unit),
              *_action_sheets(unit)]
    sheets += [scale_sheet(unit, p.id, unit.scales[p.id]) for p in unit.periods if p.id in unit.scales]
    sheets += [scale_sheet(unit, pid, s) for pid, s in unit.scales.items() if pid not in unit.period_index]
    return WorkbookLayout("system", unit.id, None, tr("{unit} 平衡计分卡体系", unit=unit.name), sheets, system_files(unit),
                          unit_cell=(3, 2))
