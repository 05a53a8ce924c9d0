"""Typed rows of the tracking pages (督办): what is overdue as of the build's as-of date, per
unit and, within a unit, per tracker (the post or department that follows it up).

Items come from the full city (`EditionView.source`, `scoring.tracking.overdue`) and are kept
only where the edition may show them:

- the internal edition shows every kind; the public edition the kinds the city publishes
  (`settings.publish_tracking`), and nothing at all when it publishes none;
- an action plan or milestone only when the plan is in the edition's unit (not internal);
- a late value only when the measure is in the edition and the period's results are shown in
  it (an unpublished result's gaps and their notes stay internal);
- a tracker's name only when the post or department is in the edition (else NONE).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import get_args

from ..i18n import N_, paren, tr
from ..model import Unit
from ..model.vocab import TRACKING_KIND, TrackingKind
from ..scoring.tracking import OverdueItem, overdue
from . import fmt, paths
from .edition import EditionView

#: the group of items whose tracker nobody named (the message: `tr(NO_TRACKER)` to show it)
NO_TRACKER = N_("未指定跟踪人")


@dataclass(frozen=True)
class OverdueRow:
    item: OverdueItem
    #: the tracker as the edition names it
    tracker: str
    #: the reason written beside a missing value (only where the edition shows the results)
    note: str | None

    @property
    def kind(self) -> str:
        return TRACKING_KIND.label(self.item.kind)

    @property
    def days(self) -> str:
        return fmt.overdue(self.item.days)

    @property
    def context(self) -> str:
        """What the item belongs to: the plan of a milestone, the period of a value."""
        i = self.item
        if i.kind == "milestone" and i.action is not None:
            return tr("行动方案 {id} {name}", id=i.action.id, name=i.action.name)
        if i.kind == "value" and i.period is not None:
            if i.assessed:
                what = tr("{period}考核指标", period=i.period.name)
            else:
                what = tr("{period}监控指标", period=i.period.name)
            return what + (paren(tr("本期未报送")) if i.unreported else "")
        return ""

    @property
    def internal(self) -> bool:
        """The plan or measure is marked internal (only the internal edition lists it)."""
        i = self.item
        thing = i.measure if i.kind == "value" else i.action
        return thing is not None and thing.internal

    def link(self, unit_id: str) -> str:
        """Where the item is described: the plan on the unit page, the measure's card."""
        i = self.item
        if i.kind == "value":
            return paths.at(paths.cards(unit_id), paths.measure_anchor(i.ref))
        return paths.at(paths.unit(unit_id), paths.action_anchor(i.ref))


@dataclass(frozen=True)
class TrackerGroup:
    tracker: str
    rows: tuple[OverdueRow, ...]


@dataclass(frozen=True)
class UnitTracking:
    unit: Unit
    kind: str
    groups: tuple[TrackerGroup, ...]

    @property
    def rows(self) -> tuple[OverdueRow, ...]:
        return tuple(r for g in self.groups for r in g.rows)

    def count(self, kind: TrackingKind) -> int:
        return sum(1 for r in self.rows if r.item.kind == kind)

    @property
    def longest(self) -> int:
        return max((r.item.days for r in self.rows), default=0)


@dataclass(frozen=True)
class TrackingReport:
    as_of: dt.date
    #: the kinds of item this edition lists, in vocabulary order
    kinds: tuple[TrackingKind, ...]
    #: units with at least one overdue item, in registry order
    units: tuple[UnitTracking, ...]

    def count(self, kind: TrackingKind) -> int:
        return sum(u.count(kind) for u in self.units)

    @property
    def total(self) -> int:
        return sum(len(u.rows) for u in self.units)

    def kind_label(self, kind: TrackingKind) -> str:
        return TRACKING_KIND.label(kind)


def shown_kinds(ev: EditionView) -> tuple[TrackingKind, ...]:
    """The kinds of overdue item the edition lists (internal: all)."""
    published = set(ev.source.info.settings.publish_tracking)
    kinds: tuple[TrackingKind, ...] = get_args(TrackingKind)
    return tuple(k for k in kinds if ev.internal or k in published)


def _visible(item: OverdueItem, shown: Unit) -> bool:
    if item.kind in ("action", "milestone"):
        return any(a.id == item.ref for a in shown.actions)
    return (item.ref in shown.measure_index and item.period is not None
            and item.period.id in shown.results)


def _tracker(ref: str | None, shown: Unit) -> str:
    if ref is None:
        return tr(NO_TRACKER)
    if ref in shown.post_index or ref in shown.department_index:
        return shown.owner_name(ref) or ref
    return fmt.NONE


def unit_tracking(ev: EditionView, unit_id: str, on: dt.date, kind: str = "") -> UnitTracking | None:
    """A unit's overdue items as the edition shows them, grouped by tracker (longest overdue
    first); None when the edition lists no kind of item or the unit is not in it."""
    kinds = shown_kinds(ev)
    shown = ev.city.units.get(unit_id)
    if not kinds or shown is None:
        return None
    groups: dict[str, list[OverdueRow]] = {}
    for item in overdue(ev.source.units[unit_id], on):
        if item.kind not in kinds or not _visible(item, shown):
            continue
        tracker = _tracker(item.tracker, shown)
        note = item.note if item.kind == "value" else None
        groups.setdefault(tracker, []).append(OverdueRow(item, tracker, note))
    return UnitTracking(shown, kind, tuple(TrackerGroup(t, tuple(rows)) for t, rows in groups.items()))


def tracking_report(ev: EditionView, on: dt.date) -> TrackingReport | None:
    """Every unit's overdue items in this edition; None when the edition lists none."""
    kinds = shown_kinds(ev)
    if not kinds:
        return None
    names = {k.id: k.name for k in ev.city.info.kinds}
    units = []
    for entry in ev.city.registry.units:
        if entry.id not in ev.city.units:
            continue
        found = unit_tracking(ev, entry.id, on, names.get(entry.kind, entry.kind))
        if found is not None and found.groups:
            units.append(found)
    return TrackingReport(on, kinds, tuple(units))
