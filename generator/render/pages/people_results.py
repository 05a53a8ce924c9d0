"""Internal edition only: person-level results and the fairness view (pilot lesson 4).

- `units/<id>/people-results.md`: per period, every person's raw score (Σ share × post
  score), the score after difficulty coefficients, that score normalised by the period's
  unit-level factor (mean raw ÷ mean coefficient score), the leadership rating blended in and
  the adjusted score, with each post's share, coefficient and score, missing personal data and
  the grade the adjusted score would give beside the person's traditional grade; above them
  the fairness view: the mean raw and adjusted scores of people with one post and of people
  with several, by period, as a chart and a table.
- `units/<id>/<id>-people-<period>.csv|xlsx`: the same rows as downloads.
- `internal/fairness.md`: the fairness view of every unit on one page.

People are always internal (`EditionView` drops them from the public city), and this page
kind is registered for the internal edition only, so none of this reaches a public file.
"""
from __future__ import annotations

from typing import Iterable

from ...model import Unit
from ...scoring import fairness, score_people
from ...scoring.grades import grade_for
from ...scoring.report import show_actual, show_target
from ..charts import Chart, Series, bar_chart, line_chart
from ..context import SiteContext
from ..resultrows import period_lines
from ..results_downloads import csv_blocks, people_blocks, xlsx_sheets
from . import Output, page
from .results import period_anchor

KIND = "people_results"
EDITIONS = ("internal",)
INDEX_PATH = "internal/fairness.md"


def people_results_path(unit_id: str) -> str:
    return f"units/{unit_id}/people-results.md"


def _share(x: float) -> str:
    return f"{x * 100:.0f}%" if abs(x * 100 - round(x * 100)) < 1e-9 else f"{x * 100:.1f}%"


def person_rows(unit: Unit, scores) -> list[dict]:
    grades = unit.rules.grades
    names = {g.id: g.name for g in grades}
    difficulty = {d.id: d.name for d in unit.rules.difficulty}
    rows = []
    for s in scores:
        posts = [{"id": p.post_id, "name": p.name, "share": _share(p.share),
                  "effective_share": _share(p.effective_share),
                  "reshared": abs(p.share - p.effective_share) > 1e-9,
                  "difficulty": difficulty.get(p.difficulty or "", p.difficulty or "未分类"),
                  "coefficient": p.coefficient, "unclassified": p.unclassified, "score": p.score,
                  "items": p.items} for p in s.posts]
        grade = grade_for(s.adjusted, grades) if s.adjusted is not None else None
        missing = [(p["name"], l) for p in posts for l in p["items"] if l.missing or l.error]
        trad = names.get(s.traditional_grade, s.traditional_grade) if s.traditional_grade else ""
        cmp = ""
        if grade is not None and s.traditional_grade in names:
            ids = [g.id for g in grades]
            diff = ids.index(s.traditional_grade) - ids.index(grade.id)
            cmp = "一致" if diff == 0 else ("高于传统" if diff > 0 else "低于传统")
        rows.append({
            "id": s.person_id, "name": s.name, "title": s.title or "", "multi": s.multi_post,
            "post_count": len(s.posts), "posts": posts,
            "posts_text": "；".join(f"{p['name']}（占比 {p['effective_share']}，系数 {p['coefficient']:g}，"
                                   f"得分 {'缺数' if p['score'] is None else format(p['score'], '.2f')}）"
                                   for p in posts),
            "raw": s.raw, "coefficient_score": s.coefficient_score,
            "coefficients_applied": s.coefficients_applied,
            "normalisation": s.normalisation, "normalised_score": s.normalised_score,
            "rating": s.leadership_rating, "share": s.leadership_share,
            "share_text": _share(s.leadership_share) if s.leadership_share else "—",
            "adjusted": s.adjusted, "delta": (None if s.adjusted is None or s.raw is None
                                              else s.adjusted - s.raw),
            "grade": grade.name if grade else "", "traditional": trad, "compare": cmp,
            "flags": list(s.flags), "missing": missing, "missing_rule": s.missing_rule,
        })
    return rows


def unit_people_periods(unit: Unit) -> list[dict]:
    out = []
    for period in unit.periods:
        results = unit.results.get(period.id)
        if results is None or not results.people or not unit.people:
            continue
        scores = score_people(unit, period.id)
        out.append({"period": period, "rows": person_rows(unit, scores), "fair": fairness(scores),
                    "normalisation": next((s.normalisation for s in scores if s.normalisation is not None),
                                          None)})
    return out


def fairness_chart(unit: Unit, periods: list[dict]) -> Chart:
    blue, red = "#0072B2", "#D55E00"
    series = [
        Series("一人一岗·调整前", tuple(p["fair"].single.raw for p in periods), dashed=True, colour=blue),
        Series("一人一岗·调整后", tuple(p["fair"].single.adjusted for p in periods), colour=blue),
        Series("一人多岗·调整前", tuple(p["fair"].multi.raw for p in periods), dashed=True, colour=red),
        Series("一人多岗·调整后", tuple(p["fair"].multi.adjusted for p in periods), colour=red),
    ]
    desc = (f"{unit.name}一人一岗与一人多岗人员的平均个人得分，调整前（虚线）与调整后（实线），"
            f"共 {len(periods)} 个考核期。数字见下表。")
    return line_chart(chart_id=f"chart-fair-{unit.id}", title=f"{unit.name} 一人多岗公平性", desc=desc,
                      categories=[period_lines(p["period"]) for p in periods], series=series,
                      y_label="平均个人得分", category_head="考核期")


def person_chart(unit: Unit, p: dict) -> Chart:
    rows = p["rows"]
    labels = [r["name"] + ("（多岗）" if r["multi"] else "") for r in rows]
    desc = (f"{unit.name}{p['period'].name}每个人的个人得分：调整前（浅色）与调整后（深色）。"
            "标“多岗”的人身兼多个岗位。数字见下表。")
    return bar_chart(chart_id=f"chart-people-{unit.id}-{p['period'].id}",
                     title=f"{p['period'].name}个人得分：调整前后", desc=desc, labels=labels,
                     series=[Series("调整前", tuple(r["raw"] for r in rows), dashed=True, colour="#0072B2"),
                             Series("调整后", tuple(r["adjusted"] for r in rows), colour="#0072B2")],
                     category_head="人员", label_em=9.0)


def outputs(site: SiteContext) -> Iterable[Output]:
    overview = []
    for unit in site.units:
        periods = unit_people_periods(unit)
        if not periods:
            continue
        base = f"units/{unit.id}"
        for p in periods:
            title = f"{unit.name} {p['period'].name} 个人考核结果（内部）"
            blocks = people_blocks(title, p["rows"])
            p["csv"] = f"{unit.id}-people-{p['period'].id}.csv"
            p["xlsx"] = f"{unit.id}-people-{p['period'].id}.xlsx"
            yield Output(f"{base}/{p['csv']}", csv_blocks(blocks))
            yield Output(f"{base}/{p['xlsx']}", xlsx_sheets([("个人考核结果", blocks)], title=title))
        chart = fairness_chart(unit, periods) if len(periods) > 1 else None
        overview.append({"unit": unit, "periods": periods})
        yield page("people_results.md.j2", people_results_path(unit.id), site=site, unit=unit,
                   periods=periods, fair_chart=chart, latest_chart=person_chart(unit, periods[-1]),
                   rules=unit.rules, period_anchor=period_anchor,
                   has_results=bool(site.scores.latest(unit.id)),
                   show_target=show_target, show_actual=show_actual)
    yield page("fairness.md.j2", INDEX_PATH, site=site, overview=overview,
               people_results_path=people_results_path)
