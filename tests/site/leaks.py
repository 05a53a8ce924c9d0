"""Internal strings of a city, derived from the model independently of `render.edition`.

Walks every file model: text inside an internal subtree (an internal registry entry's whole
unit; anything marked `internal: true`; measures of internal objectives; objectives and
measures of internal departments; people and person results always; unpublished results) is
a *needle*. Text used anywhere outside those subtrees is public; a needle that is part of a
public text is dropped (it is not a leak when the same words are published elsewhere).
"""
from __future__ import annotations

import gzip
import io
import zipfile
import html
import json
import re
from pathlib import Path
from typing import Any, Iterator

from pydantic import BaseModel

_HAN = re.compile(r"[\u4e00-\u9fff]")
_WS = re.compile(r"\s+")

SCANNED = {".html", ".json", ".xml", ".svg", ".csv", ".js", ".txt", ".gz", ".md", ".xlsx"}


def _texts(obj: Any) -> Iterator[str]:
    """Every string inside a model (names, descriptions, notes, ...)."""
    if isinstance(obj, BaseModel):
        for name in type(obj).model_fields:
            yield from _texts(getattr(obj, name))
    elif isinstance(obj, dict):
        for k, v in obj.items():
            yield from _texts(k)
            yield from _texts(v)
    elif isinstance(obj, (list, tuple)):
        for v in obj:
            yield from _texts(v)
    elif isinstance(obj, str):
        yield obj


def _norm(s: str) -> str:
    return _WS.sub("", s)


def _counted(text: str, latin: int | None) -> bool:
    """A text worth looking for: it has a Chinese character, or (`latin`) that many letters of
    another script (a Latin word of a few letters may well be interface text too)."""
    return bool(_HAN.search(text)) or (latin is not None and sum(c.isalpha() for c in text) >= latin)


def split_city(city, latin: int | None = None) -> tuple[set[str], set[str]]:
    """(internal texts, public texts) of the whole city (texts with Chinese characters; with
    `latin`, also texts with at least that many letters, for a city written in English)."""
    internal: list[Any] = []
    public: list[Any] = [city.info.model_copy(update={"themes": [t for t in city.info.themes if not t.internal]}),
                         city.glossary]
    internal += [t for t in city.info.themes if t.internal]
    for entry in city.registry.units:
        unit = city.units.get(entry.id)
        if entry.internal:
            internal.append(entry)
            if unit is not None:
                internal += [unit.info, *unit.objectives, *unit.maps, *unit.measures, *unit.actions,
                             *unit.departments, *unit.posts, *unit.people,
                             *unit.scales.values(), *unit.results.values()]
            continue
        public.append(entry)
        if unit is None:
            continue
        hidden_obj = {o.id for o in unit.objectives if o.internal}
        for d in unit.departments:
            if d.internal:
                internal.append(d)
                hidden_obj |= {o.id for o in d.objectives}
            else:
                public.append(d.model_copy(update={"objectives": [], "measures": []}))
                hidden_obj |= {o.id for o in d.objectives if o.internal}
        objs = [*unit.objectives, *(o for d in unit.departments if not d.internal for o in d.objectives)]
        meas = [*unit.measures, *(m for d in unit.departments if not d.internal for m in d.measures)]
        for o in objs:
            (internal if o.id in hidden_obj else public).append(o)
        for m in meas:
            (internal if m.internal or m.objective in hidden_obj else public).append(m)
        if unit.info:
            internal += [t for t in unit.info.themes if t.internal]
            public.append(unit.info.model_copy(update={"themes": [t for t in unit.info.themes if not t.internal]}))
        for group in (unit.maps, unit.posts):
            for x in group:
                (internal if x.internal else public).append(x)
        for a in unit.actions:   # an action that only moves hidden objectives is hidden too
            hidden = a.internal or all(o in hidden_obj for o in a.objectives)
            (internal if hidden else public).append(a)
        internal += list(unit.people)
        for scale in unit.scales.values():
            for a in (*scale.bonus, *scale.deductions, *scale.veto):
                (internal if a.internal else public).append(a)
            public += [i for i in scale.items]
            if scale.approved is not None:   # who approved the scale: on the results page
                public.append(scale.approved)
        for r in unit.results.values():
            internal += list(r.people.values())
            if not r.published or not unit.rules.publish_results:
                internal.append(r.model_copy(update={"people": {}}))
            elif r.approved is not None:
                public.append(r.approved)
        public.append(unit.rules)
    inner = {_norm(t) for t in _texts(internal) if _counted(t, latin)}
    outer = {_norm(t) for t in _texts(public) if _counted(t, latin)}
    return inner, outer


def person_names(city) -> set[str]:
    return {p.name for u in city.units.values() for p in u.people}


def needles(city, extra: set[str] = frozenset(), latin: int | None = None) -> set[str]:
    inner, outer = split_city(city, latin)
    inner |= {_norm(x) for x in extra}
    blob = "\n".join(outer)
    return {n for n in inner if len(n) >= 2 and n not in blob}


def readable(path: Path) -> str:
    """A file's text as a reader or a search engine would see it."""
    data = path.read_bytes()
    if path.suffix == ".gz":
        data = gzip.decompress(data)
    if path.suffix == ".xlsx":  # a zip of XML parts: shared strings, sheets, document properties
        with zipfile.ZipFile(io.BytesIO(data)) as book:
            data = b"\n".join(book.read(n) for n in book.namelist() if n.endswith(".xml"))
    text = data.decode("utf-8", errors="replace")
    if path.suffix == ".json":
        try:
            text = json.dumps(json.loads(text), ensure_ascii=False)
        except ValueError:
            pass
    text = html.unescape(text).replace("\u200b", "")
    return _norm(text)


def scan(folder: Path, strings: set[str]) -> dict[str, list[str]]:
    """file (relative) → needles found in it."""
    hits: dict[str, list[str]] = {}
    ordered = sorted(strings)
    for path in sorted(folder.rglob("*")):
        if not path.is_file() or path.suffix not in SCANNED:
            continue
        text = readable(path)
        found = [s for s in ordered if s in text]
        if found:
            hits[path.relative_to(folder).as_posix()] = found
    return hits
