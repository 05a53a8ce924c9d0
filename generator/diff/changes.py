"""What `bscportal diff` finds: changes in scorecard terms, grouped by unit.

A `Change` is one thing a reviewer reads: an objective added, a target raised, a weight moved,
a closed period's result rewritten. Values are already formatted (`render.fmt`), so every output
(Markdown, text, JSON, the 修订记录 pages) shows the same text.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from ..model.vocab import ChangeKind, EntityKind

#: `info` an ordinary change; `notice` a target, threshold, weight or rule (called out);
#: `warning` a recorded result of a period that had ended was changed
Severity = Literal["info", "notice", "warning"]


@dataclass(frozen=True)
class Change:
    kind: ChangeKind
    entity: EntityKind
    #: the entity's id (`S1`, `M-S1-1`, `P1→S1` for a link, `2008` for a period's scale)
    ref: str
    #: the entity's display name (the new one, or the old one for a removed entity)
    name: str = ""
    #: the field's label (`目标值（2009年）`, `权重`), empty for the entity as a whole
    field: str = ""
    old: str | None = None
    new: str | None = None
    severity: Severity = "info"
    #: where the entity sits, when its id alone does not say (`2008年度考核量表`, `党政办分卡`)
    where: str = ""
    #: only in the internal edition (set by `compare.compare`)
    internal: bool = False

    @property
    def identity(self) -> tuple[str, str, str, str, str]:
        """What the change is to (not the values): a change the public edition also has, even
        with other values (an internal owner shown as `—`, fewer objectives in a summary), is
        not internal."""
        return (self.kind, self.entity, self.ref, self.field, self.where)


def whole(added: bool, entity: EntityKind, ref: str, name: str = "", summary: str | None = None,
          *, field: str = "", severity: Severity = "info", where: str = "") -> Change:
    """An entity added or removed as a whole, with what it holds (`summary`) on its side."""
    if added:
        return Change("added", entity, ref, name, field, None, summary, severity, where)
    return Change("removed", entity, ref, name, field, summary, None, severity, where)


@dataclass(frozen=True)
class Group:
    """The changes of one unit (`unit` is its id) or of the city's own files (`unit` None)."""

    unit: str | None
    name: str
    changes: tuple[Change, ...]

    @property
    def warnings(self) -> tuple[Change, ...]:
        return tuple(c for c in self.changes if c.severity == "warning")


@dataclass(frozen=True)
class ChangeSet:
    """Every change between two revisions, in the order the groups and files are compared."""

    groups: tuple[Group, ...] = ()
    #: what the two sides are (`abc1234`, `工作区`), for headings
    base: str = ""
    head: str = ""

    def __bool__(self) -> bool:
        return any(g.changes for g in self.groups)

    @property
    def changes(self) -> tuple[Change, ...]:
        return tuple(c for g in self.groups for c in g.changes)

    @property
    def warnings(self) -> tuple[Change, ...]:
        return tuple(c for c in self.changes if c.severity == "warning")

    def group(self, unit: str | None) -> Group | None:
        for g in self.groups:
            if g.unit == unit:
                return g
        return None

    def without_internal(self) -> "ChangeSet":
        """Only the changes the public edition may mention (groups left empty are dropped)."""
        groups = []
        for g in self.groups:
            kept = tuple(c for c in g.changes if not c.internal)
            if kept:
                groups.append(Group(g.unit, g.name, kept))
        return ChangeSet(tuple(groups), self.base, self.head)


@dataclass
class Collector:
    """Changes of one group as they are found, in order."""

    changes: list[Change] = field(default_factory=list)

    def add(self, change: Change) -> None:
        self.changes.append(change)

    def extend(self, changes: list[Change]) -> None:
        self.changes.extend(changes)
