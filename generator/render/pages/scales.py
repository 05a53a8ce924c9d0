"""A unit's assessment scale of a period as a form to print and fill in (`paths.scale`).

The scale (考核量表) is issued before the period: each assessed indicator with its weight,
target and scoring rule, and empty columns for the actual value, the score and the evidence;
then the bonus, deduction and veto items, and a signature block (填报人、审核人、单位负责人, the
unit's seal). One page per period with a scale, results or not: an office prints it blank and
files the signed copy. In the public edition the internal items are one summed row, so the
weights still add up.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from ...i18n import tr
from ...model import Adjustment, Period, Scale, Unit
from ...model.vocab import RULE
from .. import paths
from ..cardrows import period_target
from ..context import SiteContext
from ..output import Output, page

KIND = "scales"


@dataclass(frozen=True)
class ScaleRow:
    """One assessed indicator of the form."""

    perspective: str
    objective: str
    measure_id: str
    name: str
    weight: float
    target: str
    unit: str
    rule: str
    note: str


@dataclass(frozen=True)
class HiddenItems:
    """Internal items the public edition does not list: how many and their weight."""

    count: int
    weight: float


def scale_rows(unit: Unit, period: Period, scale: Scale) -> list[ScaleRow]:
    persp = {p.id: p.name for p in unit.perspectives}
    rows = []
    for item in scale.items:
        m = unit.measure_index.get(item.measure)
        if m is None:
            continue
        o = unit.objective_index.get(m.objective)
        rows.append(ScaleRow(
            perspective=persp.get(o.perspective, o.perspective) if o else "",
            objective=o.name if o else m.objective, measure_id=m.id, name=m.name, weight=item.weight,
            target=period_target(unit, m, period), unit=m.unit or "", rule=RULE.label(item.rule),
            note=item.note or ""))
    return rows


def hidden_items(site: SiteContext, unit: Unit, period_id: str, shown: Scale) -> HiddenItems | None:
    """The items of the full scale that this edition leaves out."""
    full = site.ev.source.units[unit.id].scales.get(period_id)
    if full is None or site.internal:
        return None
    kept = {i.measure for i in shown.items}
    gone = [i for i in full.items if i.measure not in kept]
    return HiddenItems(len(gone), sum(i.weight for i in gone)) if gone else None


def adjustments(scale: Scale) -> list[tuple[str, Adjustment]]:
    bonus, deduction, veto = tr("加分"), tr("扣分"), tr("一票否决")
    return ([(bonus, a) for a in scale.bonus] + [(deduction, a) for a in scale.deductions]
            + [(veto, a) for a in scale.veto])


def unit_outputs(site: SiteContext, unit: Unit) -> Iterable[Output]:
    for period in unit.periods:
        scale = unit.scales.get(period.id)
        if scale is None:
            continue
        rows = scale_rows(unit, period, scale)
        hidden = hidden_items(site, unit, period.id, scale)
        total = sum(r.weight for r in rows) + (hidden.weight if hidden else 0.0)
        yield page("scale.md.j2", paths.scale(unit.id, period.id), site=site, unit=unit, period=period,
                   scale=scale, rows=rows, hidden=hidden, total=total, adjustments=adjustments(scale),
                   has_results=period.id in unit.results,
                   edit_url=site.edit_url(unit.files.get(f"assessment/{period.id}")))

