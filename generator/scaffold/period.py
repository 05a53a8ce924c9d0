"""`bscportal new period UNIT PERIOD`: what a unit needs for a new assessment period.

- a rules entry when the period is missing: in the unit's `rules.yml`, or in `city.yml`'s
  default rules when the unit follows them (dates, name and kind from the id: `2010`,
  `2010-h1`, `2010-q3`; the run mode of the period before it);
- `assessment/<period>.yml`: the previous period's scale (same kind first) with its weights,
  bonus, deduction and veto items; the first scale shares 100 among the unit card's outcome
  measures;
- a target for the period on every assessed measure that has none, copied from the previous
  period (so the scale can be scored; the notes list them to adjust);
- `results/<period>.yml`: every assessed measure listed as `null` (not reported yet), and
  `published: false` until the office has checked the figures.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import yaml
from pydantic import BaseModel

from ..i18n import DEFAULT, N_, join, paren, tr, use_language
from ..load.language import city_language
from ..model import DepartmentsFile, Measure, MeasuresFile, Period, ResultsFile, RulesFile, Scale, Unit
from ..model.base import SLUG_PATTERN
from ..model.city import CityFile
from ..scoring import cascade
from . import Plan, ScaffoldError, Write
from .city import read_unit
from .yamledit import add_entry, child, compose, insert_item, node_text, plain

#: a new period's name by its kind (the `name` written into the rules)
_YEAR = N_("{year}年度")
_HALVES = (N_("{year}年上半年"), N_("{year}年下半年"))
_QUARTERS = (N_("{year}年第一季度"), N_("{year}年第二季度"), N_("{year}年第三季度"), N_("{year}年第四季度"))


def infer(pid: str, track: str) -> Period:
    """A period from its id: `2010` a year, `2010-h1`/`2010-h2` a half, `2010-q1`… a quarter."""
    m = re.fullmatch(r"(\d{4})(?:-(h[12]|q[1-4]))?", pid)
    if m is None:
        raise ScaffoldError(tr("无法从编号 `{pid}` 推断考核期的起止日期：请用 2010、2010-h1 或 2010-q1 "
                               "这样的编号，或先在考核办法的 periods 里写好这个考核期", pid=pid))
    year, part = int(m.group(1)), m.group(2)
    if part is None:
        start, end, kind, name = dt.date(year, 1, 1), dt.date(year, 12, 31), "year", tr(_YEAR, year=year)
    elif part[0] == "h":
        first = part == "h1"
        start, end = (dt.date(year, 1, 1), dt.date(year, 6, 30)) if first else (dt.date(year, 7, 1), dt.date(year, 12, 31))
        kind, name = "half", tr(_HALVES[0 if first else 1], year=year)
    else:
        q = int(part[1])
        start = dt.date(year, 3 * q - 2, 1)
        end = (dt.date(year + 1, 1, 1) if q == 4 else dt.date(year, 3 * q + 1, 1)) - dt.timedelta(days=1)
        kind, name = "quarter", tr(_QUARTERS[q - 1], year=year)
    return Period.model_validate({"id": pid, "name": name, "kind": kind, "year": year, "start": start,
                                  "end": end, "track": track})


def _previous(unit: Unit, period: Period) -> Period | None:
    """The latest period before `period` that has a scale, of the same kind if there is one."""
    before = [p for p in unit.periods if p.id in unit.scales and p.end < period.start]
    same = [p for p in before if p.kind == period.kind]
    pool = same or before
    return max(pool, key=lambda p: p.end) if pool else None


def _flow(data: object) -> str:
    """A value in one line: an id as written (`2010`, `M-S1-1`), anything else in flow style."""
    if isinstance(data, str):
        return data if re.match(SLUG_PATTERN, data) else json.dumps(data, ensure_ascii=False)
    return yaml.safe_dump(plain(data), allow_unicode=True, default_flow_style=True, width=10_000).strip()


def scale_yml(unit: Unit, period: Period, prev: Period | None) -> tuple[str, list[str]]:
    """The new scale's text and its measures."""
    if prev is not None:
        old = unit.scales[prev.id]
        items = [i.model_dump(mode="json", exclude_unset=True, exclude={"note"}) for i in old.items]
        origin = tr("从 {period} 的考核量表复制，权重不变", period=prev.name)
        extra: dict[str, object] = {
            k: [a.model_dump(mode="json", exclude_unset=True) for a in getattr(old, k)]
            for k in ("bonus", "deductions", "veto") if getattr(old, k)}
        if old.missing is not None:
            extra["missing"] = old.missing
    else:
        measures = [m for m in unit.measures if m.type == "outcome" and _source_target(m) is not None] \
            or [m for m in unit.measures if _source_target(m) is not None]
        if not measures:
            raise ScaffoldError(tr("{unit} 还没有写了目标值的指标：请先在 measures.yml 里写指标卡（含 targets），"
                                   "再生成考核量表", unit=unit.name))
        share, rest = divmod(100, len(measures))
        items = [{"measure": m.id, "weight": share + (1 if i < rest else 0)} for i, m in enumerate(measures)]
        origin = tr("本单位的第一张考核量表：列出总卡上的结果指标，权重暂按平均分配")
        extra = {}
    lines = ["# " + tr("{unit} {period}考核量表（bscportal new period 生成：{origin}）。", unit=unit.name,
                       period=period.name, origin=origin),
             "# " + tr("请按本期的工作重点调整指标和权重（合计 100），改完运行 bscportal check scorecards 检查。"),
             f"period: {_flow(period.id)}", "items:"]
    lines += [f"  - {_flow(i)}" for i in items]
    for key, value in extra.items():
        if isinstance(value, list):
            lines += [f"{key}:"] + [f"  - {_flow(a)}" for a in value]
        else:
            lines.append(f"{key}: {value}")
    return "\n".join(lines) + "\n", [str(i["measure"]) for i in items]


def results_yml(unit: Unit, period: Period, measures: list[str]) -> str:
    lines = ["# " + tr("{unit} {period}考核结果（bscportal new period 生成）：把每个 null 改成实际值，",
                       unit=unit.name, period=period.name),
             "# " + tr("缺数的保留 null；说明和佐证材料写成 {example}。",
                       example="{value: 85, note: …, evidence: …}"),
             f"period: {_flow(period.id)}",
             "published: false   # " + tr("市考核办审核后改为 true，公开版才显示本期结果"),
             "actuals:"]
    for mid in measures:
        m = unit.measure_index.get(mid)
        label = f"   # {m.name}" + (paren(m.unit) if m and m.unit else "") if m else ""
        lines.append(f"  {_flow(mid)}: null{label}")
    return "\n".join(lines) + "\n"


def _source_target(m: Measure, prev: Period | None = None) -> str | None:
    """The key of the target to copy: the previous period's (or its year's), else the last one."""
    if prev is not None:
        for key in (prev.id, str(prev.year)):
            if key in m.targets:
                return key
    return list(m.targets)[-1] if m.targets else None


def _measure_node(text: str, shown: str, mid: str, departments: bool) -> yaml.MappingNode | None:
    root = compose(text, shown)
    groups = child(root, "departments") if departments else root
    lists = ([child(d, "measures") for d in groups.value] if isinstance(groups, yaml.SequenceNode)
             else []) if departments else [child(root, "measures")]
    for seq in lists:
        for item in (seq.value if isinstance(seq, yaml.SequenceNode) else []):
            ident = child(item, "id")
            if isinstance(item, yaml.MappingNode) and isinstance(ident, yaml.ScalarNode) and ident.value == mid:
                return item
    return None


def add_targets(unit: Unit, root: Path, period: Period, prev: Period | None,
                measures: list[str]) -> tuple[list[Write], list[str]]:
    """Copy a target for `period` to every assessed measure without one (a measure that
    derives from another and has none takes that one's: nothing to copy)."""
    texts: dict[str, str] = {}
    copied = []
    dept_ids = {m.id for d in unit.departments for m in d.measures}
    for mid in measures:
        m = unit.measure_index.get(mid)
        if m is None or cascade.target(unit, m, period.id, period.year) is not None:
            continue
        key = _source_target(m, prev)
        if key is None:
            continue
        fname = "departments.yml" if mid in dept_ids else "measures.yml"
        path = root / "units" / unit.id / fname
        text = texts.get(fname) or path.read_text(encoding="utf-8")
        node = _measure_node(text, fname, mid, fname == "departments.yml")
        targets = child(node, "targets") if node is not None else None
        value = child(targets, key) if isinstance(targets, yaml.MappingNode) else None
        if not isinstance(targets, yaml.MappingNode) or value is None:
            continue
        texts[fname] = add_entry(text, targets, _flow(period.id), node_text(text, value))
        copied.append(m.id + paren(m.name))
    writes = [Write(root / "units" / unit.id / f, t, create=False,
                    model=DepartmentsFile if f == "departments.yml" else MeasuresFile)
              for f, t in texts.items()]
    return writes, copied


def rules_entry(unit: Unit, root: Path, period: Period) -> tuple[Write, str]:
    """The period added to the rules the unit follows (its own, or the city's defaults)."""
    data: dict[str, object] = {"id": period.id, "name": period.name, "kind": period.kind,
                               "year": period.year, "start": period.start, "end": period.end,
                               "track": period.track}
    position = next((i for i, p in enumerate(unit.periods) if p.start > period.start), len(unit.periods))
    model: type[BaseModel]
    if unit.own_rules is not None:
        path, keys, model, where = root / "units" / unit.id / "rules.yml", ["periods"], RulesFile, \
            tr("本单位的 rules.yml")
    else:
        path, keys, model, where = root / "city.yml", ["rules", "periods"], CityFile, \
            tr("city.yml 的全市默认考核办法（使用默认办法的单位都会有这个考核期）")
    text = insert_item(path.read_text(encoding="utf-8"), keys, data, position, path.name)
    return Write(path, text, create=False, model=model), where


def plan_period(root: Path, uid: str, pid: str) -> Plan:
    if not re.match(SLUG_PATTERN, pid) or len(pid) > 64:
        raise ScaffoldError(tr("考核期编号 `{pid}` 不合格式：如 2010、2010-h1、2010-q1", pid=pid))
    unit = read_unit(root, uid)
    for what, folder_name, have in ((N_("{unit} 已有 {pid} 的考核量表（{path}），没有改动任何文件"),
                                     "assessment", unit.scales),
                                    (N_("{unit} 已有 {pid} 的考核结果（{path}），没有改动任何文件"),
                                     "results", unit.results)):
        if pid in have:
            shown = unit.files.get(f"{folder_name}/{pid}", f"{folder_name}/{pid}.yml")
            raise ScaffoldError(tr(what, unit=unit.name, pid=pid, path=shown))
    writes: list[Write] = []
    notes: list[str] = []
    period = unit.period_index.get(pid)
    if period is None:
        earlier = [p for p in unit.periods]
        with use_language(city_language(root) or DEFAULT):   # its name is data: the city's language
            period = infer(pid, earlier[-1].track if earlier else "live")
        write, where = rules_entry(unit, root, period)
        writes.append(write)
        notes.append(tr("已在 {where} 里加上考核期 {period}（{start} 至 {end}）", where=where,
                        period=period.name, start=period.start, end=period.end))
    prev = _previous(unit, period)
    scale_text, measures = scale_yml(unit, period, prev)
    folder = root / "units" / unit.id
    writes.append(Write(folder / "assessment" / f"{pid}.yml", scale_text, create=True, model=Scale))
    writes.append(Write(folder / "results" / f"{pid}.yml", results_yml(unit, period, measures),
                        create=True, model=ResultsFile))
    target_writes, copied = add_targets(unit, root, period, prev, measures)
    writes += target_writes
    if copied:
        notes.append(tr("以下指标还没有 {period} 的目标值，已沿用上期目标，请按本期实际调整：{measures}",
                        period=period.name, measures=join(copied)))
    notes.append(tr("下一步：调整 units/{unit}/assessment/{pid}.yml 的指标和权重；期末在 results/{pid}.yml 填写实际值",
                    unit=unit.id, pid=pid))
    return Plan(tuple(writes), tuple(notes))
