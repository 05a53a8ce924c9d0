"""Internal edition only: an overview of people pages and of everything marked internal."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Iterator, Protocol

from ...i18n import tr
from ...model import Unit
from .. import paths
from ..context import SiteContext
from ..output import Output, page
from ..reporting import period_reports

KIND = "internal"
EDITIONS = ("internal",)


class Markable(Protocol):
    """Anything that can be marked `internal: true`."""

    @property
    def id(self) -> str: ...

    @property
    def name(self) -> str: ...

    @property
    def internal(self) -> bool: ...


@dataclass(frozen=True)
class InternalEntity:
    unit: Unit | None
    #: what kind of thing it is (战略目标, 指标, ...)
    what: str
    id: str
    name: str
    link: str


@dataclass(frozen=True)
class PeopleCount:
    unit: Unit
    people: int
    posts: int


def _unit_entities(u: Unit) -> Iterator[tuple[str, Markable, str]]:
    """(what, entity, link) for every entity of a unit that may carry `internal`."""
    base = paths.unit(u.id)
    yield from ((tr("战略主题"), t, f"{base}#t-{t.id}") for t in u.themes)
    yield from ((tr("战略目标"), o, paths.at(base, paths.objective_anchor(o.id))) for o in u.all_objectives)
    yield from ((tr("分战略地图"), s, f"{base}#sm-{s.id}") for s in u.maps)
    yield from ((tr("指标"), m, paths.at(paths.cards(u.id), paths.measure_anchor(m.id))) for m in u.all_measures)
    yield from ((tr("行动方案"), a, f"{base}#a-{a.id}") for a in u.actions)
    yield from ((tr("部门"), d, f"{base}#d-{d.id}") for d in u.departments)
    yield from ((tr("岗位"), p, paths.people(u.id)) for p in u.posts)
    for period, scale in u.scales.items():
        yield from ((tr("{period} 加减分/否决项", period=period), adj, base)
                    for adj in (*scale.bonus, *scale.deductions, *scale.veto))


def internal_entities(site: SiteContext) -> list[InternalEntity]:
    """Every entity marked internal, and every unpublished result."""
    out = [InternalEntity(None, tr("市级战略主题"), t.id, t.name, f"{paths.CITY}#c-{t.id}")
           for t in site.city.info.themes if t.internal]
    for u in site.units:
        base = paths.unit(u.id)
        if u.internal:
            out.append(InternalEntity(u, tr("单位"), u.id, u.name, base))
        out += [InternalEntity(u, what, e.id, e.name, link) for what, e, link in _unit_entities(u) if e.internal]
        out += [InternalEntity(u, tr("未公开的考核结果"), period, period, base)
                for period, r in u.results.items() if not r.published]
    return out


def outputs(site: SiteContext) -> Iterable[Output]:
    people = [PeopleCount(u, len(u.people), len(u.posts)) for u in site.units if u.people or u.posts]
    yield page("internal.md.j2", paths.INTERNAL, site=site, people=people, entities=internal_entities(site),
               reporting=bool(period_reports(site.ev, site.as_of)))
