"""A unit's assessment results: `paths.results(unit)`, one section per period, with trends.

Each period shows the scored scale (measure, weight, effective weight, target, actual, score
rate, points, status), totals, bonus/deduction/veto lines, the grade (and why a veto capped
it), missing data with the rule applied, and links to the period's CSV and XLSX. Above them:
the total score by period and the perspectives' score rates by period as SVG charts, each
with its numbers in a table. Only periods the edition shows (`Scores.results`).
"""
from __future__ import annotations

from typing import Iterable

from ...model import Unit
from ...model.vocab import PERIOD_KIND
from .. import fmt, paths
from ..charts import Chart, RefLine, Series, line_chart
from ..context import SiteContext
from ..resultrows import PeriodResult
from ..results_downloads import unit_period_csv, unit_period_xlsx
from ..output import Output, page

KIND = "results"


def total_chart(unit: Unit, periods: list[PeriodResult]) -> Chart:
    """Total score by period: one line per period kind (annual results apart from quarterly)."""
    kinds = list(dict.fromkeys(pr.period.kind for pr in periods))
    series = [Series(f"{PERIOD_KIND.label(k)}总分",
                     tuple(pr.score.total if pr.period.kind == k else None for pr in periods))
              for k in kinds]
    refs = [RefLine(g.min, f"{g.name} {fmt.value(g.min)}") for g in unit.rules.grades if g.min > 0]
    first, last = periods[0], periods[-1]
    desc = (f"{unit.name}各考核期的总分（{fmt.join(s.name for s in series)}），从{first.period.name}的 "
            f"{fmt.score(first.score.total)} 分到{last.period.name}的 {fmt.score(last.score.total)} 分；"
            "虚线为各等次的最低分。数字见下表。")
    return line_chart(chart_id=f"chart-total-{unit.id}", title=f"{unit.name} 总分趋势", desc=desc,
                      categories=[fmt.period_lines(pr.period) for pr in periods], series=series,
                      refs=refs, y_label="总分", value_labels=True, category_head="考核期")


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
    desc = (f"{unit.name}各层面在每个考核期的得分率（%，100 为达到目标），"
            f"共 {len(series)} 个层面、{len(periods)} 个考核期。数字见下表。")
    return line_chart(chart_id=f"chart-persp-{unit.id}", title=f"{unit.name} 各层面得分率趋势", desc=desc,
                      categories=[fmt.period_lines(pr.period) for pr in periods], series=series,
                      refs=[RefLine(on_track, f"达标线 {fmt.value(on_track)}")],
                      y_label="得分率（%）", category_head="考核期")


def outputs(site: SiteContext) -> Iterable[Output]:
    for unit in site.units:
        periods = site.scores.results(unit)
        if not periods:
            continue
        for pr in periods:
            yield Output(paths.unit_results(unit.id, pr.period.id, "csv"), unit_period_csv(pr))
            xlsx = paths.unit_results(unit.id, pr.period.id, "xlsx")
            yield Output(xlsx, unit_period_xlsx(pr, xlsx))
        kinds = {pr.period.kind for pr in periods}
        people_periods = ({p.id for p in unit.periods
                           if unit.people and p.id in unit.results and unit.results[p.id].people}
                          if site.internal else set())
        yield page("results.md.j2", paths.results(unit.id), site=site, unit=unit, periods=periods,
                   total_chart=total_chart(unit, periods),
                   perspective_chart=perspective_chart(unit, periods) if len(periods) > 1 else None,
                   mixed_kinds=len(kinds) > 1,
                   process_kinds=fmt.join(PERIOD_KIND.label(k) for k in sorted(kinds - {"year"})),
                   grades=unit.rules.grades, rules=unit.rules, people_periods=people_periods,
                   edit_url=site.edit_url(unit.files.get(f"results/{periods[-1].period.id}")))
