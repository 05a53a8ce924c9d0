"""Reading what a scaffold builds on: the city's files and one unit, as the loader reads them
(a file with errors stops the scaffold, with the first error and a pointer to `check`)."""
from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from ..i18n import join, tr
from ..load.tree import load_city
from ..load.yamlfile import load_yaml
from ..model import CityFile, RegistryFile, Unit
from ..problems import display_path
from . import ScaffoldError

M = TypeVar("M", bound=BaseModel)


def read_file(path: Path, model: type[M]) -> tuple[M, str]:
    """A file's model and text; `ScaffoldError` when it is missing or has errors."""
    shown = display_path(path)
    if not path.is_file():
        raise ScaffoldError(tr("找不到 {path}：请在数据文件夹（如 scorecards）所在的位置运行，或用 --path 指定",
                               path=shown))
    doc, problems = load_yaml(path, shown)
    errors = [p for p in problems if p.is_error]
    if doc is None or errors:
        first = errors[0] if errors else None
        where = f"{first.path}:{first.line}:{first.col}: {first.message}" if first else shown
        raise ScaffoldError(where + "\n" + tr("{path} 有错误：请先运行 bscportal check 修正，再生成", path=shown))
    try:
        return model.model_validate(doc.data or {}), path.read_text(encoding="utf-8")
    except ValidationError:
        raise ScaffoldError(tr("{path} 有错误：请先运行 bscportal check 修正，再生成", path=shown)) from None


def read_city(root: Path) -> tuple[CityFile, RegistryFile, str]:
    """city.yml, registry.yml and registry.yml's text."""
    city, _ = read_file(root / "city.yml", CityFile)
    registry, text = read_file(root / "registry.yml", RegistryFile)
    return city, registry, text


def read_unit(root: Path, uid: str) -> Unit:
    """One unit as loaded; `ScaffoldError` when it is unknown, has no folder or its files have
    errors (errors elsewhere in the city do not matter)."""
    loaded = load_city(root)
    if loaded.city is None:
        raise ScaffoldError(tr("city.yml 或 registry.yml 有错误：请先运行 bscportal check 修正"))
    unit = loaded.city.units.get(uid)
    if unit is None:
        known = join(list(loaded.city.units)[:8])
        raise ScaffoldError(tr("单位名录里没有单位 `{uid}`（已有：{known} …）：新单位请先用 bscportal new unit",
                               uid=uid, known=known))
    if unit.folder is None or not unit.has_system:
        raise ScaffoldError(tr("单位 {name} 还没有自己的文件夹 units/{uid}/（或缺少 unit.yml）："
                               "请先用 bscportal new unit 或手工建立", name=unit.name, uid=uid))
    if uid in loaded.broken_units:
        first = next((p for p in loaded.problems if p.is_error and (
            p.unit == uid or f"units/{uid}/" in p.path)), None)
        where = f"{first.path}:{first.line}:{first.col}: {first.message}\n" if first else ""
        raise ScaffoldError(where + tr("{name} 的文件有错误：请先运行 bscportal check 修正，再生成", name=unit.name))
    return unit
