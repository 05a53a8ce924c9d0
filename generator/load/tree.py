"""Load a whole `scorecards/` tree into a `City`, collecting every problem on the way.

Layout (see docs/format.md):

    scorecards/city.yml  registry.yml  glossary.yml
    scorecards/units/<unit>/unit.yml  map.yml  measures.yml  actions.yml  departments.yml
                            posts.yml  rules.yml  people/<person>.yml
                            assessment/<period>.yml  results/<period>.yml
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from ..model import (ActionsFile, City, CityFile, DepartmentsFile, GlossaryFile, MapFile,
                     MeasuresFile, PersonFile, PostsFile, RegistryFile, ResultsFile, Scale, Unit,
                     UnitFile)
from ..model.assessment import RulesFile
from .validation import validation_problems
from ..files import digest
from ..i18n import current, join, tr
from ..problems import Mark, Problem, Severity
from . import prefetch
from .locate import Locator
from .paths import Tree
from .yamlfile import YamlDoc, load_yaml

M = TypeVar("M", bound=BaseModel)

#: files a unit folder may hold, and their models
UNIT_FILES: dict[str, type[BaseModel]] = {
    "unit.yml": UnitFile,
    "map.yml": MapFile,
    "measures.yml": MeasuresFile,
    "actions.yml": ActionsFile,
    "departments.yml": DepartmentsFile,
    "posts.yml": PostsFile,
    "rules.yml": RulesFile,
}
UNIT_FOLDERS: dict[str, type[BaseModel]] = {
    "people": PersonFile,
    "assessment": Scale,
    "results": ResultsFile,
}
CITY_FILES: dict[str, type[BaseModel]] = {
    "city.yml": CityFile,
    "registry.yml": RegistryFile,
    "glossary.yml": GlossaryFile,
}
IGNORED = {"README.md", "schema", ".gitkeep"}


@dataclass
class LoadResult:
    city: City | None
    problems: list[Problem] = field(default_factory=list)
    #: units whose files failed to load; cross-reference rules skip them
    broken_units: set[str] = field(default_factory=set)


class Reads:
    """What `read` made of each file, for a process that loads the same city again and again
    (`bscportal serve` checks it after every save): path → (stamp, document, model, problems).
    Only the files whose bytes changed are parsed again; models and problems are immutable."""

    def __init__(self) -> None:
        self.kept: dict[str, tuple[tuple[object, ...], YamlDoc | None, Any, list[Problem]]] = {}
        #: each file's digest by path, where the caller already read it for this load (the
        #: build's own digests of what it reads); other files are read for their stamp
        self.digests: dict[str, str] = {}


def _stamp(path: Path, shown: str, model: type, known: dict[str, str]) -> tuple[object, ...] | None:
    """What a kept read depends on: the file's bytes (a digest: a save within the same tick of a
    coarse file clock is still seen; `known` when given), how it is shown, the model, the
    language of the messages."""
    dg = known.get(str(path))
    if dg is None:
        try:
            dg = digest(path.read_bytes())
        except OSError:
            return None
    return (shown, dg, model, current())


class _Loader:
    def __init__(self, root: Path, reads: Reads | None = None) -> None:
        self.root = root
        self.reads = reads
        self.problems: list[Problem] = []
        self.locator = Locator()
        self._cwd = Path.cwd().resolve()
        self._root_abs = root.resolve()
        try:
            self._root_shown = self._root_abs.relative_to(self._cwd).as_posix()
        except ValueError:
            self._root_shown = root.as_posix()
        self.tree = Tree(root, "scorecards")
        self._prefix = str(root) + os.sep if str(root) not in (".", os.sep) else "\0"
        #: paths already refused as outside the tree (links are reported once)
        self._refused: set[Path] = set()
        #: a large city's later unit folders, parsed by a second process meanwhile
        self.prefetch: prefetch.Prefetch | None = None

    def display(self, path: Path) -> str:
        """Paths as printed in messages: relative to the working directory where possible."""
        text = str(path)
        if text.startswith(self._prefix):   # a path built from the root: no need for pathlib
            return f"{self._root_shown}/{text[len(self._prefix):].replace(os.sep, '/')}"
        try:
            rel = path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()
        return self._root_shown if rel == "." else f"{self._root_shown}/{rel}"

    def outside(self, path: Path) -> bool:
        """True (and reported once) when `path` leads out of the tree through a link."""
        if self.tree.inside(path):
            return False
        if not any(r == path or r in path.parents for r in self._refused):
            self._refused.add(path)
            self.problems.append(self.tree.refusal(path, self.display(path)))
        return True

    def read(self, path: Path, model: type[M], empty_ok: bool = True) -> M | None:
        shown = self.display(path)
        if self.outside(path):
            return None
        reads = self.reads
        stamp = _stamp(path, shown, model, reads.digests) if reads is not None else None
        kept = reads.kept.get(str(path)) if reads is not None and stamp is not None else None
        if kept is not None and kept[0] == stamp:
            _, doc, obj, problems = kept
            self.problems.extend(problems)
            if doc is not None and obj is not None:
                self.locator.register(doc, obj)
            return obj
        start = len(self.problems)
        doc, obj = self._read(path, shown, model)
        if reads is not None and stamp is not None:
            reads.kept[str(path)] = (stamp, doc, obj, self.problems[start:])
        return obj

    def _read(self, path: Path, shown: str, model: type[M]) -> tuple[YamlDoc | None, M | None]:
        parsed = self.prefetch.take(path, shown) if self.prefetch is not None else None
        doc, problems = parsed if parsed is not None else load_yaml(path, shown)
        self.problems.extend(problems)
        if doc is None:
            return None, None
        data: Any = doc.data
        if data is None:
            data = {}
        if not isinstance(data, dict):
            self.problems.append(Mark(shown).problem(
                "BSC004", tr("文件的最外层应是 `键: 值` 的映射，而不是列表或单个值")))
            return None, None
        try:
            obj = model.model_validate(data)
        except ValidationError as exc:
            self.problems.extend(doc.unflagged(validation_problems(exc, model, doc)))
            return None, None
        if any(p.path == shown and p.is_error for p in problems):
            return None, None  # duplicate keys: the file is not trusted
        doc.data = None   # the model holds it now; messages need only the positions
        self.locator.register(doc, obj)
        return doc, obj

    def load(self) -> LoadResult:
        root = self.root
        if not (root / "city.yml").is_file():
            return LoadResult(None, [Mark(self.display(root / "city.yml")).problem(
                "BSC006", tr("找不到 city.yml：请在 scorecards 文件夹里运行，或写出它的路径（bscportal check 路径）"))])
        city_file = self.read(root / "city.yml", CityFile)
        registry = self.read(root / "registry.yml", RegistryFile) if (root / "registry.yml").is_file() else None
        if registry is None and not (root / "registry.yml").is_file():
            self.problems.append(Mark(self.display(root / "registry.yml")).problem(
                "BSC006", tr("找不到单位名录 registry.yml")))
        glossary = (self.read(root / "glossary.yml", GlossaryFile)
                    if (root / "glossary.yml").is_file() else GlossaryFile())
        for item in sorted(os.listdir(root)):
            if item not in CITY_FILES and item not in IGNORED and item != "units" \
                    and not item.startswith("."):
                self.problems.append(Mark(self.display(root / item)).problem(
                    "BSC006", tr("不认识的文件或文件夹 `{item}`，已忽略：单位的数据应放在 units/<单位编号>/ 下",
                                 item=item), Severity.WARNING))
        if city_file is None or registry is None:
            return LoadResult(None, self.problems)
        units: dict[str, Unit] = {}
        broken: set[str] = set()
        folders: dict[str, Path] = {}
        units_dir = root / "units"
        if units_dir.is_dir() and not self.outside(units_dir):
            folders = {p.name: p for p in sorted(units_dir.iterdir())
                       if p.is_dir() and not self.outside(p)}
        registry_ids = {e.id for e in registry.units}
        for name, folder in folders.items():
            if name not in registry_ids:
                self.problems.append(Mark(self.display(folder / "unit.yml")).problem(
                    "BSC107", tr("文件夹 units/{name} 不在单位名录 registry.yml 中：请先在名录里登记该单位，"
                                 "或把文件夹改名为名录中的单位编号", name=name)))
        listed = list({entry.id: folders[entry.id] for entry in registry.units if entry.id in folders}.values())
        try:
            if self.reads is None:
                self.prefetch = prefetch.start(listed, self.unit_files)
            for entry in registry.units:
                if entry.id in units:
                    continue  # duplicate registry ids are reported by the duplicate-id rule
                before = len([p for p in self.problems if p.is_error])
                unit = self.load_unit(entry, city_file, folders.get(entry.id))
                if len([p for p in self.problems if p.is_error]) > before:
                    broken.add(entry.id)
                units[entry.id] = unit
        finally:
            if self.prefetch is not None:
                self.prefetch.close()
                self.prefetch = None
        city = City(city_file, registry, glossary or GlossaryFile(), units,
                    root=self.display(root), locator=self.locator)
        return LoadResult(city, self.problems, broken)

    def unit_files(self, folder: Path) -> list[tuple[Path, str]]:
        """The data files `load_unit` reads from `folder`, and how they are shown (for the
        worker that parses them ahead: anything else it leaves to `load_unit`)."""
        paths: list[Path] = []
        for name in sorted(os.listdir(folder)):
            path = folder / name
            if name in UNIT_FILES:
                paths.append(path)
            elif name in UNIT_FOLDERS and path.is_dir():
                paths += sorted(p for p in path.iterdir() if p.suffix == ".yml")
        return [(p, self.display(p)) for p in paths if self.tree.inside(p)]

    def load_unit(self, entry: Any, city_file: CityFile, folder: Path | None) -> Unit:
        base = dict(entry=entry, city_rules=city_file.rules,
                    city_perspectives=tuple(city_file.perspectives))
        if folder is None:
            return Unit(**base)
        if self.prefetch is not None:
            self.prefetch.wait(folder)
        files: dict[str, str] = {}
        parts: dict[str, Any] = {}
        for fname in sorted(os.listdir(folder)):
            path = folder / fname
            if fname in UNIT_FILES:
                parts[fname] = self.read(path, UNIT_FILES[fname])
                files[fname.removesuffix(".yml")] = self.display(path)
            elif fname in UNIT_FOLDERS and path.is_dir():
                continue
            elif fname not in IGNORED and not fname.startswith("."):
                self.problems.append(Mark(self.display(path)).problem(
                    "BSC006", tr("单位文件夹里不认识的文件 `{name}`，已忽略：可用的文件名有 {names}",
                                 name=fname,
                                 names=join(list(UNIT_FILES) + [f"{d}/" for d in UNIT_FOLDERS])),
                    Severity.WARNING))
        info = parts.get("unit.yml")
        if "unit.yml" not in parts:
            self.problems.append(Mark(self.display(folder / "unit.yml")).problem(
                "BSC006", tr("单位文件夹 units/{unit} 缺少 unit.yml：请至少写上 id、使命和愿景", unit=entry.id)))
        elif info is not None and info.id != entry.id:
            self.problems.append(self.locator.mark(info, "id").problem(
                "BSC107", tr("unit.yml 里的编号 `{id}` 与文件夹名 `{folder}` 不一致：请改成一致",
                             id=info.id, folder=entry.id)))
        keyed: dict[str, dict[str, Any]] = {}
        for sub, model in UNIT_FOLDERS.items():
            keyed[sub] = {}
            subdir = folder / sub
            if not subdir.is_dir() or self.outside(subdir):
                continue
            for path in sorted(subdir.iterdir()):
                if path.name in IGNORED or path.name.startswith("."):
                    continue
                if path.suffix != ".yml":
                    self.problems.append(Mark(self.display(path)).problem(
                        "BSC006", tr("`{name}` 不是 .yml 文件，已忽略", name=path.name), Severity.WARNING))
                    continue
                obj = self.read(path, model)
                if obj is None:
                    continue
                stem = path.stem
                own = getattr(obj, "period", None) or getattr(obj, "id", None)
                if own != stem:
                    field_name = "period" if sub != "people" else "id"
                    self.problems.append(self.locator.mark(obj, field_name).problem(
                        "BSC006", tr("文件名 `{name}` 与其中的 {field} `{own}` 不一致："
                                     "请把文件改名为 {own}.yml，或改正 {field}",
                                     name=path.name, field=field_name, own=own)))
                    continue
                keyed[sub][stem] = obj
                files[f"{sub}/{stem}"] = self.display(path)
        mp = parts.get("map.yml")
        ms = parts.get("measures.yml")
        acts = parts.get("actions.yml")
        deps = parts.get("departments.yml")
        posts = parts.get("posts.yml")
        return Unit(
            **base,
            info=info,
            objectives=tuple(mp.objectives) if mp else (),
            maps=tuple(mp.maps) if mp else (),
            measures=tuple(ms.measures) if ms else (),
            actions=tuple(acts.actions) if acts else (),
            departments=tuple(deps.departments) if deps else (),
            posts=tuple(posts.posts) if posts else (),
            people=tuple(keyed["people"].values()),
            own_rules=parts.get("rules.yml"),
            scales=keyed["assessment"],
            results=keyed["results"],
            files=files,
            folder=self.display(folder),
        )


def load_city(root: Path | str, reads: Reads | None = None) -> LoadResult:
    """Load and validate the types of every file under `root`; rules run separately. With
    `reads`, files read before with the same bytes are not parsed again."""
    return _Loader(Path(root), reads).load()
