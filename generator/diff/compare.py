"""Two revisions of a city compared in scorecard terms, in both editions' terms.

The internal comparison takes the cities as loaded; the public one takes each side's public
view (`render.edition.public_city`, the same filter that builds the public site), so the public
changes can only name what the public edition shows. A change of the internal comparison that
the public one does not have is marked `internal`.

Files that could not be read at one revision (a format older than the model, a syntax error)
are not compared: their part of the unit is skipped on both sides, and the internal comparison
says which file could not be compared.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from ..i18n import N_, tr
from ..model import City, Unit
from ..render.edition import public_city
from .changes import Change, ChangeSet, Collector, Group, whole
from .city import city_changes
from .periods import results, rules, scales
from .units import UnitPair, system_summary

#: a unit file's kind (as in `Unit.files`: `map`, `results/2008`) → the entity it holds
FILE_ENTITY = {"unit": "unit", "map": "objective", "measures": "measure", "actions": "action",
               "departments": "department", "posts": "post", "rules": "rules", "people": "person",
               "assessment": "scale", "results": "results"}
#: heading of the city's own changes (translated where used)
CITY_GROUP = N_("全市")


@dataclass(frozen=True)
class Snapshot:
    """A city as loaded at one revision (None: there is no readable `city.yml`/`registry.yml`)."""

    city: City | None
    #: files that exist at this revision but could not be read, relative to the scorecards folder
    unreadable: frozenset[str] = frozenset()
    #: how the revision is named in headings (`abc1234`, `工作区`: `revision.WORKTREE`)
    label: str = ""


@dataclass(frozen=True)
class Comparison:
    #: every change, internal ones marked
    full: ChangeSet
    #: what the public edition may say
    public: ChangeSet

    def edition(self, edition: str) -> ChangeSet:
        return self.public if edition == "public" else self.full


def _failed(unreadable: frozenset[str], uid: str) -> set[str]:
    """A unit's unreadable files as `Unit.files` keys: `map`, `results/2008`, `people/x`."""
    prefix = f"units/{uid}/"
    return {p[len(prefix):].removesuffix(".yml") for p in unreadable if p.startswith(prefix)}


class _Compare:
    def __init__(self, base: Snapshot, head: Snapshot, as_of: dt.date, public: bool) -> None:
        self.base, self.head, self.as_of, self.public = base, head, as_of, public
        self.unreadable = base.unreadable | head.unreadable

    def unit(self, old: Unit, new: Unit, city_themes: dict[str, str]) -> list[Change]:
        failed = _failed(self.unreadable, new.id)
        if failed and self.public:
            # the public view of a unit with a file missing on one side drops what hangs off it
            # (scale items, results of its measures): nothing reliable to say in public
            return []
        out = Collector()
        if not self.public:
            for key in sorted(failed):
                out.add(Change("unreadable", FILE_ENTITY.get(key.split("/")[0], "unit"),  # type: ignore[arg-type]
                               f"units/{new.id}/{key}.yml", field=tr("文件"),
                               new=tr("该版本的文件无法按当前格式读取，未逐项比较")))
        if old.has_system != new.has_system and "unit" not in failed:
            out.add(whole(new.has_system, "unit", new.id, new.name,
                          system_summary(new if new.has_system else old), field=tr("计分卡体系")))
            return [*out.changes, *UnitPair(old, new, city_themes, self.as_of).entry()]
        pair = UnitPair(_without(old, failed), _without(new, failed), city_themes, self.as_of)
        skip = {k.split("/")[0] for k in failed}
        out.extend(pair.entry())
        if "unit" not in skip:
            out.extend(pair.info())
        if not skip & {"map", "departments"}:
            out.extend(pair.objectives() + pair.maps())
        if not skip & {"measures", "departments"}:
            out.extend(pair.measures())
        for key, part in (("actions", pair.actions), ("departments", pair.departments),
                          ("posts", pair.posts)):
            if key not in skip:
                out.extend(part())
        out.extend(pair.people())
        names = {**pair.names, "measure": {m.id: m.name for u in (pair.old, pair.new) for m in u.all_measures},
                 "person": {p.id: p.name for u in (pair.old, pair.new) for p in u.people}}
        out.extend(scales(pair.old.scales, pair.new.scales, pair.periods, names))
        if "rules" not in skip and (old.own_rules or new.own_rules):
            if (old.own_rules is None) != (new.own_rules is None):
                city_rules, own_rules = tr("全市默认考核办法"), tr("本单位考核办法")
                out.add(Change("changed", "rules", "", field=tr("考核办法来源"),
                               old=city_rules if old.own_rules is None else own_rules,
                               new=city_rules if new.own_rules is None else own_rules,
                               severity="notice"))
            out.extend(rules(old.rules, new.rules, names))
        types = {m.id: m.data_type for u in (pair.old, pair.new) for m in u.all_measures}
        out.extend(results(pair.old.results, pair.new.results, pair.periods, self.as_of, names, types))
        return out.changes

    def run(self) -> ChangeSet:
        old, new = self.base.city, self.head.city
        groups: list[Group] = []
        if old is None or new is None:
            return ChangeSet(self._whole(old, new), self.base.label, self.head.label)
        city = city_changes(old, new, glossary="glossary.yml" not in self.unreadable)
        if city:
            groups.append(Group(None, tr(CITY_GROUP), tuple(city)))
        themes = {t.id: t.name for c in (old, new) for t in c.info.themes}
        for uid in [*new.units, *(u for u in old.units if u not in new.units)]:
            a, b = old.units.get(uid), new.units.get(uid)
            if a is None or b is None:
                u = b if b is not None else a
                assert u is not None
                changes = [whole(a is None, "unit", uid, u.name, system_summary(u))]
            else:
                changes = self.unit(a, b, themes)
                u = b
            if changes:
                groups.append(Group(uid, u.name, tuple(changes)))
        return ChangeSet(tuple(groups), self.base.label, self.head.label)

    def _whole(self, old: City | None, new: City | None) -> tuple[Group, ...]:
        """One side has no readable city: the other side's units as added or removed."""
        if old is None and new is None:
            return ()
        if self.public and (self.base.unreadable or self.head.unreadable):
            return ()   # unknown what the unreadable side held: the public edition says nothing
        city = new or old
        assert city is not None
        if (self.base.unreadable if old is None else self.head.unreadable):
            note = Change("unreadable", "city", "city.yml", field=tr("文件"),
                          new=tr("该版本的全市数据无法按当前格式读取，未逐项比较"))
            return (Group(None, tr(CITY_GROUP), (note,)),)
        groups = [Group(None, tr(CITY_GROUP), (whole(old is None, "city", city.info.id, city.name),))]
        for u in city.units.values():
            groups.append(Group(u.id, u.name, (whole(old is None, "unit", u.id, u.name, system_summary(u)),)))
        return tuple(groups)


def _without(u: Unit, failed: set[str]) -> Unit:
    """The unit without the people, scales and results whose file was unreadable on a side."""
    if not failed:
        return u
    return replace(u, people=tuple(p for p in u.people if f"people/{p.id}" not in failed),
                   scales={k: v for k, v in u.scales.items() if f"assessment/{k}" not in failed},
                   results={k: v for k, v in u.results.items() if f"results/{k}" not in failed})


def _public(s: Snapshot) -> Snapshot:
    return Snapshot(public_city(s.city) if s.city is not None else None, s.unreadable, s.label)


def compare(base: Snapshot, head: Snapshot, as_of: dt.date) -> Comparison:
    """Both editions' changes from `base` to `head`; results of periods that ended before
    `as_of` count as recorded."""
    full = _Compare(base, head, as_of, public=False).run()
    public = _Compare(_public(base), _public(head), as_of, public=True).run()
    shown = {(g.unit, *c.identity) for g in public.groups for c in g.changes}
    marked = tuple(Group(g.unit, g.name, tuple(
        c if (g.unit, *c.identity) in shown else replace(c, internal=True) for c in g.changes))
        for g in full.groups)
    return Comparison(ChangeSet(marked, full.base, full.head), public)
