"""Cascade integrity: a department or personal measure that names the unit measure it derives
from (`derives_from`) takes its target and actual from that measure, unless it says why it
differs (`override_reason`).

Pure functions over the model:

- `source(unit, ref)`: the measure a `derives_from` names (None when it names nothing);
- `target(unit, measure, period_id, year)` / `personal_target(...)`: the target that counts;
- `actual(unit, actuals, measure)` / `personal_actual(...)`: the results entry that counts;
- `contradictions(unit)`: every written target or actual that differs from its source without
  a reason (what `check` reports, BSC109).

Which value counts: without a reason, the source's when the source has one, else the measure's
own (so a cascaded measure may fill a gap, never contradict); with a reason, the measure's own
when written, else the source's. A chain (a personal measure from a department measure that
derives from a unit measure) is followed to its end; a loop stops where it closes.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Mapping

from ..model import Measure, PersonalMeasure, Person, TargetRange, Unit
from .actuals import read_actual
from .records import Target


def source(unit: Unit, ref: str | None, seen: frozenset[str] = frozenset()) -> Measure | None:
    """The measure `ref` names, if it exists and is not already on the chain (`seen`)."""
    if ref is None or ref in seen:
        return None
    return unit.measure_index.get(ref)


def _chain_target(unit: Unit, m: Measure, period_id: str, year: int | None,
                  seen: frozenset[str]) -> Target | None:
    own: Target | None = m.target_for(period_id, year)
    up = source(unit, m.derives_from, seen | {m.id})
    inherited: Target | None = _chain_target(unit, up, period_id, year, seen | {m.id}) if up is not None else None
    return _pick(own, inherited, m.override_reason is not None)


def _pick(own: Target | None, inherited: Target | None, overridden: bool) -> Target | None:
    """The value that counts (see the module docstring)."""
    if overridden:
        return own if own is not None else inherited
    return inherited if inherited is not None else own


def target(unit: Unit, m: Measure, period_id: str, year: int | None) -> Target | None:
    """A measure's target for the period, following `derives_from`."""
    return _chain_target(unit, m, period_id, year, frozenset())


def targets(unit: Unit, m: Measure, seen: frozenset[str] = frozenset()) -> dict[str, Target]:
    """Every target of a measure, key by key as `target` picks them (own keys first)."""
    up = source(unit, m.derives_from, seen | {m.id})
    inherited = targets(unit, up, seen | {m.id}) if up is not None else {}
    if m.override_reason is not None:
        return {**inherited, **m.targets}
    return {**m.targets, **inherited}


def _chain_actual(unit: Unit, actuals: Mapping[str, object], m: Measure, seen: frozenset[str]) -> object:
    own = actuals.get(m.id)
    up = source(unit, m.derives_from, seen | {m.id})
    inherited = _chain_actual(unit, actuals, up, seen | {m.id}) if up is not None else None
    return _pick_actual(own, inherited, m.override_reason is not None)


def _pick_actual(own: object, inherited: object, overridden: bool) -> object:
    """Like `_pick`, on results entries: an entry whose value is null counts as absent."""
    own_value = read_actual(own).value
    inherited_value = read_actual(inherited).value
    if overridden:
        return own if own_value is not None or inherited_value is None else inherited
    return inherited if inherited_value is not None else own


def actual(unit: Unit, actuals: Mapping[str, object], m: Measure) -> object:
    """The results entry (value, or {value, note, evidence}) that counts for a measure."""
    return _chain_actual(unit, actuals, m, frozenset())


def personal_target(unit: Unit, pm: PersonalMeasure, period_id: str, year: int | None) -> Target | None:
    up = source(unit, pm.derives_from)
    own: Target | None = pm.target_for(period_id, year)
    inherited: Target | None = target(unit, up, period_id, year) if up is not None else None
    return _pick(own, inherited, pm.override_reason is not None)


def personal_actual(unit: Unit, pm: PersonalMeasure, person_actuals: Mapping[str, object],
                    unit_actuals: Mapping[str, object]) -> object:
    """A personal measure's results entry: the person's own, or the unit's for the measure it
    derives from."""
    up = source(unit, pm.derives_from)
    inherited = actual(unit, unit_actuals, up) if up is not None else None
    return _pick_actual(person_actuals.get(pm.id), inherited, pm.override_reason is not None)


# -- contradictions ------------------------------------------------------------------------------

@dataclass(frozen=True)
class Contradiction:
    """A written value that differs from the measure it derives from, without a reason."""

    #: "target" or "actual"
    what: str
    #: the department measure, or the personal measure and its person
    measure: Measure | PersonalMeasure
    person: Person | None
    source: Measure
    #: the targets key (period id or year) or the results' period id
    key: str
    own: Target | float | bool
    theirs: Target | float | bool


def same(a: object, b: object) -> bool:
    """Two targets or actual values are the same figure (numbers within 1e-9)."""
    if isinstance(a, TargetRange) or isinstance(b, TargetRange):
        return (isinstance(a, TargetRange) and isinstance(b, TargetRange)
                and math.isclose(a.min, b.min, abs_tol=1e-9) and math.isclose(a.max, b.max, abs_tol=1e-9))
    if isinstance(a, bool) or isinstance(b, bool):
        return isinstance(a, bool) and isinstance(b, bool) and a == b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)
    return a == b


def _year_of(unit: Unit, key: str) -> int | None:
    period = unit.period_index.get(key)
    if period is not None:
        return period.year
    return int(key) if len(key) == 4 and key.isdigit() else None


def _target_keys(unit: Unit, own: Mapping[str, Target], general: Target | None) -> list[str]:
    """The keys to compare: every written key, and every period for a general target."""
    keys = list(own)
    if general is not None:
        keys += [p.id for p in unit.periods if p.id not in own]
    return keys


def _compare_targets(unit: Unit, m: Measure | PersonalMeasure, person: Person | None,
                     up: Measure) -> list[Contradiction]:
    general = m.target if isinstance(m, PersonalMeasure) else None
    out = []
    for key in _target_keys(unit, m.targets, general):
        year = _year_of(unit, key)
        own = m.target_for(key, year)
        theirs = target(unit, up, key, year)
        if own is not None and theirs is not None and not same(own, theirs):
            out.append(Contradiction("target", m, person, up, key, own, theirs))
    return out


def _compare_actual(m: Measure | PersonalMeasure, person: Person | None, up: Measure, key: str,
                    own_raw: object, theirs_raw: object) -> list[Contradiction]:
    own, theirs = read_actual(own_raw).value, read_actual(theirs_raw).value
    if own is None or theirs is None or same(own, theirs):
        return []
    return [Contradiction("actual", m, person, up, key, own, theirs)]


def contradictions(unit: Unit) -> tuple[Contradiction, ...]:
    """Every cascaded measure's written target or actual that differs from its source's
    without an `override_reason`, in file order (department measures, then people)."""
    out: list[Contradiction] = []
    for d in unit.departments:
        for m in d.measures:
            up = source(unit, m.derives_from, frozenset({m.id}))
            if up is None or m.override_reason is not None:
                continue
            out += _compare_targets(unit, m, None, up)
            for pid, results in unit.results.items():
                if m.id in results.actuals:
                    out += _compare_actual(m, None, up, pid, results.actuals[m.id],
                                           actual(unit, results.actuals, up))
    for person in unit.people:
        for pm in person.measures:
            up = source(unit, pm.derives_from)
            if up is None or pm.override_reason is not None:
                continue
            out += _compare_targets(unit, pm, person, up)
            for pid, results in unit.results.items():
                mine = results.people.get(person.id)
                if mine is not None and pm.id in mine.actuals:
                    out += _compare_actual(pm, person, up, pid, mine.actuals[pm.id],
                                           actual(unit, results.actuals, up))
    return tuple(out)
