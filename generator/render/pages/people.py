"""Internal edition only: a unit's posts, people with their post assignments, personal
scorecards and person-level results (`units/<id>/people.md`)."""
from __future__ import annotations

from typing import Iterable

from ...model import Actual
from ...scoring import score_people
from ..cardrows import fmt_target
from ..jinja import fmt_num
from ..context import SiteContext
from . import Output, page

KIND = "people"
EDITIONS = ("internal",)

def _actual_text(value: object) -> str:
    """A personal actual as the table shows it: 是/否, 缺数, or the number."""
    if isinstance(value, Actual):
        value = value.value
    if value is True:
        return "是"
    if value is False:
        return "否"
    return "缺数" if value is None else fmt_num(value)


def person_results(site: SiteContext, unit) -> list[dict]:
    """Per period with person results: one row per person, names resolved for the table."""
    grade_names = {g.id: g.name for g in unit.rules.grades}
    out = []
    for period in unit.periods:
        results = unit.results.get(period.id)
        if results is None or not results.people:
            continue
        scores = {s.person_id: s for s in score_people(unit, period.id)}
        rows = []
        for pid, pr in results.people.items():
            person = unit.person_index.get(pid)
            measure_names = {m.id: m.name for m in person.measures} if person else {}
            rows.append({
                "id": pid, "person": person, "score": scores.get(pid),
                "rating": pr.leadership_rating,
                "actuals": [(measure_names.get(mid, mid), _actual_text(v)) for mid, v in pr.actuals.items()],
                "grade": grade_names.get(pr.traditional_grade, pr.traditional_grade) if pr.traditional_grade else "—",
            })
        out.append({"period": period, "rows": rows})
    return out


def outputs(site: SiteContext) -> Iterable[Output]:
    for unit in site.units:
        if not (unit.people or unit.posts):
            continue
        difficulty = {d.id: d for d in unit.rules.difficulty}
        holders: dict[str, list] = {}
        for person in unit.people:
            for a in person.posts:
                holders.setdefault(a.post, []).append(person)
        yield page("people.md.j2", site.people_path(unit.id), site=site, unit=unit,
                   difficulty=difficulty, holders=holders, results=person_results(site, unit),
                   fmt_target=fmt_target, edit_url=site.edit_url(unit.files.get("posts")))
