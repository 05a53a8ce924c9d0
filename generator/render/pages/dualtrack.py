"""The dual-track view (`paths.DUAL_TRACK`): the BSC grade beside the traditional grade.

Every unit and period whose results carry a `traditional` result (the existing assessment
run beside the BSC, 双轨运行) appears, grouped by period, with both grades and how they
compare (`scoring.grades.compare_grades`: by position in the unit's grade list, so "BSC
高一等" means the BSC grade is one step better). Disagreements are highlighted and counted per
period and overall.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from ...i18n import N_, tr, tr_n
from ...model import Period
from ...scoring.grades import ComparisonKind
from .. import fmt, paths
from ..charts import Chart, Series, bar_chart
from ..context import SiteContext
from ..resultrows import PeriodResult
from ..output import Output, page

KIND = "dualtrack"

#: the comparisons counted in the chart, with their names (translated where shown) and colours
COUNTED: tuple[tuple[ComparisonKind, str, str], ...] = (
    ("agree", N_("一致"), "#009E73"), ("higher", N_("计分卡较高"), "#0072B2"),
    ("lower", N_("计分卡较低"), "#D55E00"))


@dataclass(frozen=True)
class Group:
    """One period: every unit result with a traditional grade to compare with."""

    period: Period
    rows: tuple[PeriodResult, ...]

    @property
    def id(self) -> str:
        return self.period.id

    @property
    def name(self) -> str:
        return self.period.name

    def count(self, kind: ComparisonKind) -> int:
        return sum(1 for r in self.rows if r.comparison is not None and r.comparison.kind == kind)

    @property
    def disagree(self) -> int:
        return self.count("higher") + self.count("lower")


def groups(site: SiteContext) -> list[Group]:
    """Periods (oldest first) with every unit that has both a BSC score and a traditional result."""
    by_id: dict[str, list[PeriodResult]] = {}
    periods: dict[str, Period] = {}
    for unit in site.units:
        for pr in site.scores.results(unit):
            if pr.comparison is None:
                continue
            by_id.setdefault(pr.period.id, []).append(pr)
            periods.setdefault(pr.period.id, pr.period)
    order = sorted(by_id, key=lambda p: (periods[p].end, periods[p].start, p))
    return [Group(periods[pid], tuple(by_id[pid])) for pid in order]


def matrix(all_groups: list[Group]) -> tuple[list[str], list[str], dict[tuple[str, str], int]]:
    """BSC grade name × traditional grade name → count, over every row."""
    order: list[str] = []
    for g in all_groups:
        for r in g.rows:
            for grade in r.unit.rules.grades:
                if grade.name not in order:
                    order.append(grade.name)
    cells: dict[tuple[str, str], int] = {}
    for g in all_groups:
        for r in g.rows:
            k = (fmt.grade(r.score.grade), r.traditional_grade or fmt.NONE)
            cells[k] = cells.get(k, 0) + 1
    rows = [n for n in order if any(k[0] == n for k in cells)] + \
        sorted({k[0] for k in cells} - set(order))
    cols = [n for n in order if any(k[1] == n for k in cells)] + \
        sorted({k[1] for k in cells} - set(order))
    return rows, cols, cells


def count_chart(annual: list[Group]) -> Chart:
    """Per annual period (where units compare): how many agree, BSC higher, BSC lower."""
    total = sum(len(g.rows) for g in annual)
    agree = sum(g.count("agree") for g in annual)
    desc = tr_n("各年度考核中平衡计分卡等次与传统考核等次一致、计分卡较高、计分卡较低的单位数；"
                "这些年度合计 {n} 个单位·年度，{agree} 个一致。季度、半年考核只在下表中。数字见下表。",
                "各年度考核中平衡计分卡等次与传统考核等次一致、计分卡较高、计分卡较低的单位数；"
                "这些年度合计 {n} 个单位·年度，{agree} 个一致。季度、半年考核只在下表中。数字见下表。",
                total, n=total, agree=agree)
    return bar_chart(chart_id="chart-dualtrack", title=tr("双轨运行：两种考核的等次对照"), desc=desc,
                     labels=[g.name for g in annual],
                     series=[Series(tr(name), tuple(float(g.count(k)) for g in annual), colour=colour)
                             for k, name, colour in COUNTED],
                     show=lambda v: fmt.NONE if v is None else fmt.count(round(v)), category_head=tr("考核期"),
                     label_em=11.0)


def outputs(site: SiteContext) -> Iterable[Output]:
    all_groups = groups(site)
    rows, cols, cells = matrix(all_groups)
    annual = [g for g in all_groups if g.period.kind == "year"]
    yield page("dualtrack.md.j2", paths.DUAL_TRACK, site=site, groups=list(reversed(all_groups)),
               chart=count_chart(annual) if annual else None,
               total=sum(len(g.rows) for g in all_groups),
               units=len({r.unit.id for g in all_groups for r in g.rows}),
               agree=sum(g.count("agree") for g in all_groups),
               higher=sum(g.count("higher") for g in all_groups),
               lower=sum(g.count("lower") for g in all_groups),
               unknown=sum(g.count("unknown") for g in all_groups),
               matrix_rows=rows, matrix_cols=cols, cells=cells, downloads=annual)
