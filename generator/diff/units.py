"""One unit's strategy side, old against new: its registry entry, mission, vision, values and
themes, objectives (wherever they sit: unit card or a department's sub-card), cause-and-effect
links, sub maps, measures (indicator cards), action plans, departments, posts and people.

Scales, results and rules are in `periods.py`."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property
from typing import Callable, Mapping

from ..model import (ActionPlan, Department, Measure, Objective, Period, Person, Perspective,
                     Post, PersonalMeasure, SubMap, Theme, Unit)
from ..i18n import N_, join, paren, tr, tr_n
from ..model.base import field_label
from ..model.people import PostAssignment
from ..model.registry import RegistryEntry
from ..model.unit import UnitFile
from ..render import fmt
from .changes import Change
from .entities import Spec, changed, keyed
from .fields import Names

#: where an objective or measure sits when it is on the unit card (translated where used)
UNIT_CARD = N_("总卡")
CARD = N_("所在计分卡")

PERSPECTIVE = Spec[Perspective]("perspective", key=lambda p: p.id)
THEME = Spec[Theme]("theme", key=lambda t: t.id)
OBJECTIVE = Spec[Objective]("objective", key=lambda o: o.id, skip=frozenset({"drives"}),
                            moves=frozenset({"perspective"}))
SUBMAP = Spec[SubMap]("submap", key=lambda s: s.id)
MEASURE = Spec[Measure]("measure", key=lambda m: m.id, moves=frozenset({"objective"}))
ACTION = Spec[ActionPlan]("action", key=lambda a: a.id)
DEPARTMENT = Spec[Department]("department", key=lambda d: d.id,
                              skip=frozenset({"objectives", "measures"}))
POST = Spec[Post]("post", key=lambda p: p.id, moves=frozenset({"department"}))
PERSON = Spec[Person]("person", key=lambda p: p.id, skip=frozenset({"posts", "measures"}))
PERSONAL_MEASURE = Spec[PersonalMeasure]("measure", key=lambda m: m.id, moves=frozenset({"post"}))
ENTRY = Spec[RegistryEntry]("unit", key=lambda e: e.id)
INFO = Spec[UnitFile]("unit", key=lambda u: u.id, name=lambda u: "",
                      skip=frozenset({"themes", "perspectives"}))


def system_summary(u: Unit) -> str:
    """What a unit's system holds, in one line (for a unit added or removed whole)."""
    if not u.has_system:
        return tr("尚未录入计分卡体系")
    objectives, measures, scales, results = (len(u.all_objectives), len(u.all_measures), len(u.scales),
                                             len(u.results))
    return join([tr_n("{n} 个战略目标", "{n} 个战略目标", objectives, n=objectives),
                 tr_n("{n} 个指标", "{n} 个指标", measures, n=measures),
                 tr_n("{n} 个考核量表", "{n} 个考核量表", scales, n=scales),
                 tr_n("{n} 期考核结果", "{n} 期考核结果", results, n=results)])


@dataclass(frozen=True)
class UnitPair:
    """The same unit at two revisions."""

    old: Unit
    new: Unit
    #: the city's theme names (a unit theme's `aligns_to`)
    city_themes: Mapping[str, str]
    #: a result of a period that ended before this date is a recorded result
    as_of: dt.date

    @cached_property
    def periods(self) -> dict[str, Period]:
        return {**self.old.period_index, **self.new.period_index}

    @cached_property
    def names(self) -> Names:
        """Display names of what fields refer to, the new side's winning."""
        def both(f: Callable[[Unit], dict[str, str]]) -> dict[str, str]:
            return {**f(self.old), **f(self.new)}

        objectives = both(lambda u: {o.id: o.name for o in u.all_objectives})
        owners = both(lambda u: {**{d.id: d.name for d in u.departments}, **{p.id: p.name for p in u.posts}})
        return {
            "perspective": both(lambda u: {p.id: p.name for p in u.perspectives}),
            "objective": objectives, "drives": objectives, "supports": objectives,
            "objectives": objectives,
            "theme": both(lambda u: {t.id: t.name for t in u.themes}),
            "owner": owners, "tracker": owners, "head": owners, "department": owners,
            "post": both(lambda u: {p.id: p.name for p in u.posts}),
            "difficulty": both(lambda u: {d.id: d.name for d in u.rules.difficulty}),
            "aligns_to": dict(self.city_themes),
        }

    # -- the parts -------------------------------------------------------------------------
    def entry(self) -> list[Change]:
        return changed(ENTRY, self.old.entry, self.new.entry)

    def info(self) -> list[Change]:
        a, b = self.old.info, self.new.info
        if a is None or b is None:
            return []
        out = changed(INFO, a, b, names=self.names)
        out += keyed(THEME, a.themes, b.themes, names=self.names)
        if a.perspectives != b.perspectives:
            out += keyed(PERSPECTIVE, self.old.perspectives, self.new.perspectives)
            old_order = [p.id for p in self.old.perspectives]
            new_order = [p.id for p in self.new.perspectives]
            kept = [p for p in new_order if p in old_order]
            if kept != [p for p in old_order if p in new_order]:
                out.append(Change("changed", "perspective", "", field=tr("顺序"),
                                  old=fmt.join(self.names["perspective"].get(p, p) for p in old_order),
                                  new=fmt.join(self.names["perspective"].get(p, p) for p in new_order)))
        return out

    def _card(self, u: Unit, of: str, ident: str) -> str:
        for d in u.departments:
            items = d.objectives if of == "objective" else d.measures
            if any(x.id == ident for x in items):
                return tr("{department}分卡", department=d.name)
        return tr(UNIT_CARD)

    def _cards(self, of: str, old_ids: list[str], new_ids: set[str]) -> list[Change]:
        out = []
        for ident in old_ids:
            if ident in new_ids:
                a, b = self._card(self.old, of, ident), self._card(self.new, of, ident)
                if a != b:
                    name = (self.new.objective_index.get(ident) if of == "objective"
                            else self.new.measure_index.get(ident))
                    out.append(Change("moved", "objective" if of == "objective" else "measure", ident,
                                      name.name if name else "", field=tr(CARD), old=a, new=b))
        return out

    def objectives(self) -> list[Change]:
        a, b = self.old.all_objectives, self.new.all_objectives
        out = keyed(OBJECTIVE, a, b, periods=self.periods, names=self.names)
        out += self._cards("objective", [o.id for o in a], {o.id for o in b})
        return out + self.links()

    def links(self) -> list[Change]:
        """Cause-and-effect arrows (`drives`) added and removed."""
        def arrows(u: Unit) -> list[tuple[str, str]]:
            return [(o.id, d) for o in u.all_objectives for d in o.drives]

        before, after = arrows(self.old), arrows(self.new)
        names = self.names["objective"]
        out = []
        for kind, pairs, other in (("removed", before, set(after)), ("added", after, set(before))):
            for src, dst in pairs:
                if (src, dst) not in other:
                    out.append(Change(kind, "link", f"{src}→{dst}",  # type: ignore[arg-type]
                                      tr("「{source}」→「{target}」", source=names.get(src, src),
                                         target=names.get(dst, dst))))
        return out

    def maps(self) -> list[Change]:
        return keyed(SUBMAP, self.old.maps, self.new.maps, names=self.names)

    def measures(self) -> list[Change]:
        a, b = self.old.all_measures, self.new.all_measures
        out = keyed(MEASURE, a, b, periods=self.periods, names=self.names)
        return out + self._cards("measure", [m.id for m in a], {m.id for m in b})

    def actions(self) -> list[Change]:
        return keyed(ACTION, self.old.actions, self.new.actions, names=self.names)

    def departments(self) -> list[Change]:
        return keyed(DEPARTMENT, self.old.departments, self.new.departments, names=self.names)

    def posts(self) -> list[Change]:
        return keyed(POST, self.old.posts, self.new.posts, names=self.names)

    def people(self) -> list[Change]:
        before = {p.id: p for p in self.old.people}
        after = {p.id: p for p in self.new.people}
        out = keyed(PERSON, self.old.people, self.new.people, names=self.names)
        for pid, b in after.items():
            a = before.get(pid)
            if a is None:
                continue
            out += self._assignments(a, b)
            out += keyed(PERSONAL_MEASURE, a.measures, b.measures, where=tr("{person}的个人计分卡", person=b.name),
                         periods=self.periods, names=self.names)
        return out

    def _assignments(self, a: Person, b: Person) -> list[Change]:
        """A person moved between posts (posts added or dropped), or their shares changed."""
        posts = self.names["post"]

        def held(p: Person) -> str:
            return fmt.join(posts.get(x.post, x.post) + (paren(fmt.share(x.share)) if x.share else "")
                            for x in p.posts)

        if [x.post for x in a.posts] != [x.post for x in b.posts]:
            return [Change("moved", "person", b.id, b.name, field=field_label(Person, "posts"),
                           old=held(a), new=held(b))]
        if a.posts != b.posts:
            return [Change("changed", "person", b.id, b.name,
                           field=field_label(PostAssignment, "share"), old=held(a), new=held(b))]
        return []

    def strategy(self) -> list[Change]:
        """Every strategy-side change of the unit, in the order a reviewer reads a unit page."""
        return (self.entry() + self.info() + self.objectives() + self.maps() + self.measures()
                + self.actions() + self.departments() + self.posts() + self.people())
