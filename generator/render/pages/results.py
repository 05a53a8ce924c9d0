"""A unit's assessment results: `paths.results(unit)`, one section per period, with trends.

Each period shows the scored scale (measure, weight, effective weight, target, actual, score
rate, points, status), totals, bonus/deduction/veto lines, the grade (and why a veto capped
it), missing data with the rule applied, and links to the period's CSV and XLSX. Above them:
the total score by period and the perspectives' score rates by period as SVG charts, each
with its numbers in a table. Only periods the edition shows (`Scores.results`).
"""
from __future__ import annotations

from typing import Iterable

from ...i18n import tr, tr_n
from ...model import Unit
from ...model.vocab import PERIOD_KIND
from .. import fmt, paths
from ..charts import Chart, RefLine, Series, line_chart
from ..context import SiteContext
from ..resultrows import PeriodResult
from ..results_downloads import unit_period_csv, unit_period_xlsx
from ..output import Output, page
from .unit import search_unit

KIND = "results"


def total_chart(unit: Unit, periods: list[PeriodResult]) -> Chart:
    """Total score by period: one line per period kind (annual results apart from quarterly)."""
    kinds = list(dict.fromkeys(pr.period.kind for pr in periods))
    series = [Series(tr("{kind}总分", kind=PERIOD_KIND.label(k)),
                     tuple(pr.score.total if pr.period.kind == k else None for pr in periods))
              for k in kinds]
    refs = [RefLine(g.min, f"{g.name} {fmt.value(g.min)}") for g in unit.rules.grades if g.min > 0]
    first, last = periods[0], periods[-1]
    desc = tr("{unit}各考核期的总分（{series}），从{first}的 {first_score} 分到{last}的 {last_score} 分；"
              "虚线为各等次的最低分。数字见下表。", unit=unit.name, series=fmt.join(s.name for s in series),
              first=first.period.name, first_score=fmt.score(first.score.total), last=last.period.name,
              last_score=fmt.score(last.score.total))
    return line_chart(chart_id=f"chart-total-{unit.id}", title=tr("{unit} 总分趋势", unit=unit.name), desc=desc,
                      categories=[fmt.period_lines(pr.period) for pr in periods], series=series,
                      refs=refs, y_label=tr("总分"), value_labels=True, category_head=tr("考核期"))


def perspective_chart(unit: Unit, periods: list[PeriodResult]) -> Chart | None:
    """Each perspective's score rate by period (all periods in time order)."""
    series = []
    for p in unit.perspectives:
        values = tuple(pr.score.perspectives[p.id].score if p.id in pr.score.perspectives else None
                       for pr in periods)
        if any(v is not None for v in values):
            series.append(Series(p.name, values))
    if not series:
        return None
    on_track = unit.rules.status.on_track
    desc = tr_n("{unit}各层面在每个考核期的得分率（%，100 为达到目标），共 {n} 个层面、{periods} 个考核期。"
                "数字见下表。",
                "{unit}各层面在每个考核期的得分率（%，100 为达到目标），共 {n} 个层面、{periods} 个考核期。"
                "数字见下表。", len(series), unit=unit.name, n=len(series), periods=len(periods))
    return line_chart(chart_id=f"chart-persp-{unit.id}", title=tr("{unit} 各层面得分率趋势", unit=unit.name),
                      desc=desc, categories=[fmt.period_lines(pr.period) for pr in periods], series=series,
                      refs=[RefLine(on_track, tr("达标线 {value}", value=fmt.value(on_track)))],
                      y_label=tr("得分率（%）"), category_head=tr("考核期"))


def unit_outputs(site: SiteContext, unit: Unit) -> Iterable[Output]:
    periods = site.scores.results(unit)
    if not periods:
        return
    for pr in periods:
        yield Output(paths.unit_results(unit.id, pr.period.id, "csv"), unit_period_csv(pr))
        xlsx = paths.unit_results(unit.id, pr.period.id, "xlsx")
        yield Output(xlsx, unit_period_xlsx(pr, xlsx))
    kinds = {pr.period.kind for pr in periods}
    people_periods = ({p.id for p in unit.periods
                       if unit.people and p.id in unit.results and unit.results[p.id].people}
                      if site.internal else set())
    yield page("results.md.j2", paths.results(unit.id), site=site, unit=unit, search_unit=search_unit(unit),
               periods=periods,
               total_chart=total_chart(unit, periods),
               perspective_chart=perspective_chart(unit, periods) if len(periods) > 1 else None,
               mixed_kinds=len(kinds) > 1,
               process_kinds=fmt.join(PERIOD_KIND.label(k) for k in sorted(kinds - {"year"})),
               grades=unit.rules.grades, rules=unit.rules, people_periods=people_periods,
               edit_url=site.edit_url(unit.files.get(f"results/{periods[-1].period.id}")))
