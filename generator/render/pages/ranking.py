"""City-wide results per annual period: `city/ranking.md` and `city/results-<period>.csv|xlsx`.

The ranking page exists only where the edition shows the ranking (`EditionView.show_ranking`:
always internally, publicly only when `settings.publish_ranking` is true). The city-wide
downloads exist in every edition that has annual results; without the ranking they list units
in registry order and carry no rank columns.

Ranks are competition ranks ("1, 2, 2, 4") on the total as shown (two decimals), so two units
whose totals read the same share a rank; "类别内名次" ranks among units of the same kind.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from ...model import Period
from ..charts import Chart, RefLine, Series, bar_chart
from ..context import SiteContext
from ..resultrows import PeriodResult, city_results, r2
from ..results_downloads import city_period_csv, city_period_xlsx
from . import Output, page
from .dualtrack import compare
from .results import period_anchor, results_path

KIND = "ranking"
PATH = "city/ranking.md"


@dataclass
class AnnualPeriod:
    id: str
    year: int
    name: str
    entries: list[dict]
    simulated: bool

    @property
    def csv(self) -> str:
        return f"results-{self.id}.csv"

    @property
    def xlsx(self) -> str:
        return f"results-{self.id}.xlsx"


def competition_ranks(values: list[float]) -> list[int]:
    """Rank of each value, highest first; equal values share the best rank (1, 2, 2, 4)."""
    order = sorted(values, reverse=True)
    return [order.index(v) + 1 for v in values]


def _compare(pr: PeriodResult) -> str:
    c = compare(pr)
    return c["text"] if c else ""


def annual_periods(site: SiteContext) -> list[AnnualPeriod]:
    """Every annual period some unit has a result for, oldest first, with ranked entries."""
    by_id: dict[str, list[PeriodResult]] = {}
    periods: dict[str, Period] = {}
    for unit in site.units:
        for pr in city_results(site).get(unit.id, []):
            if pr.period.kind != "year":
                continue
            by_id.setdefault(pr.period.id, []).append(pr)
            periods.setdefault(pr.period.id, pr.period)
    out = []
    order = {u.id: i for i, u in enumerate(site.units)}
    for pid in sorted(by_id, key=lambda p: (periods[p].end, periods[p].start, p)):
        prs = by_id[pid]
        totals = [r2(pr.score.total) for pr in prs]
        ranks = competition_ranks(totals)
        kinds = [pr.unit.entry.kind for pr in prs]
        kind_ranks = []
        for i, pr in enumerate(prs):
            same = [totals[j] for j in range(len(prs)) if kinds[j] == kinds[i]]
            kind_ranks.append(competition_ranks(same)[same.index(totals[i])] if same else 1)
        entries = [{"pr": pr, "total": totals[i], "rank": ranks[i], "kind_rank": kind_ranks[i],
                    "kind": site.kind_names.get(pr.unit.entry.kind, pr.unit.entry.kind),
                    "compare": _compare(pr)}
                   for i, pr in enumerate(prs)]
        if site.ev.show_ranking:
            entries.sort(key=lambda e: (e["rank"], order.get(e["pr"].unit.id, 0)))
        else:
            entries.sort(key=lambda e: order.get(e["pr"].unit.id, 0))
        period = periods[pid]
        out.append(AnnualPeriod(pid, period.year, f"{period.year}年度", entries,
                                simulated=all(e["pr"].period.track == "simulated" for e in entries)))
    return out


def ranking_chart(ap: AnnualPeriod, refs: list[RefLine]) -> Chart:
    labels = [f"{e['rank']}. {e['pr'].unit.entry.short_name or e['pr'].unit.name}" for e in ap.entries]
    first = ap.entries[0]
    desc = (f"{ap.name}全市 {len(ap.entries)} 个单位的考核总分，按名次从高到低排列；"
            f"第一名{first['pr'].unit.name} {first['pr'].total_text} 分。虚线为全市默认考核办法的等次最低分。"
            "数字见下表。")
    return bar_chart(chart_id=f"chart-rank-{ap.id}", title=f"{ap.name}考核总分排名", desc=desc,
                     labels=labels, series=[Series("总分", tuple(e["pr"].score.total for e in ap.entries))],
                     refs=refs, category_head="单位", label_em=9.0)


def grade_counts(ap: AnnualPeriod) -> list[tuple[str, int]]:
    counts: dict[str, int] = {}
    for e in ap.entries:
        counts[e["pr"].grade_name] = counts.get(e["pr"].grade_name, 0) + 1
    return list(counts.items())


def outputs(site: SiteContext) -> Iterable[Output]:
    periods = annual_periods(site)
    show = site.ev.show_ranking
    for ap in periods:
        title = f"{site.city.name} {ap.name} 各单位平衡计分卡考核结果（{site.edition_name}）"
        yield Output(f"city/{ap.csv}", city_period_csv(title, ap.entries, show))
        yield Output(f"city/{ap.xlsx}", city_period_xlsx(title, ap.entries, show))
    if not show:
        return
    grades = site.city.info.rules.grades
    refs = [RefLine(g.min, f"{g.name} {g.min:g}") for g in grades if g.min > 0]
    charts = {ap.id: ranking_chart(ap, refs) for ap in periods}
    yield page("ranking.md.j2", PATH, site=site, periods=list(reversed(periods)), charts=charts,
               grade_counts=grade_counts, results_path=results_path, period_anchor=period_anchor,
               published=site.city.info.settings.publish_ranking)
