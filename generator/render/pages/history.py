"""Revision history: a 修订记录 page per unit (`paths.history`) and the city-wide 最近更新 page
(`paths.CHANGES`), from `SiteContext.history` (computed from git by the site layer, already in
this edition's terms: the public edition's history names nothing internal).

Each entry is one commit, newest first: its date, subject and id, the warnings (a closed
period's result rewritten) and the changes in the words `bscportal diff` uses. A unit without
any revision in this edition gets no history page (its unit page has no link to one); the
最近更新 page is always there and says why there is no history (no git) or only part of it."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from markupsafe import Markup

from ...diff.changes import Change, Group
from ...diff.history import Revision
from ...diff.markdown import item
from ...i18n import tr
from ...model import Unit
from .. import paths
from ..context import SiteContext
from ..output import Output, page

KIND = "history"
#: revisions the 最近更新 page lists
LATEST = 30
#: changes the 最近更新 page shows per unit and revision before pointing to the unit's page
PER_UNIT = 5
#: characters of a commit subject shown in a heading
HEADING = 40


@dataclass(frozen=True)
class Line:
    """One change as a Markdown list item's text (escaped)."""

    text: Markup
    warning: bool
    internal: bool


@dataclass(frozen=True)
class GroupLines:
    group: Group
    lines: tuple[Line, ...]
    #: changes not shown (the 最近更新 page shows the first few)
    more: int = 0

    @property
    def warnings(self) -> tuple[Line, ...]:
        return tuple(x for x in self.lines if x.warning)

    @property
    def others(self) -> tuple[Line, ...]:
        return tuple(x for x in self.lines if not x.warning)


@dataclass(frozen=True)
class Entry:
    revision: Revision
    groups: tuple[GroupLines, ...]

    @property
    def heading(self) -> str:
        """The subject as a heading: shortened when long (the whole subject follows it)."""
        subject = self.revision.subject
        return subject if len(subject) <= HEADING else subject[:HEADING - 1] + "…"

    @property
    def shortened(self) -> bool:
        return len(self.revision.subject) > HEADING


def _line(c: Change) -> Line:
    return Line(Markup(item(c, mark_internal=False)), c.severity == "warning", c.internal)


def group_lines(g: Group, limit: int | None = None) -> GroupLines:
    ordered = sorted(g.changes, key=lambda c: c.severity != "warning")
    shown = ordered if limit is None else ordered[:limit]
    return GroupLines(g, tuple(_line(c) for c in shown), len(ordered) - len(shown))


def unit_outputs(site: SiteContext, unit: Unit) -> Iterable[Output]:
    history = site.history
    entries = [Entry(r.revision, (group_lines(r.group),)) for r in history.of_unit(unit.id)]
    if entries:   # a unit never changed in git gets no page (and no link): pages cost build time
        yield page("history.md.j2", paths.history(unit.id), site=site, unit=unit, entries=entries,
                   note=history.note, title=tr("{unit}修订记录", unit=unit.name))


def outputs(site: SiteContext) -> Iterable[Output]:
    history = site.history
    latest = [Entry(r, tuple(group_lines(g, PER_UNIT) for g in r.changes.groups))
              for r in history.latest(LATEST)]
    units = {u.id for u in site.units if history.of_unit(u.id)}
    yield page("changes.md.j2", paths.CHANGES, site=site, entries=latest, note=history.note,
               units=units, total=len(history.revisions))
