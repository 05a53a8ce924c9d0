"""The export commands' library side: load and check the tree, build a layout, write bytes.

A unit whose own files have errors is not exported (its workbook could not be imported back);
errors elsewhere in the city do not stop it. `forms` makes one reporting form per unit that has
a scale for the period, as files in a folder or one zip (deterministic, like every workbook).
"""
from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from ..check import CheckResult, check_tree
from ..i18n import current as current_language, join, tr
from ..model import Unit
from ..problems import Problem
from .export_form import form_layout
from .export_system import system_layout
from .layout import WorkbookLayout
from .revision import Meta, current
from .workbook_style import workbook_bytes


@dataclass
class ExportError(Exception):
    message: str
    problems: list[Problem] = field(default_factory=list)

    def __str__(self) -> str:
        return self.message


def _own_errors(result: CheckResult, unit: Unit) -> list[Problem]:
    """Errors in the unit's own files (or in the city-level files it depends on)."""
    folder = unit.folder or ""
    return [p for p in result.errors if p.unit == unit.id or not p.unit and (
        folder and p.path.startswith(folder + "/") or "/units/" not in p.path)]


def _load(root: Path) -> CheckResult:
    result = check_tree(root)
    if result.city is None:
        raise ExportError(tr("数据有错误，无法导出：请先修正上面的错误（bscportal check）"), result.errors)
    return result


def _unit(result: CheckResult, unit_id: str) -> Unit:
    assert result.city is not None
    unit = result.city.units.get(unit_id)
    if unit is None:
        known = join(sorted(u.id for u in result.city if u.has_system)[:12])
        raise ExportError(tr("没有单位 `{unit}`：可用的有 {known} …", unit=unit_id, known=known))
    own = _own_errors(result, unit)
    if own:
        raise ExportError(tr("{unit} 的数据有错误，无法导出：请先修正上面的错误（bscportal check）", unit=unit.name), own)
    return unit


def workbook(root: Path, layout: WorkbookLayout, name: str) -> bytes:
    meta = Meta(layout.kind, layout.unit, layout.period, current(root, layout.files), language=current_language())
    return workbook_bytes(layout, meta, name)


def system_workbook(root: Path, unit_id: str) -> tuple[str, bytes]:
    """(default file name, bytes) of a unit's system workbook."""
    unit = _unit(_load(root), unit_id)
    if unit.info is None:
        raise ExportError(tr("{unit} 还没有计分卡体系（units/{id}/unit.yml）：没有可以导出的内容", unit=unit.name,
                             id=unit.id))
    name = f"{unit.id}-system.xlsx"
    return name, workbook(root, system_layout(unit), name)


def form_name(unit_id: str, period_id: str) -> str:
    return f"{unit_id}-{period_id}-form.xlsx"


def _form(root: Path, unit: Unit, period_id: str) -> tuple[str, bytes]:
    name = form_name(unit.id, period_id)
    return name, workbook(root, form_layout(unit, unit.period_index[period_id]), name)


def form_workbook(root: Path, unit_id: str, period_id: str) -> tuple[str, bytes]:
    unit = _unit(_load(root), unit_id)
    if period_id not in unit.period_index:
        raise ExportError(tr("{unit} 没有考核期 `{period}`：可用的有 {known}", unit=unit.name, period=period_id,
                             known=join(unit.period_index)))
    if period_id not in unit.scales:
        raise ExportError(tr("{unit} 没有 {period} 的考核量表（assessment/{period}.yml）：先建立量表才能生成填报表",
                             unit=unit.name, period=period_id))
    return _form(root, unit, period_id)


def all_forms(root: Path, period_id: str) -> tuple[dict[str, bytes], list[str]]:
    """Every unit's form for the period: (file name → bytes, units skipped for errors)."""
    result = _load(root)
    assert result.city is not None
    out: dict[str, bytes] = {}
    skipped: list[str] = []
    for unit in result.city:
        if period_id not in unit.scales or period_id not in unit.period_index:
            continue
        if _own_errors(result, unit):
            skipped.append(unit.name)
            continue
        name, data = _form(root, unit, period_id)
        out[name] = data
    if not out and not skipped:
        raise ExportError(tr("没有单位有考核期 `{period}` 的考核量表：没有可以生成的填报表", period=period_id))
    return out, skipped


def zip_bytes(files: dict[str, bytes]) -> bytes:
    """A zip of `files` with fixed timestamps (same input, same bytes)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, files[name])
    return buf.getvalue()
