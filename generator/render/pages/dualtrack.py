"""The dual-track view (`city/dual-track.md`): the BSC grade beside the traditional grade.

Every unit and period whose results carry a `traditional` result (the existing assessment
run beside the BSC, 双轨运行) appears, grouped by period, with both grades and whether they
agree. Grades are compared by their position in the unit's grade list (high to low), so "BSC
高一等" means the BSC grade is one step better than the traditional one. Disagreements are
highlighted and counted per period and overall.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from ..charts import Chart, Series, bar_chart
from ..context import SiteContext
from ..resultrows import PeriodResult, city_results
from . import Output, page
from .results import period_anchor, results_path

KIND = "dualtrack"
PATH = "city/dual-track.md"

STEPS = {1: "一", 2: "两", 3: "三", 4: "四", 5: "五"}


def compare(pr: PeriodResult) -> dict | None:
    """How the BSC grade compares with the traditional one; None without a traditional result."""
    t = pr.score.traditional
    if t is None:
        return None
    grades = [g.id for g in pr.unit.rules.grades]
    bsc = pr.score.grade.id if pr.score.grade else None
    if bsc not in grades or t.grade not in grades:
        return {"diff": None, "kind": "unknown", "text": "无法对照（等次不在考核办法的等次表中）"}
    diff = grades.index(t.grade) - grades.index(bsc)  # > 0: BSC better
    if diff == 0:
        return {"diff": 0, "kind": "agree", "text": "一致"}
    step = STEPS.get(abs(diff), str(abs(diff)))
    if diff > 0:
        return {"diff": diff, "kind": "higher", "text": f"BSC 高{step}等"}
    return {"diff": diff, "kind": "lower", "text": f"BSC 低{step}等"}


@dataclass
class Group:
    """One period: its rows and counts."""

    id: str
    name: str
    rows: list[dict]

    def count(self, kind: str) -> int:
        return sum(1 for r in self.rows if r["cmp"]["kind"] == kind)

    @property
    def disagree(self) -> int:
        return sum(1 for r in self.rows if r["cmp"]["kind"] in ("higher", "lower"))


def groups(site: SiteContext) -> list[Group]:
    """Periods (oldest first) with every unit that has both a BSC score and a traditional result."""
    by_id: dict[str, list[dict]] = {}
    key: dict[str, tuple] = {}
    names: dict[str, str] = {}
    for unit in site.units:
        for pr in city_results(site).get(unit.id, []):
            cmp = compare(pr)
            if cmp is None:
                continue
            by_id.setdefault(pr.period.id, []).append({"pr": pr, "cmp": cmp})
            key.setdefault(pr.period.id, (pr.period.end, pr.period.start, pr.period.id))
            names.setdefault(pr.period.id, pr.period.name)
    return [Group(pid, names[pid], by_id[pid]) for pid in sorted(by_id, key=lambda p: key[p])]


def matrix(all_groups: list[Group]) -> tuple[list[str], list[str], dict[tuple[str, str], int]]:
    """BSC grade name × traditional grade name → count, over every row."""
    order: list[str] = []
    for g in all_groups:
        for r in g.rows:
            for grade in r["pr"].unit.rules.grades:
                if grade.name not in order:
                    order.append(grade.name)
    cells: dict[tuple[str, str], int] = {}
    for g in all_groups:
        for r in g.rows:
            k = (r["pr"].grade_name, r["pr"].traditional_grade_name() or "—")
            cells[k] = cells.get(k, 0) + 1
    rows = [n for n in order if any(k[0] == n for k in cells)] + \
        sorted({k[0] for k in cells} - set(order))
    cols = [n for n in order if any(k[1] == n for k in cells)] + \
        sorted({k[1] for k in cells} - set(order))
    return rows, cols, cells


def count_chart(all_groups: list[Group]) -> Chart:
    """Per annual period (where units compare): how many agree, BSC higher, BSC lower."""
    kinds = [("agree", "一致"), ("higher", "BSC 较高"), ("lower", "BSC 较低")]
    total = sum(len(g.rows) for g in all_groups)
    agree = sum(g.count("agree") for g in all_groups)
    desc = (f"各年度考核中平衡计分卡等次与传统考核等次一致、BSC 较高、BSC 较低的单位数；"
            f"这些年度合计 {total} 个单位·年度，{agree} 个一致。季度、半年考核只在下表中。数字见下表。")
    return bar_chart(chart_id="chart-dualtrack", title="双轨运行：两种考核的等次对照", desc=desc,
                     labels=[g.name for g in all_groups],
                     series=[Series(name, tuple(float(g.count(k)) for g in all_groups),
                                    colour=colour)
                             for (k, name), colour in zip(kinds, ("#009E73", "#0072B2", "#D55E00"))],
                     fmt=lambda v: "—" if v is None else f"{v:.0f}", category_head="考核期",
                     label_em=11.0)


def outputs(site: SiteContext) -> Iterable[Output]:
    all_groups = groups(site)
    rows, cols, cells = matrix(all_groups)
    total = sum(len(g.rows) for g in all_groups)
    units = len({r["pr"].unit.id for g in all_groups for r in g.rows})
    annual = [g for g in all_groups if g.rows and g.rows[0]["pr"].period.kind == "year"]
    yield page("dualtrack.md.j2", PATH, site=site, groups=list(reversed(all_groups)),
               chart=count_chart(annual) if annual else None,
               total=total, units=units,
               agree=sum(g.count("agree") for g in all_groups),
               higher=sum(g.count("higher") for g in all_groups),
               lower=sum(g.count("lower") for g in all_groups),
               unknown=sum(g.count("unknown") for g in all_groups),
               matrix_rows=rows, matrix_cols=cols, cells=cells,
               downloads=[(g.name, f"results-{g.id}.csv", f"results-{g.id}.xlsx") for g in annual],
               results_path=results_path, period_anchor=period_anchor)
