"""Internal edition only: an overview of people pages and of everything marked internal."""
from __future__ import annotations

from typing import Iterable

from ..context import SiteContext
from . import Output, page

KIND = "internal"
EDITIONS = ("internal",)


def internal_entities(site: SiteContext) -> list[dict]:
    """(unit, what, id, name, link) for every entity marked internal."""
    out = []
    for t in site.city.info.themes:
        if t.internal:
            out.append({"unit": None, "what": "市级战略主题", "id": t.id, "name": t.name,
                        "link": f"city/index.md#c-{t.id}"})
    for u in site.units:
        base = site.unit_path(u.id)
        if u.internal:
            out.append({"unit": u, "what": "单位", "id": u.id, "name": u.name, "link": base})
        for t in u.themes:
            if t.internal:
                out.append({"unit": u, "what": "战略主题", "id": t.id, "name": t.name, "link": f"{base}#t-{t.id}"})
        for o in u.all_objectives:
            if o.internal:
                out.append({"unit": u, "what": "战略目标", "id": o.id, "name": o.name, "link": f"{base}#o-{o.id}"})
        for s in u.maps:
            if s.internal:
                out.append({"unit": u, "what": "分战略地图", "id": s.id, "name": s.name, "link": f"{base}#sm-{s.id}"})
        for m in u.all_measures:
            if m.internal:
                out.append({"unit": u, "what": "指标", "id": m.id, "name": m.name,
                            "link": f"{site.cards_path(u.id)}#m-{m.id}"})
        for a in u.actions:
            if a.internal:
                out.append({"unit": u, "what": "行动方案", "id": a.id, "name": a.name, "link": f"{base}#a-{a.id}"})
        for d in u.departments:
            if d.internal:
                out.append({"unit": u, "what": "部门", "id": d.id, "name": d.name, "link": f"{base}#d-{d.id}"})
        for p in u.posts:
            if p.internal:
                out.append({"unit": u, "what": "岗位", "id": p.id, "name": p.name,
                            "link": site.people_path(u.id)})
        for period, scale in u.scales.items():
            for adj in (*scale.bonus, *scale.deductions, *scale.veto):
                if adj.internal:
                    out.append({"unit": u, "what": f"{period} 加减分/否决项", "id": adj.id, "name": adj.name,
                                "link": base})
        for period, r in u.results.items():
            if not r.published:
                out.append({"unit": u, "what": "未公开的考核结果", "id": period, "name": period, "link": base})
    return out


def outputs(site: SiteContext) -> Iterable[Output]:
    people = [{"unit": u, "people": len(u.people), "posts": len(u.posts)}
              for u in site.units if u.people or u.posts]
    yield page("internal.md.j2", "internal/index.md", site=site, people=people,
               entities=internal_entities(site))
