"""A city's revision history in one edition's terms: the commits that changed its scorecards,
newest first, each with the changes `compare` found. Computed from git by `site.history` and
handed to the 修订记录 and 最近更新 pages, which never call git themselves."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from .changes import ChangeSet, Group


@dataclass(frozen=True)
class Revision:
    commit: str
    #: the commit's date, `YYYY-MM-DD`
    date: str
    #: the commit's subject line as this edition may show it
    subject: str
    #: the changes as this edition may show them (never empty)
    changes: ChangeSet

    @property
    def short(self) -> str:
        return self.commit[:7]


@dataclass(frozen=True)
class UnitRevision:
    """One revision as one unit's history page shows it: the revision and the unit's changes."""

    revision: Revision
    group: Group


@dataclass(frozen=True)
class History:
    revisions: tuple[Revision, ...] = ()
    #: why there is no history or only part of it (no git, a shallow clone); "" when complete
    note: str = ""

    @cached_property
    def _by_unit(self) -> dict[str | None, tuple[UnitRevision, ...]]:
        out: dict[str | None, list[UnitRevision]] = {}
        for r in self.revisions:
            for g in r.changes.groups:
                out.setdefault(g.unit, []).append(UnitRevision(r, g))
        return {k: tuple(v) for k, v in out.items()}

    def of_unit(self, unit_id: str) -> tuple[UnitRevision, ...]:
        """The revisions that changed the unit, newest first, with its changes."""
        return self._by_unit.get(unit_id, ())

    def latest(self, n: int) -> tuple[Revision, ...]:
        return self.revisions[:n]
