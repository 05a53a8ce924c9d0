"""Editions: the immutable view of a `City` that one edition of the site may show.

The internal edition shows everything. The public edition is a *new* `City` built without
every internal entity, so templates never decide visibility and cannot leak what they are not
given:

- dropped when marked `internal: true`: registry entries (the whole unit), city and unit
  themes, objectives, sub maps, measures, action plans, departments (with their sub-cards),
  posts, bonus/deduction/veto items of assessment scales;
- dropped because they hang off a dropped entity: measures of a dropped objective, scale
  items and actuals of dropped measures, sub maps of a dropped theme or department, action
  plans that only move dropped objectives;
- always dropped: people (personal scorecards, post assignments) and person results;
- results with `published: false`, and all results of a unit whose rules say
  `publish_results: false`;
- references to dropped entities are removed: `drives`/`supports` to an internal objective,
  an objective's `theme`, a theme's `aligns_to`, owners/trackers/heads that are internal posts
  or departments (also an action plan's and its milestones' trackers, the unit's `heads`),
  sub maps' objective lists, a measure's `derives_from` naming a dropped measure.

The ranking is a page-level decision, exposed as `EditionView.show_ranking`.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from functools import cached_property
from typing import Literal

from ..i18n import N_
from ..model import (ActionPlan, City, Department, Measure, Objective, ResultsFile, Scale, SubMap,
                     Unit, copied)
from .lazytext import Names

Edition = Literal["public", "internal"]
EDITIONS: tuple[Edition, ...] = ("public", "internal")

#: human names of the editions, in the current language when looked up (公开版 / public edition)
EDITION_NAMES: Names[Edition] = Names({"public": N_("公开版"), "internal": N_("内部版")})


@dataclass(frozen=True, eq=False)
class EditionView:
    """What one edition may show: `city` (filtered) and, for scoring only, `source`."""

    edition: Edition
    #: the city as this edition shows it (the source itself for the internal edition)
    city: City
    #: the full city; only for computing official scores and statuses, never for text
    source: City

    @property
    def internal(self) -> bool:
        return self.edition == "internal"

    @property
    def show_ranking(self) -> bool:
        return self.internal or self.source.info.settings.publish_ranking

    @cached_property
    def scoring_units(self) -> dict[str, Unit]:
        """Units to score: every entity (official totals), but only results this edition shows."""
        out = {}
        for uid, shown in self.city.units.items():
            src = self.source.units[uid]
            if self.internal:
                out[uid] = src
            else:
                out[uid] = dataclasses.replace(
                    src, results={p: r for p, r in src.results.items() if p in shown.results})
        return out


def view(city: City, edition: Edition) -> EditionView:
    """The edition's view of `city` (the city itself is never changed)."""
    if edition not in EDITIONS:
        raise ValueError(f"unknown edition {edition!r}")
    if edition == "internal":
        return EditionView(edition, city, city)
    return EditionView(edition, public_city(city), city)


# -- the public filter ----------------------------------------------------------------------

def public_city(city: City) -> City:
    info = city.info
    themes = [t for t in info.themes if not t.internal]
    city_theme_ids = frozenset(t.id for t in themes)
    entries = [e for e in city.registry.units if not e.internal]
    units = {e.id: public_unit(city.units[e.id], city_theme_ids)
             for e in entries if e.id in city.units}
    return City(
        info=copied(info, {"themes": themes}),
        registry=copied(city.registry, {"units": entries}),
        glossary=city.glossary,
        units=units,
        root=city.root,
        locator=None,
    )


class _UnitFilter:
    """Computes the visible ids of one unit once, then rebuilds each part without the rest."""

    def __init__(self, unit: Unit, city_theme_ids: frozenset[str]) -> None:
        self.unit = unit
        self.city_theme_ids = city_theme_ids
        self.posts = tuple(p for p in unit.posts if not p.internal)
        self.hidden_posts = frozenset(p.id for p in unit.posts if p.internal)
        self.departments_src = tuple(d for d in unit.departments if not d.internal)
        self.hidden_departments = frozenset(d.id for d in unit.departments if d.internal)
        self.themes = tuple(t for t in unit.themes if not t.internal)
        self.theme_ids = frozenset(t.id for t in self.themes)
        objectives = [o for o in unit.objectives if not o.internal]
        objectives += [o for d in self.departments_src for o in d.objectives if not o.internal]
        self.objective_ids = frozenset(o.id for o in objectives)
        measures = [m for m in unit.measures if self._measure_visible(m)]
        measures += [m for d in self.departments_src for m in d.measures if self._measure_visible(m)]
        self.measure_ids = frozenset(m.id for m in measures)

    def _measure_visible(self, m: Measure) -> bool:
        return not m.internal and m.objective in self.objective_ids

    def owner(self, ref: str | None) -> str | None:
        """An owner/tracker/head reference, or None when it names something hidden."""
        if ref is None or ref in self.hidden_posts or ref in self.hidden_departments:
            return None
        return ref

    def objective(self, o: Objective) -> Objective:
        return copied(o, {
            "drives": [x for x in o.drives if x in self.objective_ids],
            "supports": [x for x in o.supports if x in self.objective_ids],
            "theme": o.theme if o.theme in self.theme_ids else None,
            "owner": self.owner(o.owner),
        })

    def objectives(self, objs: tuple[Objective, ...] | list[Objective]) -> list[Objective]:
        return [self.objective(o) for o in objs if o.id in self.objective_ids]

    def measure(self, m: Measure) -> Measure:
        return copied(m, {
            "owner": self.owner(m.owner), "tracker": self.owner(m.tracker),
            "derives_from": m.derives_from if m.derives_from in self.measure_ids else None})

    def measures(self, ms: tuple[Measure, ...] | list[Measure]) -> list[Measure]:
        return [self.measure(m) for m in ms if m.id in self.measure_ids]

    def department(self, d: Department) -> Department:
        return copied(d, {
            "head": self.owner(d.head),
            "objectives": self.objectives(d.objectives),
            "measures": self.measures(d.measures),
        })

    def submap(self, s: SubMap) -> SubMap | None:
        if s.internal:
            return None
        if s.theme is not None and s.theme not in self.theme_ids:
            return None
        if s.department is not None and s.department in self.hidden_departments:
            return None
        if s.objectives:
            kept = [x for x in s.objectives if x in self.objective_ids]
            if not kept:
                return None
            return copied(s, {"objectives": kept})
        return s

    def action(self, a: ActionPlan) -> ActionPlan | None:
        if a.internal:
            return None
        kept = [x for x in a.objectives if x in self.objective_ids]
        if not kept:
            return None
        return copied(a, {
            "objectives": kept, "owner": self.owner(a.owner), "tracker": self.owner(a.tracker),
            "milestones": [copied(m, {"tracker": self.owner(m.tracker)}) for m in a.milestones]})

    def scale(self, s: Scale) -> Scale:
        return copied(s, {
            "items": [i for i in s.items if i.measure in self.measure_ids],
            "bonus": [a for a in s.bonus if not a.internal],
            "deductions": [a for a in s.deductions if not a.internal],
            "veto": [a for a in s.veto if not a.internal],
        })

    def results(self, period: str, r: ResultsFile) -> ResultsFile:
        scale = self.unit.scales.get(period)
        hidden_adj = frozenset(a.id for a in (scale.bonus + scale.deductions + scale.veto)
                               if a.internal) if scale else frozenset()
        return copied(r, {
            "actuals": {k: v for k, v in r.actuals.items() if k in self.measure_ids},
            "bonus": {k: v for k, v in r.bonus.items() if k not in hidden_adj},
            "deductions": {k: v for k, v in r.deductions.items() if k not in hidden_adj},
            "veto": [k for k in r.veto if k not in hidden_adj],
            "people": {},
        })

    def build(self) -> Unit:
        u = self.unit
        info = u.info
        if info is not None:
            info = copied(info, {"themes": [
                copied(t, {"aligns_to": [c for c in t.aligns_to if c in self.city_theme_ids]})
                for t in self.themes], "heads": [h for h in info.heads if self.owner(h) is not None]})
        publish = u.rules.publish_results
        results = {p: self.results(p, r) for p, r in u.results.items() if publish and r.published}
        files = {k: v for k, v in u.files.items()
                 if not k.startswith("people/")
                 and not (k.startswith("results/") and k.removeprefix("results/") not in results)}
        if not u.posts:
            files.pop("posts", None)
        return dataclasses.replace(
            u,
            info=info,
            objectives=tuple(self.objectives(u.objectives)),
            maps=tuple(m for m in (self.submap(s) for s in u.maps) if m is not None),
            measures=tuple(self.measures(u.measures)),
            actions=tuple(a for a in (self.action(x) for x in u.actions) if a is not None),
            departments=tuple(self.department(d) for d in self.departments_src),
            posts=tuple(copied(p, {"department": p.department
                                   if p.department not in self.hidden_departments else None})
                        for p in self.posts),
            people=(),
            scales={p: self.scale(s) for p, s in u.scales.items()},
            results=results,
            files=files,
        )


def public_unit(unit: Unit, city_theme_ids: frozenset[str]) -> Unit:
    """The unit without anything internal (see the module docstring)."""
    return _UnitFilter(unit, city_theme_ids).build()
