"""A unit's staged files reused while nothing they are made from changed (incremental builds).

A unit's pages (`render.pages.unit_outputs`) are made from the unit's own folder
(`scorecards/units/<id>/`) and from what is the city's: every other file of the scorecards,
the articles and hand-written pages (`content/`), the git dates and history the pages show, the
date the site is as of, the edition and the generator's version (`city_key`). No unit's page
reads another unit (the page kinds' contract, see `render/pages/__init__.py`); pages across
units (home, units index, rankings, …) are rendered at every build, and pages that read no unit
at all (the glossary) are kept while the city key is the same.

After staging, a record beside the staging folder (`units.json`) keeps, for each unit, the key
of its inputs and the files it staged: path, digest and size. At the next
build a unit whose key is the same and whose files still have the recorded bytes is not
rendered: its files are kept (`stage.Kept`), digests and all. Anything else (another key, a file missing or
touched since, no record, a record of another version) renders the unit as always. The record
is written only once the staging folder is complete, and every kept file is read and compared
with its digest, so a record never vouches for a file it did not see.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Iterator, Sequence

from .fingerprint import Fingerprint, code_version, digest, tree
from .stage import Kept, StageReport, write_if_changed

if TYPE_CHECKING:
    from ..render.context import SiteContext
    from ..render.output import Output

RECORD_VERSION = 3
#: the record's entry for the pages that read only what is the city's (page kinds whose
#: `READS_UNITS` is False: the glossary); no unit id is empty
CITY = ""
Staged = tuple[str, bytes] | Kept
#: a staged file as recorded: path, digest, size
FileRecord = tuple[str, str, int]


def read_digests(scorecards: Path, content: Path, each: dict[str, str] | None = None) -> dict[str, str]:
    """Digests of what a build reads, taken before it reads it: the city's scorecard files (all
    but `units/`), `content/`, and each unit's folder (`unit:<folder>`); `each` receives every
    file's own digest (`fingerprint.tree`)."""
    out = {"city": tree(scorecards, skip=("units",), each=each), "content": tree(content, each=each)}
    units = scorecards / "units"
    if units.is_dir():
        for folder in sorted(units.iterdir()):
            if folder.is_dir() and not folder.name.startswith("."):
                out[f"unit:{folder.name}"] = tree(folder, each=each)
    return out


def city_key(read: dict[str, str], edition: str, as_of: str, described: Sequence[tuple[str, str]]) -> str:
    """Everything a unit's pages may read besides the unit's folder: the city's scorecard files
    and `content/` (`read`), the edition, the date, what the build knows of git (`described`)
    and the generator's version."""
    fp = Fingerprint().add("code", code_version()).add("edition", edition).add("as of", as_of)
    fp.add("city", read.get("city", "")).add("content", read.get("content", ""))
    for label, text in described:
        fp.add(label, text)
    return fp.hexdigest()


def unit_key(city: str, read: dict[str, str], unit_id: str) -> str:
    return Fingerprint().add("city", city).add("unit", read.get(f"unit:{unit_id}", "")).hexdigest()


@dataclass
class UnitReuse:
    """Staging one edition with the units its record says are unchanged kept as they are."""

    record: Path
    docs: Path
    city: str
    #: digests of what the build read (`read_digests`)
    read: dict[str, str]
    #: unit id → (key, files) of the previous build (only those made with the same city key)
    previous: dict[str, tuple[str, list[FileRecord]]] = field(default_factory=dict)
    #: unit id → (key, staged paths) of this build
    staged: dict[str, tuple[str, list[str]]] = field(default_factory=dict)
    kept: int = 0
    rendered: int = 0

    @classmethod
    def open(cls, record: Path, docs: Path, city: str, read: dict[str, str]) -> "UnitReuse":
        reuse = cls(record, docs, city, read)
        try:
            data = json.loads(record.read_text(encoding="utf-8"))
            if data.get("version") == RECORD_VERSION and data.get("city") == city:
                reuse.previous = {uid: (u["key"], [tuple(f) for f in u["files"]])
                                  for uid, u in data["units"].items()}
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
            reuse.previous = {}
        return reuse

    def _intact(self, files: list[FileRecord]) -> bool:
        """The files are those recorded: size, then bytes (a file rewritten with the same size
        within one tick of a coarse file clock keeps its time, not its digest)."""
        for path, dg, size in files:
            try:
                if os.stat(self.docs / path).st_size != size or digest((self.docs / path).read_bytes()) != dg:
                    return False
            except OSError:
                return False
        return True

    def outputs(self, site: "SiteContext") -> Iterator[Staged]:
        """Every staged file of the edition: the city's pages rendered, each unit's rendered or
        kept."""
        from ..render.pages import city_outputs, distinct, prepare_units, unit_outputs

        kept: dict[str, list[FileRecord]] = {}
        for name, key in [(CITY, self.city)] + [(u.id, unit_key(self.city, self.read, u.id))
                                                for u in site.units]:
            self.staged[name] = (key, [])
            before = self.previous.get(name)
            if before is not None and before[0] == key and self._intact(before[1]):
                kept[name] = before[1]
        self.kept = sum(1 for u in site.units if u.id in kept)
        self.rendered = len(site.units) - self.kept

        def group(name: str, render: Callable[[], Iterable[Output]]) -> Iterator[Output | Kept]:
            paths = self.staged[name][1]
            if name in kept:
                for path, dg, _ in kept[name]:
                    paths.append(path)
                    yield Kept(path, dg)
                return
            for o in render():
                paths.append(o.path)
                yield o

        def everything() -> Iterator[Output | Kept]:
            yield from city_outputs(site, reads_units=True)
            yield from group(CITY, lambda: city_outputs(site, reads_units=False))
            prepare_units(site, [u for u in site.units if u.id not in kept])
            for unit in site.units:
                yield from group(unit.id, lambda: unit_outputs(site, unit))   # noqa: B023 - used at once
        for item in distinct(everything()):
            yield item if isinstance(item, Kept) else (item.path, item.data)

    def save(self, report: StageReport) -> None:
        """Record what this build staged (after `stage_stream` has completed the folder)."""
        report.units_rendered, report.units_kept = self.rendered, self.kept
        units = {}
        for uid, (key, paths) in self.staged.items():
            files = []
            for path in paths:
                files.append((path, report.digests[path], os.stat(self.docs / path).st_size))
            units[uid] = {"key": key, "files": files}
        data = {"version": RECORD_VERSION, "city": self.city, "units": units}
        write_if_changed(self.record, json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
