"""Rows of a scorecard table (perspective → objective → measures), shared by pages and downloads."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

from ..model import Measure, Objective, Period, Perspective, Scale, Unit
from ..model.vocab import Status
from ..scoring import cascade
from . import fmt


def card_period(unit: Unit) -> tuple[Period | None, Scale | None]:
    """The period the card shows targets and weights for: the latest with a scale, else the last."""
    for period in reversed(unit.periods):
        if period.id in unit.scales:
            return period, unit.scales[period.id]
    return (unit.periods[-1] if unit.periods else None), None


@dataclass(frozen=True)
class MeasureRow:
    measure: Measure
    weight: float | None
    owner: str | None
    status: Status
    #: the card period's target, or every target (formatted)
    targets: str


@dataclass(frozen=True)
class ObjectiveRow:
    objective: Objective
    status: Status
    measures: list[MeasureRow] = field(default_factory=list)
    owner: str | None = None

    @property
    def span(self) -> int:
        return max(1, len(self.measures))


@dataclass(frozen=True)
class PerspectiveRow:
    perspective: Perspective
    objectives: list[ObjectiveRow]

    @property
    def span(self) -> int:
        return sum(o.span for o in self.objectives)


def period_target(unit: Unit, m: Measure, period: Period | None) -> str:
    """The measure's target for the period (its own entry, else its year's; a cascaded
    measure's from the measure it derives from), or all targets."""
    if period is None:
        return fmt.targets(cascade.targets(unit, m), unit.period_index, m.data_type)
    return fmt.target(cascade.target(unit, m, period.id, period.year), m.data_type)


def card_rows(unit: Unit, objectives: Sequence[Objective], statuses: dict[str, Status],
              scale: Scale | None, period: Period | None = None) -> list[PerspectiveRow]:
    """Perspectives in the unit's order (plus any unknown ones last), empty ones left out."""
    weights = {i.measure: i.weight for i in scale.items} if scale else {}
    persp = list(unit.perspectives)
    known = {p.id for p in persp}
    for o in objectives:
        if o.perspective not in known:
            persp.append(Perspective(id=o.perspective, name=o.perspective, description=None, learning=False))
            known.add(o.perspective)
    rows = []
    for p in persp:
        objs = []
        for o in objectives:
            if o.perspective != p.id:
                continue
            ms = [MeasureRow(m, weights.get(m.id), unit.owner_name(m.owner),
                             statuses.get(m.id, "no-data"), period_target(unit, m, period))
                  for m in unit.measures_of(o.id)]
            objs.append(ObjectiveRow(o, statuses.get(o.id, "no-data"), ms, unit.owner_name(o.owner)))
        if objs:
            rows.append(PerspectiveRow(p, objs))
    return rows
