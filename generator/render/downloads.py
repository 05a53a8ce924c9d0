"""A unit's data as downloads: the indicator cards as CSV and everything as JSON.

CSV through `tabular` (UTF-8 with a BOM, formula-safe), values through `fmt`. JSON: the unit's
files as the model dumps them, only what the edition shows.
"""
from __future__ import annotations

import json
from typing import Iterable

from pydantic import BaseModel

from ..i18n import tr, tr_p
from ..model import Measure, Objective, Unit
from ..model.base import field_label
from ..model.vocab import FREQUENCY, MEASURE_TYPE, POLARITY, Status
from . import fmt, tabular
from .tabular import Cell


def json_bytes(data: object) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=1, default=str) + "\n").encode("utf-8")


def _target_periods(unit: Unit) -> list[str]:
    """Period ids (and years) that some measure has a target for: the unit's periods first."""
    seen: list[str] = [p.id for p in unit.periods]
    for m in unit.all_measures:
        for k in m.targets:
            if k not in seen:
                seen.append(k)
    return [p for p in seen if any(p in m.targets for m in unit.all_measures)]


def measures_csv(unit: Unit, statuses: dict[str, Status]) -> bytes:
    """One row per measure (unit card, then department sub-cards): the indicator cards as a sheet."""
    periods = _target_periods(unit)
    persp = {p.id: p.name for p in unit.perspectives}
    objs = unit.objective_index
    header = [
        field_label(Objective, "perspective"), field_label(Objective, "id"), field_label(Objective, "name"),
        tr_p("download column", "部门"), field_label(Measure, "id"), field_label(Measure, "name"),
        field_label(Measure, "type"), field_label(Measure, "unit"), field_label(Measure, "polarity"),
        tr_p("download column", "基期"), tr_p("download column", "基线值"),
        *[tr("目标值 {period}", period=fmt.period_key(p, unit.period_index)) for p in periods],
        field_label(Measure, "frequency"), field_label(Measure, "source"), field_label(Measure, "owner"),
        field_label(Measure, "definition"), field_label(Measure, "formula"), tr_p("download column", "最新状态"),
    ]
    rows: list[list[Cell]] = []
    for m in unit.all_measures:
        o = objs.get(m.objective)
        dept = unit.department_of_objective(m.objective)
        rows.append([
            persp.get(o.perspective, o.perspective) if o else "", m.objective, o.name if o else "",
            dept.name if dept else "", m.id, m.name, MEASURE_TYPE.label(m.type),
            m.unit or "", POLARITY.label(m.polarity),
            m.baseline.period if m.baseline else "", tabular.value(m.baseline.value) if m.baseline else None,
            *[fmt.target(m.targets[p], m.data_type) if p in m.targets else "" for p in periods],
            FREQUENCY.label(m.frequency), m.source or "", unit.owner_name(m.owner) or "",
            m.definition or "", m.formula or "",
            fmt.status(statuses.get(m.id, "no-data")),
        ])
    return tabular.csv_table(header, rows)


def unit_json(unit: Unit, edition: str, updated: str | None) -> bytes:
    """Everything the edition shows of a unit, in the shape of its YAML files."""
    def dump(items: Iterable[BaseModel]) -> list[object]:
        return [i.model_dump(mode="json", exclude_none=True) for i in items]

    data: dict[str, object] = {
        "edition": edition,
        "registry": unit.entry.model_dump(mode="json", exclude_none=True),
        "unit": unit.info.model_dump(mode="json", exclude_none=True) if unit.info else None,
        "objectives": dump(unit.objectives),
        "maps": dump(unit.maps),
        "measures": dump(unit.measures),
        "actions": dump(unit.actions),
        "departments": dump(unit.departments),
        "posts": dump(unit.posts),
        "scales": {k: v.model_dump(mode="json", exclude_none=True) for k, v in unit.scales.items()},
        "results": {k: v.model_dump(mode="json", exclude_none=True) for k, v in unit.results.items()},
        "last_updated": updated,
    }
    if edition == "internal":
        data["people"] = dump(unit.people)
    return json_bytes(data)
