"""`City` and `Unit`: a unit's files joined into one immutable object, and the whole city."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Iterator

from .action import ActionPlan
from .assessment import AssessmentRules, Period, Scale
from .city import CityFile, Perspective
from .department import Department
from .glossary import GlossaryFile
from .measure import Measure
from .people import Person, Post
from .registry import RegistryEntry, RegistryFile
from .results import ResultsFile
from .strategy import Objective, SubMap
from .source import SourceLocator
from .unit import Theme, UnitFile


@dataclass(frozen=True, eq=False)
class Unit:
    entry: RegistryEntry
    city_rules: AssessmentRules
    city_perspectives: tuple[Perspective, ...]
    info: UnitFile | None = None
    objectives: tuple[Objective, ...] = ()
    maps: tuple[SubMap, ...] = ()
    measures: tuple[Measure, ...] = ()
    actions: tuple[ActionPlan, ...] = ()
    departments: tuple[Department, ...] = ()
    posts: tuple[Post, ...] = ()
    people: tuple[Person, ...] = ()
    own_rules: AssessmentRules | None = None
    scales: dict[str, Scale] = field(default_factory=dict)
    results: dict[str, ResultsFile] = field(default_factory=dict)
    #: kind of file ("unit", "map", "measures", "people/<id>", "assessment/<p>", ...) → repo path
    files: dict[str, str] = field(default_factory=dict)
    folder: str | None = None

    # -- identity ---------------------------------------------------------------------------
    @property
    def id(self) -> str:
        return self.entry.id

    @property
    def name(self) -> str:
        return self.entry.name

    @property
    def internal(self) -> bool:
        return self.entry.internal

    @property
    def has_system(self) -> bool:
        """True when the unit has more than its registry entry."""
        return self.info is not None

    @property
    def silenced(self) -> frozenset[str]:
        return frozenset(self.info.silence) if self.info else frozenset()

    @property
    def themes(self) -> tuple[Theme, ...]:
        return tuple(self.info.themes) if self.info else ()

    @property
    def perspectives(self) -> tuple[Perspective, ...]:
        if self.info and self.info.perspectives:
            return tuple(self.info.perspectives)
        return self.city_perspectives

    @property
    def rules(self) -> AssessmentRules:
        return self.own_rules or self.city_rules

    @property
    def periods(self) -> tuple[Period, ...]:
        return tuple(self.rules.periods)

    # -- lookups ----------------------------------------------------------------------------
    @cached_property
    def all_objectives(self) -> tuple[Objective, ...]:
        """Unit-card objectives, then every department's sub-card objectives."""
        return self.objectives + tuple(o for d in self.departments for o in d.objectives)

    @cached_property
    def all_measures(self) -> tuple[Measure, ...]:
        """Measures on the unit card and on every department sub-card."""
        return self.measures + tuple(m for d in self.departments for m in d.measures)

    @cached_property
    def objective_index(self) -> dict[str, Objective]:
        return {o.id: o for o in self.all_objectives}

    @cached_property
    def measure_index(self) -> dict[str, Measure]:
        return {m.id: m for m in self.all_measures}

    @cached_property
    def period_index(self) -> dict[str, Period]:
        return {p.id: p for p in self.periods}

    @cached_property
    def post_index(self) -> dict[str, Post]:
        return {p.id: p for p in self.posts}

    @cached_property
    def department_index(self) -> dict[str, Department]:
        return {d.id: d for d in self.departments}

    @cached_property
    def person_index(self) -> dict[str, Person]:
        return {p.id: p for p in self.people}

    def department_of_objective(self, objective_id: str) -> Department | None:
        for d in self.departments:
            if any(o.id == objective_id for o in d.objectives):
                return d
        return None

    def measures_of(self, objective_id: str) -> tuple[Measure, ...]:
        return tuple(m for m in self.all_measures if m.objective == objective_id)

    def owner_name(self, owner: str | None) -> str | None:
        """Display name of a post or department id."""
        if owner is None:
            return None
        if owner in self.post_index:
            return self.post_index[owner].name
        if owner in self.department_index:
            return self.department_index[owner].name
        return owner

    @property
    def assessed_periods(self) -> tuple[Period, ...]:
        """Periods that have both a scale and results, in time order."""
        return tuple(p for p in self.periods if p.id in self.scales and p.id in self.results)


@dataclass(frozen=True, eq=False)
class City:
    info: CityFile
    registry: RegistryFile
    glossary: GlossaryFile
    units: dict[str, Unit]
    root: str = "scorecards"
    locator: SourceLocator | None = None

    @property
    def name(self) -> str:
        return self.info.name

    def __iter__(self) -> Iterator[Unit]:
        return iter(self.units.values())

    @property
    def benchmark_units(self) -> tuple[Unit, ...]:
        return tuple(u for u in self.units.values() if u.entry.benchmark)

    @cached_property
    def stage_index(self) -> dict[str, int]:
        return {s.id: i for i, s in enumerate(self.info.stages)}
