"""Internal edition only: person-level results and the fairness view (pilot lesson 4).

- `paths.people_results(unit)`: per period, every person's raw score (Σ share × post score),
  the score after difficulty coefficients, that score normalised by the period's unit-level
  factor (mean raw ÷ mean coefficient score), the leadership rating blended in and the
  adjusted score, with each post's share, coefficient and score, missing personal data and
  the grade the adjusted score would give beside the person's traditional grade; above them
  the fairness view: the mean raw and adjusted scores of people with one post and of people
  with several, by period, as a chart and a table.
- `paths.unit_people_results(...)`: the same rows as downloads.
- `paths.FAIRNESS`: the fairness view of every unit on one page.

People are always internal (`EditionView` drops them from the public city), and this page
kind is registered for the internal edition only, so none of this reaches a public file.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from ...i18n import tr, tr_n
from ...model import Unit
from .. import fmt, paths
from ..charts import Chart, Series, bar_chart, line_chart
from ..context import SiteContext
from ..peoplerows import PeoplePeriod, people_periods
from ..results_downloads import people_blocks
from ..style import PALETTE
from ..tabular import csv_blocks, xlsx_sheets
from ..output import Output, page
from .unit import search_unit

KIND = "people_results"
EDITIONS = ("internal",)


@dataclass(frozen=True)
class UnitFairness:
    unit: Unit
    periods: list[PeoplePeriod]


def fairness_chart(unit: Unit, periods: list[PeoplePeriod]) -> Chart:
    single, multi = PALETTE[0], PALETTE[1]
    series = [
        Series(tr("一人一岗·调整前"), tuple(p.fair.single.raw for p in periods), dashed=True, colour=single),
        Series(tr("一人一岗·调整后"), tuple(p.fair.single.adjusted for p in periods), colour=single),
        Series(tr("一人多岗·调整前"), tuple(p.fair.multi.raw for p in periods), dashed=True, colour=multi),
        Series(tr("一人多岗·调整后"), tuple(p.fair.multi.adjusted for p in periods), colour=multi),
    ]
    desc = tr_n("{unit}一人一岗与一人多岗人员的平均个人得分，调整前（虚线）与调整后（实线），共 {n} 个考核期。数字见下表。",
                "{unit}一人一岗与一人多岗人员的平均个人得分，调整前（虚线）与调整后（实线），共 {n} 个考核期。数字见下表。",
                len(periods), unit=unit.name, n=len(periods))
    return line_chart(chart_id=f"chart-fair-{unit.id}", title=tr("{unit} 一人多岗公平性", unit=unit.name), desc=desc,
                      categories=[fmt.period_lines(p.period) for p in periods], series=series,
                      y_label=tr("平均个人得分"), category_head=tr("考核期"))


def person_chart(unit: Unit, p: PeoplePeriod) -> Chart:
    several = tr("（多岗）")
    labels = [r.name + (several if r.multi else "") for r in p.rows]
    desc = tr("{unit}{period}每个人的个人得分：调整前（浅色）与调整后（深色）。标“多岗”的人身兼多个岗位。数字见下表。",
              unit=unit.name, period=p.period.name)
    return bar_chart(chart_id=f"chart-people-{unit.id}-{p.period.id}",
                     title=tr("{period}个人得分：调整前后", period=p.period.name), desc=desc, labels=labels,
                     series=[Series(tr("调整前"), tuple(r.raw for r in p.rows), dashed=True, colour=PALETTE[0]),
                             Series(tr("调整后"), tuple(r.adjusted for r in p.rows), colour=PALETTE[0])],
                     category_head=tr("人员"), label_em=9.0)


def unit_outputs(site: SiteContext, unit: Unit) -> Iterable[Output]:
    periods = people_periods(unit)
    if not periods:
        return
    for p in periods:
        title = tr("{unit} {period} 个人考核结果（内部）", unit=unit.name, period=p.period.name)
        blocks = people_blocks(title, p.rows)
        yield Output(paths.unit_people_results(unit.id, p.period.id, "csv"), csv_blocks(blocks))
        xlsx = paths.unit_people_results(unit.id, p.period.id, "xlsx")
        yield Output(xlsx, xlsx_sheets([(tr("个人考核结果"), blocks)], title=title, name=xlsx))
    yield page("people_results.md.j2", paths.people_results(unit.id), site=site, unit=unit,
               search_unit=search_unit(unit),
               periods=periods, fair_chart=fairness_chart(unit, periods) if len(periods) > 1 else None,
               latest_chart=person_chart(unit, periods[-1]), rules=unit.rules,
               has_results=bool(site.scores.results(unit)))


def outputs(site: SiteContext) -> Iterable[Output]:
    overview = [UnitFairness(unit, periods) for unit in site.units if (periods := people_periods(unit))]
    yield page("fairness.md.j2", paths.FAIRNESS, site=site, overview=overview)
