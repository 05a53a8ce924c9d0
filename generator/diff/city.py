"""The city's own files, old against new: `city.yml` (name, default perspectives, city themes,
stages, unit kinds, default rules, settings) and `glossary.yml`. Registry entries belong to
their unit's group (`units.py`)."""
from __future__ import annotations

from ..model import City, CityFile, CityTheme, Perspective, Settings, Stage, Term, UnitKind
from .changes import Change
from .entities import Spec, changed, keyed
from .periods import rules

CITY = Spec[CityFile]("city", key=lambda c: c.id, name=lambda c: "", skip=frozenset(
    {"perspectives", "themes", "stages", "kinds", "rules", "settings"}))
PERSPECTIVE = Spec[Perspective]("perspective", key=lambda p: p.id)
CITY_THEME = Spec[CityTheme]("city-theme", key=lambda t: t.id)
STAGE = Spec[Stage]("stage", key=lambda s: s.id)
KIND = Spec[UnitKind]("unit-kind", key=lambda k: k.id)
SETTINGS = Spec[Settings]("settings", key=lambda s: "", name=lambda s: "")
TERM = Spec[Term]("term", key=lambda t: t.id, name=lambda t: t.term)


def city_changes(old: City, new: City, *, glossary: bool = True) -> list[Change]:
    """Changes to the city's own files (`glossary=False` when glossary.yml was unreadable)."""
    a, b = old.info, new.info
    out = changed(CITY, a, b)
    out += keyed(PERSPECTIVE, a.perspectives, b.perspectives)
    out += keyed(CITY_THEME, a.themes, b.themes)
    out += keyed(STAGE, a.stages, b.stages)
    out += keyed(KIND, a.kinds, b.kinds)
    out += rules(a.rules, b.rules, {})
    out += changed(SETTINGS, a.settings, b.settings)
    if glossary:
        out += keyed(TERM, old.glossary.terms, new.glossary.terms)
    return out
