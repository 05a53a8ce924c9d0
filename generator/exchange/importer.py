"""`bscportal import xlsx`: a returned workbook becomes YAML edits, all of them or none.

For each workbook: open it, read its revision (unit, kind, file hashes), refuse it when it
belongs to another unit or a file changed since the export, build its layout again from the
current YAML and read every cell against it, turn changed cells into edits, make the edits in
a copy of the scorecards tree and run `check` there. Only when every cell reads and the edited
tree has no error that the original did not have are the files written (atomically). An
import never removes a field the workbook does not carry.
"""
from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from ..check import check_tree
from ..diff import compare, render
from ..diff.compare import Snapshot
from ..files import atomic_write
from ..i18n import colon, join, tr, tr_n, use_language
from ..model import City, Unit
from ..problems import Problem, display_path
from .apply import Edit, apply_edits
from .cells import Raw
from .export_form import form_layout
from .export_system import system_layout
from .form_edits import form_edits, new_results_text
from .layout import WorkbookLayout
from .read import CellValue, ReadError, open_workbook, problem, read_cells, read_meta
from .revision import META_SHEET, Meta, stale_files


@dataclass(frozen=True)
class Change:
    """One changed cell: where it is in the workbook, what it is, and its old and new text."""

    file: str
    ref: str
    what: str
    old: str
    new: str


@dataclass
class Outcome:
    workbook: str
    unit: str = ""
    changes: list[Change] = field(default_factory=list)
    #: files (relative to scorecards/) that were (or, in a dry run, would be) written
    files: list[str] = field(default_factory=list)
    #: the edited files' new text (in a dry run too)
    texts: dict[str, str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    #: the change in scorecard terms, as `bscportal diff` prints it
    diff: str = ""


def _shown(cv: CellValue, value: object) -> str:
    raw: Raw = cv.input.cell.show(value)  # type: ignore[arg-type]
    return tr("（空）") if raw is None or raw == "" else (raw.isoformat() if hasattr(raw, "isoformat") else str(raw))


def _layout(city: City, unit: Unit, meta: Meta, path: str) -> WorkbookLayout:
    if meta.kind == "system":
        if unit.info is None:
            raise ReadError([problem(path, "BSC502", tr("单位 {unit} 还没有计分卡体系（unit.yml）", unit=unit.name),
                                     META_SHEET)])
        return system_layout(unit)
    period = unit.period_index.get(meta.period or "")
    if period is None or period.id not in unit.scales:
        raise ReadError([problem(path, "BSC502", tr("{unit} 没有考核期 {period} 的考核量表：这份填报表"
                                                    "对应的考核期已被删除或改名，请重新导出", unit=unit.name,
                                                    period=meta.period), META_SHEET)])
    return form_layout(unit, period)


def _check_unit(wb_sheet_value: Raw, layout: WorkbookLayout, city: City, path: str) -> None:
    """The unit id shown on the first sheet must be the workbook's unit."""
    shown = "" if wb_sheet_value is None else str(wb_sheet_value).strip()
    if shown == layout.unit:
        return
    r, c = layout.unit_cell
    sheet = layout.sheets[0].name
    other = city.units.get(shown)
    what = (tr("这是单位“{name}”（{id}）的表，但工作簿信息表记的是 {unit}", name=other.name, id=shown,
               unit=layout.unit) if other
            else tr("单位编号被改成了“{id}”，工作簿信息表记的是 {unit}", id=shown[:20], unit=layout.unit))
    raise ReadError([problem(path, "BSC502", tr("{what}：一份工作簿只能用于导出它的单位，请用本单位的表重新填写",
                                                what=what), sheet, r, c, layout.unit)])


def plan(root: Path, city: City, data: bytes, path: str, today: dt.date,
         expect_unit: str | None = None) -> Outcome:
    """Read one workbook and work out its edits (nothing is written)."""
    out = Outcome(path)
    try:
        wb = open_workbook(data, path)
        meta = read_meta(wb, path)
        unit = city.units.get(meta.unit)
        if unit is None:
            raise ReadError([problem(path, "BSC502", tr("工作簿的单位 {unit} 不在单位名录中", unit=meta.unit),
                                     META_SHEET, 4, 2)])
        out.unit = unit.id
        if expect_unit is not None and expect_unit != unit.id:
            raise ReadError([problem(path, "BSC502", tr("这是单位“{name}”（{id}）的工作簿，不是 --unit 指定的 {wanted}",
                                                        name=unit.name, id=unit.id, wanted=expect_unit),
                                     META_SHEET, 4, 2, unit.id)])
        stale = stale_files(root, meta)
        if stale:
            raise ReadError([problem(path, "BSC502", tr("导出以后 {files} 已经改动，这份工作簿的数据版本过期："
                                                        "请重新导出，把要改的内容填到新表中（旧表的改动不能直接导入，"
                                                        "以免覆盖别人的修改）", files=join(stale)),
                                     META_SHEET, 7, 2, unit.id)])
        with use_language(meta.language):   # its sheets, headers and labels as they were written
            layout = _layout(city, unit, meta, path)
        first = layout.sheets[0].name
        if first in wb.sheetnames:
            r, c = layout.unit_cell
            _check_unit(wb[first].cell(row=r, column=c).value, layout, city, path)  # type: ignore[arg-type]
        values = read_cells(wb, layout, path)
    except ReadError as exc:
        out.problems = exc.problems
        return out
    if meta.kind == "system":
        edits = [Edit(cv.input.place, cv.value, remove=cv.value is None or cv.value == ())
                 for cv in values if cv.changed and cv.input.place is not None]
    else:
        period = unit.period_index[meta.period or ""]
        edits, out.problems = form_edits(unit, period, values, today, path)
        if out.problems:
            return out
    out.changes = [Change(cv.input.place.file if cv.input.place else layout.files[-1], cv.ref, cv.label,
                          _shown(cv, cv.input.current), _shown(cv, cv.value)) for cv in values if cv.changed]
    by_file: dict[str, list[Edit]] = {}
    for e in edits:
        by_file.setdefault(e.place.file, []).append(e)
    for rel, file_edits in by_file.items():
        src = root / rel
        old = src.read_text(encoding="utf-8") if src.is_file() else (
            new_results_text(unit, unit.period_index[meta.period or ""]) if meta.kind == "form" else "")
        new = apply_edits(old, file_edits)
        if new != old or not src.is_file():
            out.texts[rel] = new
            out.files.append(rel)
    return out


def _key(p: Problem, prefix: str) -> tuple[str, str, str]:
    return (p.path.removeprefix(prefix), p.code, p.message)


def verify(root: Path, texts: dict[str, str], before: list[Problem]) -> tuple[list[Problem], City | None]:
    """Errors `check` finds in the tree with `texts` written that it did not find before, and
    the city as it would be."""
    shown_root = display_path(root)
    with tempfile.TemporaryDirectory(prefix="bsc-import-") as tmp:
        copy = Path(tmp) / "scorecards"
        shutil.copytree(root, copy, symlinks=True)
        for rel, text in texts.items():
            (copy / rel).parent.mkdir(parents=True, exist_ok=True)
            (copy / rel).write_text(text, encoding="utf-8")
        result = check_tree(copy)
        prefix = display_path(copy)
    old = {_key(p, shown_root) for p in before if p.is_error}
    new = [p for p in result.errors if _key(p, prefix) not in old]
    return [Problem(shown_root + p.path.removeprefix(prefix), p.line, p.col, p.severity, "BSC505",
                    tr("导入后这里出错（{code}）：{message}", code=p.code, message=p.message), p.unit)
            for p in new], result.city


def import_workbook(root: Path, xlsx: Path, *, dry_run: bool = False, today: dt.date | None = None,
                    expect_unit: str | None = None) -> Outcome:
    """Import one workbook into the scorecards tree at `root`: every change or none."""
    shown = display_path(xlsx)
    result = check_tree(root)
    if result.city is None:
        return Outcome(shown, problems=result.errors)
    try:
        data = xlsx.read_bytes()
    except OSError as exc:
        return Outcome(shown, problems=[problem(shown, "BSC501", tr("读不了这个文件：{reason}",
                                                                    reason=exc.strerror or exc))])
    out = plan(root, result.city, data, shown, today or dt.date.today(), expect_unit)
    if out.problems or not out.texts:
        return out
    out.problems, after = verify(root, out.texts, result.problems)
    if after is not None:
        comparison = compare(Snapshot(result.city, label=tr("导入前")), Snapshot(after, label=tr("导入后")),
                             today or dt.date.today())
        out.diff = render(comparison, "text", "internal")
    if out.problems:
        out.problems.append(problem(shown, "BSC505", tr("导入后的数据没有通过检查，没有写入任何文件：请按上面的提示"
                                                       "改正工作簿后重新导入")))
        return out
    if not dry_run:
        for rel, text in out.texts.items():
            atomic_write(root / rel, text.encode("utf-8"))
    return out



def summary(out: Outcome, dry_run: bool) -> list[str]:
    """The change summary the command prints: one line per changed cell, then the files."""
    if not out.changes:
        return [tr("{workbook}：没有改动，没有写入任何文件", workbook=out.workbook)]
    n = len(out.changes)
    lines = [tr_n("{workbook}（{unit}）：{n} 个单元格有改动", "{workbook}（{unit}）：{n} 个单元格有改动", n,
                  workbook=out.workbook, unit=out.unit, n=n)]
    lines += [f"  {c.ref}  {c.what}{colon()}{c.old} → {c.new}" for c in out.changes]
    if out.diff:
        lines += [tr("计分卡内容的改动（同 bscportal diff）："), out.diff.rstrip("\n")]
    lines += [tr("将改动（试运行，没有写入） {path}", path=rel) if dry_run else tr("已写入 {path}", path=rel)
              for rel in out.files]
    return lines
