"""Lists of entities compared by id: added, removed, renamed (same id, new name), moved (same
id, new place) and changed fields. A new id is a new entity: renames are never guessed from
similar text."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Generic, Iterable, Mapping, TypeVar

from pydantic import BaseModel

from ..model import Period
from ..model.vocab import ChangeKind, EntityKind
from .changes import Change, Severity
from .fields import TEXT_FIELDS, Names, field_diffs

E = TypeVar("E", bound=BaseModel)


@dataclass(frozen=True)
class Spec(Generic[E]):
    """How one kind of entity is compared."""

    entity: EntityKind
    #: the entity's id
    key: Callable[[E], str]
    #: its display name ("" when it has none)
    name: Callable[[E], str] = lambda e: str(getattr(e, "name", ""))
    #: fields compared elsewhere (nested lists) or not at all
    skip: frozenset[str] = frozenset()
    #: fields whose change moves the entity (a perspective, an objective, a card)
    moves: frozenset[str] = frozenset()
    #: every change to this entity is called out (rules, weights)
    notice: bool = False
    #: what an added or removed entity brings with it (`权重 10`), if anything
    summary: Callable[[E], str | None] = lambda e: None


def keyed(spec: Spec[E], old: Iterable[E], new: Iterable[E], *, where: str = "",
          periods: Mapping[str, Period] | None = None, names: Names | None = None,
          severity: Callable[[Change], Severity] | None = None) -> list[Change]:
    """Removed, then added, then (in the new order) renamed, moved and changed entities."""
    before = {spec.key(e): e for e in old}
    after = {spec.key(e): e for e in new}
    out: list[Change] = []
    base: Severity = "notice" if spec.notice else "info"
    for k, e in before.items():
        if k not in after:
            out.append(Change("removed", spec.entity, k, spec.name(e), old=spec.summary(e),
                              severity=base, where=where))
    for k, e in after.items():
        if k not in before:
            out.append(Change("added", spec.entity, k, spec.name(e), new=spec.summary(e),
                              severity=base, where=where))
    for k, e in after.items():
        if k in before:
            out += changed(spec, before[k], e, where=where, periods=periods, names=names)
    if severity is not None:
        out = [_with(c, severity(c)) for c in out]
    return out


def changed(spec: Spec[E], a: E, b: E, *, where: str = "",
            periods: Mapping[str, Period] | None = None, names: Names | None = None) -> list[Change]:
    """How one entity (same id on both sides) changed."""
    if a == b:
        return []
    out: list[Change] = []
    k, name = spec.key(b), spec.name(b)
    skip = spec.skip | {"id"}
    if "name" in type(b).model_fields and spec.name(a) != name:
        out.append(Change("renamed", spec.entity, k, name, old=spec.name(a), new=name,
                          severity="notice" if spec.notice else "info", where=where))
        skip = skip | {"name"}
    for d in field_diffs(a, b, skip=skip, periods=periods, names=names):
        kind: ChangeKind = "moved" if d.name in spec.moves else "changed"
        sev: Severity = "notice" if (spec.notice and d.name not in TEXT_FIELDS or d.notice) else "info"
        out.append(Change(kind, spec.entity, k, name, field=d.label, old=d.old, new=d.new,
                          severity=sev, where=where))
    return out


def _with(c: Change, severity: Severity) -> Change:
    return c if c.severity == severity else Change(
        c.kind, c.entity, c.ref, c.name, c.field, c.old, c.new, severity, c.where, c.internal)
