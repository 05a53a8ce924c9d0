"""The units index: every unit in one table, sortable and filterable in the browser."""
from __future__ import annotations

from typing import Iterable

from ..context import SiteContext
from ..downloads import csv_bytes
from . import Output, page

KIND = "units"


def unit_rows(site: SiteContext) -> list[dict]:
    rows = []
    for i, u in enumerate(site.units):
        latest = site.scores.latest(u.id)
        rows.append({
            "order": i,
            "unit": u,
            "kind": site.kind_names.get(u.entry.kind, u.entry.kind),
            "stage": site.stage_names.get(u.entry.stage, u.entry.stage),
            "stage_order": site.city.stage_index.get(u.entry.stage, 0),
            "objectives": len(u.all_objectives),
            "measures": len(u.all_measures),
            "latest": latest,
            "updated": site.updated.get(u.id, "—"),
        })
    return rows


def outputs(site: SiteContext) -> Iterable[Output]:
    rows = unit_rows(site)
    yield page("units.md.j2", "units/index.md", site=site, rows=rows,
               kinds=site.city.info.kinds, stages=site.city.info.stages)
    yield Output("units/units.csv", csv_bytes(
        ["单位编号", "单位名称", "简称", "单位类别", "推行阶段", "阶段开始", "标杆单位", "战略目标数",
         "指标数", "最新考核期", "最新总分", "最新等次", "最后更新"],
        [[r["unit"].id, r["unit"].name, r["unit"].entry.short_name or "", r["kind"], r["stage"],
          r["unit"].entry.stage_since.isoformat(), r["unit"].entry.benchmark, r["objectives"],
          r["measures"], r["latest"].period.name if r["latest"] else "",
          round(r["latest"].score.total, 1) if r["latest"] else None,
          r["latest"].score.grade.name if r["latest"] and r["latest"].score.grade else "",
          r["updated"]] for r in rows]))
