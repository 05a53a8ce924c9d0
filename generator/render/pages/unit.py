"""A unit's pages: `paths.unit` (strategy, map, cards, actions, results, articles), `paths.cards`
(indicator cards, one section per measure with anchor `#m-<id>`), the map SVGs and the
downloads (CSV, JSON)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Iterator

from ...i18n import N_, tr, tr_p
from ...model import ActionPlan, Department, Measure, Objective, Perspective, SubMap, Theme, Unit
from ...model.vocab import ActionStatus, Status
from ...scoring.tracking import action_status
from .. import fmt, paths
from ..cardrows import PerspectiveRow, card_period, card_rows, period_target
from ..context import SiteContext
from ..downloads import measures_csv, unit_json
from ..jinja import relurl
from ..maps import MapSpec, legend
from ..resultrows import PeriodResult
from ..output import Output, page
from ..tracking import unit_tracking

KIND = "unit"


def source_labels() -> dict[str, str]:
    """YAML files of a unit, in the order the "edit" list shows them: key in `Unit.files` → label."""
    return {
        "unit": tr("使命、愿景、战略主题"),
        "map": tr("战略地图与目标"),
        "measures": tr_p("file label", "指标卡"),
        "actions": tr_p("file label", "行动方案"),
        "departments": tr("部门分卡"),
        "posts": tr_p("file label", "岗位"),
        "rules": tr("考核办法"),
    }


#: per-period files of a unit: key prefix in `Unit.files` → label (translated where shown)
PERIOD_FILES = (("assessment/", N_("考核量表")), ("results/", N_("考核结果")))


# -- strategy maps -------------------------------------------------------------------------------

@dataclass(frozen=True)
class MapItem:
    """One objective in a map's text alternative: its status and the objectives it drives."""

    o: Objective
    status: Status
    drives: tuple[Objective, ...]


@dataclass(frozen=True)
class MapBand:
    perspective: Perspective
    objectives: tuple[MapItem, ...]


@dataclass(frozen=True)
class RenderedMap:
    svg: str
    #: the SVG's docs-relative path
    file: str
    #: the map as text: per perspective, each objective and what it drives
    text: tuple[MapBand, ...]
    #: the sub map it draws (None for the main map)
    map: SubMap | None = None


def submap_objectives(unit: Unit, s: SubMap) -> list[Objective]:
    """The objectives a sub map shows: its list, else its theme's or department's objectives."""
    if s.objectives:
        wanted = set(s.objectives)
        return [o for o in unit.all_objectives if o.id in wanted]
    if s.department:
        dept = unit.department_index.get(s.department)
        return list(dept.objectives) if dept else []
    return [o for o in unit.all_objectives if o.theme == s.theme]


def map_text(unit: Unit, objectives: list[Objective], statuses: dict[str, Status]) -> tuple[MapBand, ...]:
    shown = {o.id: o for o in objectives}
    out = []
    for p in unit.perspectives:
        objs = [o for o in objectives if o.perspective == p.id]
        if objs:
            out.append(MapBand(p, tuple(
                MapItem(o, statuses.get(o.id, "no-data"), tuple(shown[d] for d in o.drives if d in shown))
                for o in objs)))
    return tuple(out)


def _map_spec(unit: Unit, graph_id: str, title: str, objectives: list[Objective],
              statuses: dict[str, Status]) -> MapSpec:
    file = paths.map_svg(unit.id, graph_id)
    # the same links work in the page (which inlines the SVG) and in the SVG file beside it
    return MapSpec(graph_id, title, unit.perspectives, objectives, statuses,
                   relurl(file, paths.unit(unit.id)) + "#", unit=unit.id)


def map_specs(unit: Unit, statuses: dict[str, Status]) -> list[tuple[MapSpec, SubMap | None]]:
    """The unit's maps: the main one (if it has objectives), then each sub map that shows any."""
    out: list[tuple[MapSpec, SubMap | None]] = []
    if unit.objectives:
        out.append((_map_spec(unit, "map-main", tr("{unit}总战略地图", unit=unit.name), list(unit.objectives),
                              statuses), None))
    for s in unit.maps:
        objs = submap_objectives(unit, s)
        if objs:
            out.append((_map_spec(unit, f"submap-{s.id}", s.name, objs, statuses), s))
    return out


def unit_maps(site: SiteContext, unit: Unit,
              statuses: dict[str, Status]) -> tuple[RenderedMap | None, list[RenderedMap]]:
    rendered = [RenderedMap(site.maps.render(spec), paths.map_svg(unit.id, spec.graph_id),
                            map_text(unit, list(spec.objectives), statuses), sub)
                for spec, sub in map_specs(unit, statuses)]
    if unit.objectives:
        return rendered[0], rendered[1:]
    return None, rendered


def prepare(site: SiteContext, units: Iterable[Unit]) -> None:
    """Before `units` are rendered: draw the maps not yet cached, all in one Graphviz run."""
    site.maps.prefetch([spec for unit in units if unit.has_system
                        for spec, _ in map_specs(unit, site.scores.status(unit.id))])


# -- the unit page -------------------------------------------------------------------------------

@dataclass(frozen=True)
class ActionRow:
    a: ActionPlan
    objectives: tuple[Objective, ...]
    owner: str | None
    #: the tracker's name (None: nobody named, the owner follows it up)
    tracker: str | None
    #: the status as of the site's as-of date, from the dates where they tell
    status: ActionStatus
    #: days past the end date while not done (0 when not overdue)
    overdue: int

    @property
    def done(self) -> int:
        return sum(1 for m in self.a.milestones if m.finished)


def action_rows(site: SiteContext, unit: Unit) -> list[ActionRow]:
    out = []
    for a in unit.actions:
        status = action_status(a, site.as_of)
        late = (site.as_of - a.end).days if status == "delayed" and a.end < site.as_of else 0
        out.append(ActionRow(a, tuple(unit.objective_index[o] for o in a.objectives if o in unit.objective_index),
                             unit.owner_name(a.owner), unit.owner_name(a.tracker), status, late))
    return out


@dataclass(frozen=True)
class DepartmentCard:
    d: Department
    head: str | None
    rows: list[PerspectiveRow]
    #: objective id → the unit-card objectives it supports
    supports: dict[str, tuple[Objective, ...]]


@dataclass(frozen=True)
class ThemeRow:
    t: Theme
    #: (id, name) of the city themes it aligns to
    city: tuple[tuple[str, str], ...]
    objectives: tuple[Objective, ...]


@dataclass(frozen=True)
class SourceFile:
    label: str
    path: str
    edit: str | None


def _source_files(site: SiteContext, unit: Unit) -> list[SourceFile]:
    files = [SourceFile(label, unit.files[key], site.edit_url(unit.files[key]))
             for key, label in source_labels().items() if key in unit.files]
    for prefix, label in PERIOD_FILES:
        files += [SourceFile(f"{tr(label)} {k.split('/', 1)[1]}", v, site.edit_url(v))
                  for k, v in unit.files.items() if k.startswith(prefix)]
    return files


def search_unit(unit: Unit) -> list[str]:
    """The unit's names for the search hook (`site.searchunit`)."""
    return [unit.name] + ([unit.entry.short_name] if unit.entry.short_name else [])


def unit_context(site: SiteContext, unit: Unit, main_map: RenderedMap | None,
                 sub_maps: list[RenderedMap]) -> dict[str, object]:
    statuses = site.scores.status(unit.id)
    period, scale = card_period(unit)
    return {
        "site": site,
        "unit": unit,
        "search_unit": search_unit(unit),
        "entry": unit.entry,
        "info": unit.info,
        "kind_name": site.kind_names.get(unit.entry.kind, unit.entry.kind),
        "stage_name": site.stage_names.get(unit.entry.stage, unit.entry.stage),
        "updated": site.updated.get(unit.id, fmt.NONE),
        "themes": [ThemeRow(t, tuple((c, site.city_theme_names.get(c, c)) for c in t.aligns_to),
                            tuple(o for o in unit.all_objectives if o.theme == t.id)) for t in unit.themes],
        "main_map": main_map,
        "sub_maps": sub_maps,
        "legend": legend(),
        "rows": card_rows(unit, unit.objectives, statuses, scale, period),
        "card_period": period,
        "has_scale": scale is not None,
        "departments": [DepartmentCard(
            d, unit.owner_name(d.head), card_rows(unit, d.objectives, statuses, scale, period),
            {o.id: tuple(unit.objective_index[s] for s in o.supports if s in unit.objective_index)
             for o in d.objectives}) for d in unit.departments],
        "actions": action_rows(site, unit),
        "tracking": unit_tracking(site.ev, unit.id, site.as_of),
        "latest": site.scores.latest(unit.id),
        "articles": site.unit_articles(unit.id),
        "files": _source_files(site, unit),
        "edit_url": site.edit_url(unit.files.get("unit")),
        "has_people": site.internal and bool(unit.people or unit.posts),
    }


# -- the indicator cards -------------------------------------------------------------------------

@dataclass(frozen=True)
class CardGroup:
    heading: str
    measures: tuple[Measure, ...]


def card_groups(unit: Unit) -> Iterator[CardGroup]:
    """Measures in card order: by perspective, then stray ones, then department sub-cards."""
    for p in unit.perspectives:
        ms = [m for o in unit.objectives if o.perspective == p.id for m in unit.measures_of(o.id)]
        if ms:
            yield CardGroup(p.name, tuple(ms))
    card_ids = {o.id for o in unit.objectives}
    stray = [m for m in unit.measures if m.objective not in card_ids]
    if stray:
        yield CardGroup(tr("其他"), tuple(stray))
    for d in unit.departments:
        if d.measures:
            yield CardGroup(tr("{name}分卡", name=d.name), tuple(d.measures))


@dataclass(frozen=True)
class Weighting:
    period: str
    weight: float


def cards_context(site: SiteContext, unit: Unit) -> dict[str, object]:
    weights: dict[str, list[Weighting]] = {}
    for period in unit.periods:
        scale = unit.scales.get(period.id)
        for item in scale.items if scale else ():
            weights.setdefault(item.measure, []).append(Weighting(period.name, item.weight))
    latest: PeriodResult | None = site.scores.latest(unit.id)
    return {
        "site": site,
        "unit": unit,
        "title": tr("{unit} · 指标卡", unit=unit.name),
        "search_unit": search_unit(unit),
        "groups": list(card_groups(unit)),
        "targets": {m.id: period_target(unit, m, None) for m in unit.all_measures},
        "statuses": site.scores.status(unit.id),
        "weights": weights,
        "latest": latest,
        "latest_items": {r.measure_id: r for r in latest.rows} if latest else {},
        "edit_url": site.edit_url(unit.files.get("measures")),
    }


def unit_outputs(site: SiteContext, unit: Unit) -> Iterable[Output]:
    main_map, sub_maps = (unit_maps(site, unit, site.scores.status(unit.id)) if unit.has_system
                          else (None, []))
    yield page("unit.md.j2", paths.unit(unit.id), **unit_context(site, unit, main_map, sub_maps))
    for m in ([main_map] if main_map else []) + sub_maps:
        yield Output(m.file, m.svg.encode("utf-8"))
    if unit.all_measures:
        yield page("cards.md.j2", paths.cards(unit.id), **cards_context(site, unit))
    if unit.has_system:
        yield Output(paths.measures_csv(unit.id), measures_csv(unit, site.scores.status(unit.id)))
        yield Output(paths.unit_json(unit.id), unit_json(unit, site.edition, site.updated.get(unit.id)))
