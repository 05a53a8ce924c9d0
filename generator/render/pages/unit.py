"""A unit's pages: `units/<id>/index.md` (strategy, map, cards, actions, results, articles),
`units/<id>/cards.md` (indicator cards, one section per measure with anchor `#m-<id>`), the map
SVGs and the downloads (CSV, JSON)."""
from __future__ import annotations

from typing import Iterable, Iterator

from ...model import ActionPlan, Measure, Objective, SubMap, Unit
from ..cardrows import card_period, card_rows, fmt_target
from ..context import SiteContext
from ..downloads import measures_csv, unit_json
from ..escape import anchor
from ..labels import literal
from ..maps import MapSpec, legend
from . import Output, page

KIND = "unit"

#: YAML files of a unit, in the order the "edit" list shows them: key in `Unit.files` → label
SOURCE_FILES = {
    "unit": "使命、愿景、战略主题",
    "map": "战略地图与目标",
    "measures": "指标卡",
    "actions": "行动方案",
    "departments": "部门分卡",
    "posts": "岗位",
    "rules": "考核办法",
}


def submap_objectives(unit: Unit, s: SubMap) -> list[Objective]:
    """The objectives a sub map shows: its list, else its theme's or department's objectives."""
    if s.objectives:
        wanted = set(s.objectives)
        return [o for o in unit.all_objectives if o.id in wanted]
    if s.department:
        dept = unit.department_index.get(s.department)
        return list(dept.objectives) if dept else []
    return [o for o in unit.all_objectives if o.theme == s.theme]


def map_text(unit: Unit, objectives: list[Objective], statuses: dict[str, str],
             names: dict[str, str]) -> list[dict]:
    """The text alternative of a map: per perspective, each objective and what it drives."""
    shown = {o.id: o for o in objectives}
    out = []
    for p in unit.perspectives:
        objs = [o for o in objectives if o.perspective == p.id]
        if not objs:
            continue
        out.append({"perspective": p, "objectives": [
            {"o": o, "status": statuses.get(o.id, "no-data"),
             "status_name": names.get(statuses.get(o.id, "no-data"), ""),
             "drives": [shown[d] for d in o.drives if d in shown]} for o in objs]})
    return out


def _maps(site: SiteContext, unit: Unit, statuses: dict[str, str]) -> tuple[dict | None, list[dict]]:
    if not unit.objectives:
        main = None
    else:
        spec = MapSpec("map-main", f"{unit.name}总战略地图", unit.perspectives, unit.objectives,
                       statuses, "index.html#", site.status_names)
        main = {"svg": site.maps.render(spec), "file": "map.svg",
                "text": map_text(unit, list(unit.objectives), statuses, site.status_names)}
    subs = []
    for s in unit.maps:
        objs = submap_objectives(unit, s)
        if not objs:
            continue
        spec = MapSpec(f"submap-{s.id}", s.name, unit.perspectives, objs, statuses, "index.html#",
                       site.status_names)
        subs.append({"map": s, "svg": site.maps.render(spec), "file": f"submap-{s.id}.svg",
                     "text": map_text(unit, objs, statuses, site.status_names)})
    return main, subs


def _action_rows(unit: Unit) -> list[dict]:
    rows = []
    for a in unit.actions:
        rows.append({
            "a": a,
            "objectives": [unit.objective_index[o] for o in a.objectives if o in unit.objective_index],
            "owner": unit.owner_name(a.owner),
            "status": literal(ActionPlan, "status", a.status),
            "done": sum(1 for m in a.milestones if m.done),
        })
    return rows


def unit_context(site: SiteContext, unit: Unit) -> dict:
    statuses = site.scores.status(unit.id)
    period, scale = card_period(unit)
    main_map, sub_maps = _maps(site, unit, statuses) if unit.has_system else (None, [])
    departments = [{
        "d": d,
        "head": unit.owner_name(d.head),
        "rows": card_rows(unit, d.objectives, statuses, scale, period),
        "supports": {o.id: [unit.objective_index[s] for s in o.supports if s in unit.objective_index]
                     for o in d.objectives},
    } for d in unit.departments]
    themes = [{
        "t": t,
        "city": [(c, site.city_theme_names.get(c, c)) for c in t.aligns_to],
        "objectives": [o for o in unit.all_objectives if o.theme == t.id],
    } for t in unit.themes]
    files = [(label, unit.files[key], site.edit_url(unit.files[key]))
             for key, label in SOURCE_FILES.items() if key in unit.files]
    files += [(f"考核量表 {k.split('/', 1)[1]}", v, site.edit_url(v))
              for k, v in unit.files.items() if k.startswith("assessment/")]
    files += [(f"考核结果 {k.split('/', 1)[1]}", v, site.edit_url(v))
              for k, v in unit.files.items() if k.startswith("results/")]
    return {
        "site": site,
        "unit": unit,
        "entry": unit.entry,
        "info": unit.info,
        "kind_name": site.kind_names.get(unit.entry.kind, unit.entry.kind),
        "stage_name": site.stage_names.get(unit.entry.stage, unit.entry.stage),
        "updated": site.updated.get(unit.id, "—"),
        "themes": themes,
        "main_map": main_map,
        "sub_maps": sub_maps,
        "legend": legend(site.status_names),
        "rows": card_rows(unit, unit.objectives, statuses, scale, period),
        "card_period": period,
        "has_scale": scale is not None,
        "departments": departments,
        "actions": _action_rows(unit),
        "latest": site.scores.latest(unit.id),
        "measure_index": unit.measure_index,
        "articles": site.unit_articles(unit.id),
        "files": files,
        "edit_url": site.edit_url(unit.files.get("unit")),
        "has_people": site.internal and bool(unit.people or unit.posts),
        "status_names": site.status_names,
        "anchor": anchor,
        "fmt_target": fmt_target,
        "literal": literal,
        "Measure": Measure,
        "ActionPlan": ActionPlan,
    }


def _card_groups(unit: Unit) -> Iterator[tuple[str, str | None, list[Measure]]]:
    """(heading, department id, measures) in card order: perspectives, then departments."""
    for p in unit.perspectives:
        ms = [m for o in unit.objectives if o.perspective == p.id for m in unit.measures_of(o.id)]
        if ms:
            yield p.name, None, ms
    card_ids = {o.id for o in unit.objectives}
    stray = [m for m in unit.measures if m.objective not in card_ids]
    if stray:
        yield "其他", None, stray
    for d in unit.departments:
        if d.measures:
            yield f"{d.name}分卡", d.id, list(d.measures)


def cards_context(site: SiteContext, unit: Unit) -> dict:
    statuses = site.scores.status(unit.id)
    weights: dict[str, list[tuple[str, float]]] = {}
    for period in unit.periods:
        scale = unit.scales.get(period.id)
        for item in scale.items if scale else ():
            weights.setdefault(item.measure, []).append((period.name, item.weight))
    latest = site.scores.latest(unit.id)
    latest_items = {i.measure_id: i for i in latest.score.items} if latest else {}
    return {
        "site": site,
        "unit": unit,
        "groups": list(_card_groups(unit)),
        "objectives": unit.objective_index,
        "statuses": statuses,
        "status_names": site.status_names,
        "weights": weights,
        "latest": latest,
        "latest_items": latest_items,
        "anchor": anchor,
        "fmt_target": fmt_target,
        "literal": literal,
        "Measure": Measure,
        "edit_url": site.edit_url(unit.files.get("measures")),
    }


def outputs(site: SiteContext) -> Iterable[Output]:
    for unit in site.units:
        ctx = unit_context(site, unit)
        yield page("unit.md.j2", site.unit_path(unit.id), **ctx)
        base = f"units/{unit.id}"
        if ctx["main_map"]:
            yield Output(f"{base}/{ctx['main_map']['file']}", ctx["main_map"]["svg"].encode("utf-8"))
        for s in ctx["sub_maps"]:
            yield Output(f"{base}/{s['file']}", s["svg"].encode("utf-8"))
        if unit.all_measures:
            yield page("cards.md.j2", site.cards_path(unit.id), **cards_context(site, unit))
        if unit.has_system:
            yield Output(f"{base}/{unit.id}-measures.csv",
                         measures_csv(unit, site.scores.status(unit.id), site.status_names))
            yield Output(f"{base}/{unit.id}.json",
                         unit_json(unit, site.edition, site.updated.get(unit.id)))
