"""Internal edition only: a unit's posts, people with their post assignments, personal
scorecards and person-level results (`units/<id>/people.md`)."""
from __future__ import annotations

from typing import Iterable

from ..cardrows import fmt_target
from ..context import SiteContext
from . import Output, page

KIND = "people"
EDITIONS = ("internal",)

try:
    from ...scoring import score_people as _score_people
except ImportError:  # pragma: no cover
    _score_people = None


def person_results(site: SiteContext, unit) -> list[dict]:
    """Per period with results: each person's scores (when the engine can) and raw actuals."""
    out = []
    for period in unit.periods:
        results = unit.results.get(period.id)
        if results is None or not results.people:
            continue
        scores = {}
        if _score_people is not None:
            try:
                scores = {s.person_id: s for s in _score_people(unit, period.id)}
            except Exception:  # the engine reports its own problems; the page still renders
                scores = {}
        out.append({"period": period, "results": results, "scores": scores})
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
