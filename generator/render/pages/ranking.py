"""City-wide results per annual period: `paths.RANKING` and `paths.city_results(...)` downloads.

The ranking page exists only where the edition shows the ranking (`EditionView.show_ranking`:
always internally, publicly only when `settings.publish_ranking` is true). The city-wide
downloads exist in every edition that has annual results; without the ranking they list units
in registry order and carry no rank columns. Ranks: `annual` and `scoring.ranking`.
"""
from __future__ import annotations

from typing import Iterable

from ...i18n import tr, tr_n
from .. import fmt, paths
from ..annual import AnnualPeriod, annual_periods
from ..charts import Chart, RefLine, Series, bar_chart
from ..context import SiteContext
from ..results_downloads import city_period_csv, city_period_xlsx
from ..output import Output, page

KIND = "ranking"


def ranking_chart(ap: AnnualPeriod, refs: list[RefLine]) -> Chart:
    labels = [f"{e.rank}. {e.result.unit.entry.short_name or e.result.unit.name}" for e in ap.entries]
    first = ap.entries[0].result
    n = len(ap.entries)
    desc = tr_n("{period}全市 {n} 个单位的考核总分，按名次从高到低排列；第一名{first} {score} 分。"
                "虚线为全市默认考核办法的等次最低分。数字见下表。",
                "{period}全市 {n} 个单位的考核总分，按名次从高到低排列；第一名{first} {score} 分。"
                "虚线为全市默认考核办法的等次最低分。数字见下表。",
                n, period=ap.name, n=n, first=first.unit.name, score=fmt.score(first.score.total))
    return bar_chart(chart_id=f"chart-rank-{ap.id}", title=tr("{period}考核总分排名", period=ap.name), desc=desc,
                     labels=labels, series=[Series(tr("总分"), tuple(e.result.score.total for e in ap.entries))],
                     refs=refs, category_head=tr("单位"), label_em=9.0)


def grade_refs(site: SiteContext) -> list[RefLine]:
    """The city's default grades' minimum scores, as reference lines."""
    return [RefLine(g.min, f"{g.name} {fmt.value(g.min)}") for g in site.city.info.rules.grades if g.min > 0]


def outputs(site: SiteContext) -> Iterable[Output]:
    periods = annual_periods(site)
    show = site.ev.show_ranking
    for ap in periods:
        title = tr("{city} {period} 各单位平衡计分卡考核结果（{edition}）", city=site.city.name, period=ap.name,
                   edition=site.edition_name)
        yield Output(paths.city_results(ap.id, "csv"), city_period_csv(title, ap, show))
        xlsx = paths.city_results(ap.id, "xlsx")
        yield Output(xlsx, city_period_xlsx(title, ap, show, xlsx))
    if not show:
        return
    refs = grade_refs(site)
    charts = {ap.id: ranking_chart(ap, refs) for ap in periods}
    yield page("ranking.md.j2", paths.RANKING, site=site, periods=list(reversed(periods)), charts=charts,
               published=site.city.info.settings.publish_ranking)
