"""Internal edition only: an overview of people pages and of everything marked internal."""
from __future__ import annotations

from typing import Iterable

from ..context import SiteContext
from . import Output, page

KIND = "internal"
EDITIONS = ("internal",)


def _unit_entities(site: SiteContext, u) -> Iterable[tuple[str, object, str]]:
    """(what, entity, link) for every entity of a unit that may carry `internal`."""
    base = site.unit_path(u.id)
    yield from (("战略主题", t, f"{base}#t-{t.id}") for t in u.themes)
    yield from (("战略目标", o, f"{base}#o-{o.id}") for o in u.all_objectives)
    yield from (("分战略地图", s, f"{base}#sm-{s.id}") for s in u.maps)
    yield from (("指标", m, f"{site.cards_path(u.id)}#m-{m.id}") for m in u.all_measures)
    yield from (("行动方案", a, f"{base}#a-{a.id}") for a in u.actions)
    yield from (("部门", d, f"{base}#d-{d.id}") for d in u.departments)
    yield from (("岗位", p, site.people_path(u.id)) for p in u.posts)
    for period, scale in u.scales.items():
        yield from ((f"{period} 加减分/否决项", adj, base)
                    for adj in (*scale.bonus, *scale.deductions, *scale.veto))


def internal_entities(site: SiteContext) -> list[dict]:
    """(unit, what, id, name, link) for every entity marked internal."""
    out = [{"unit": None, "what": "市级战略主题", "id": t.id, "name": t.name,
            "link": f"city/index.md#c-{t.id}"} for t in site.city.info.themes if t.internal]
    for u in site.units:
        base = site.unit_path(u.id)
        if u.internal:
            out.append({"unit": u, "what": "单位", "id": u.id, "name": u.name, "link": base})
        out += [{"unit": u, "what": what, "id": e.id, "name": e.name, "link": link}
                for what, e, link in _unit_entities(site, u) if e.internal]
        out += [{"unit": u, "what": "未公开的考核结果", "id": period, "name": period, "link": base}
                for period, r in u.results.items() if not r.published]
    return out


def outputs(site: SiteContext) -> Iterable[Output]:
    people = [{"unit": u, "people": len(u.people), "posts": len(u.posts)}
              for u in site.units if u.people or u.posts]
    yield page("internal.md.j2", "internal/index.md", site=site, people=people,
               entities=internal_entities(site))
