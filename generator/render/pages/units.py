"""The units index: every unit in one table, sortable and filterable in the browser."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from ...i18n import N_, tr
from ...model import Unit
from .. import fmt, paths, tabular
from ..context import SiteContext
from ..resultrows import PeriodResult
from ..output import Output, page

KIND = "units"


@dataclass(frozen=True)
class UnitRow:
    unit: Unit
    kind: str
    stage: str
    #: position of the stage in the rollout order (for sorting)
    stage_order: int
    objectives: int
    measures: int
    latest: PeriodResult | None
    updated: str


def unit_rows(site: SiteContext) -> list[UnitRow]:
    return [UnitRow(
        unit=u,
        kind=site.kind_names.get(u.entry.kind, u.entry.kind),
        stage=site.stage_names.get(u.entry.stage, u.entry.stage),
        stage_order=site.city.stage_index.get(u.entry.stage, 0),
        objectives=len(u.all_objectives),
        measures=len(u.all_measures),
        latest=site.scores.latest(u.id),
        updated=site.updated.get(u.id, fmt.NONE),
    ) for u in site.units]


#: the CSV's columns (translated where the file is written)
HEADER = [N_("单位编号"), N_("单位名称"), N_("简称"), N_("单位类别"), N_("推行阶段"), N_("阶段开始"),
          N_("标杆单位"), N_("战略目标数"), N_("指标数"), N_("最新考核期"), N_("最新总分"), N_("最新等次"),
          N_("最后更新")]


def units_csv(rows: list[UnitRow]) -> bytes:
    return tabular.csv_table([tr(h) for h in HEADER], [
        [r.unit.id, r.unit.name, r.unit.entry.short_name or "", r.kind, r.stage,
         fmt.date(r.unit.entry.stage_since), fmt.yes() if r.unit.entry.benchmark else fmt.no(), r.objectives,
         r.measures, r.latest.period.name if r.latest else "",
         tabular.score(r.latest.score.total) if r.latest else None,
         r.latest.grade if r.latest else "", r.updated] for r in rows])


def outputs(site: SiteContext) -> Iterable[Output]:
    rows = unit_rows(site)
    yield page("units.md.j2", paths.UNITS, site=site, rows=rows,
               kinds=site.city.info.kinds, stages=site.city.info.stages)
    yield Output(paths.UNITS_CSV, units_csv(rows))
