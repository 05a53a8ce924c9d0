"""Internal edition only: a unit's posts, people with their post assignments, personal
scorecards and person-level results (`paths.people(unit)`)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from ...i18n import colon
from ...model import Actual, Period, PersonalMeasure, Person, Unit
from ...scoring import PersonScore, cascade, score_people
from ...scoring.actuals import read_actual
from .. import fmt, paths
from ..cardrows import card_period
from ..context import SiteContext
from ..output import Output, page
from .unit import search_unit

KIND = "people"
EDITIONS = ("internal",)


@dataclass(frozen=True)
class PersonResultRow:
    """One person's reported values for a period, names resolved for the table."""

    id: str
    person: Person | None
    score: PersonScore | None
    rating: float | None
    #: "measure name：value" for each reported personal measure
    actuals: tuple[str, ...]
    #: the traditional grade's name (NONE without one)
    grade: str


@dataclass(frozen=True)
class PersonResults:
    period: Period
    rows: tuple[PersonResultRow, ...]


def _actual(value: float | bool | Actual | None) -> str:
    return fmt.actual(read_actual(value).value)


def person_results(unit: Unit) -> list[PersonResults]:
    """Per period with person results: one row per person."""
    grade_names = {g.id: g.name for g in unit.rules.grades}
    out = []
    for period in unit.periods:
        results = unit.results.get(period.id)
        if results is None or not results.people:
            continue
        scores = {s.person_id: s for s in score_people(unit, period.id)}
        rows = []
        for pid, reported in results.people.items():
            person = unit.person_index.get(pid)
            measure_names = {m.id: m.name for m in person.measures} if person else {}
            rows.append(PersonResultRow(
                id=pid, person=person, score=scores.get(pid), rating=reported.leadership_rating,
                actuals=tuple(f"{measure_names.get(mid, mid)}{colon()}{_actual(v)}" for mid, v in reported.actuals.items()),
                grade=grade_names.get(reported.traditional_grade, reported.traditional_grade) if reported.traditional_grade else fmt.NONE))
        out.append(PersonResults(period, tuple(rows)))
    return out


def personal_target(unit: Unit, pm: PersonalMeasure, period: Period | None) -> str:
    """A personal measure's target as its card shows it: the card period's (a cascaded one's
    from the measure it derives from), else every target written."""
    if period is not None:
        return fmt.target(cascade.personal_target(unit, pm, period.id, period.year))
    if pm.targets:
        return fmt.targets(pm.targets, unit.period_index)
    return fmt.target(pm.target)


def unit_outputs(site: SiteContext, unit: Unit) -> Iterable[Output]:
    if not (unit.people or unit.posts):
        return
    difficulty = {d.id: d for d in unit.rules.difficulty}
    holders: dict[str, list[Person]] = {}
    for person in unit.people:
        for a in person.posts:
            holders.setdefault(a.post, []).append(person)
    period = card_period(unit)[0]
    targets = {f"{p.id}/{m.id}": personal_target(unit, m, period) for p in unit.people for m in p.measures}
    yield page("people.md.j2", paths.people(unit.id), site=site, unit=unit, search_unit=search_unit(unit),
               difficulty=difficulty, holders=holders, results=person_results(unit),
               targets=targets, card_period=period,
               edit_url=site.edit_url(unit.files.get("posts")))
