"""The revision a workbook was made from: which unit, which kind of workbook, and a hash of
the bytes of every YAML file it shows, kept on a hidden sheet.

On import the hashes are computed again: a file changed since the export (someone edited the
YAML, or another workbook was imported first) makes the workbook stale, and it is refused
rather than overwriting that change with old values.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from ..i18n import DEFAULT, LANGUAGES, Language, N_, tr
from .cells import Raw
from .layout import WorkbookKind

#: the hidden sheet's name
META_SHEET = "_bscportal"
#: the layout version; a workbook of another version is refused
FORMAT = "1"
#: the hash of a file that does not exist (yet): a fixed token, the same in every language
ABSENT = "（无此文件）"  # i18n: data
#: the hidden sheet's first cell (beside it: the language the workbook was written in)
TITLE = N_("bscportal 工作簿信息：导入时用来核对单位和数据版本，请勿修改")
#: the labels of the hidden sheet's rows: fixed tokens the import checks, in every language
LABELS = ("格式版本", "类型", "单位编号", "考核期编号", "文件")  # i18n: data


@dataclass(frozen=True)
class Meta:
    kind: WorkbookKind
    unit: str
    period: str | None
    #: file (relative to scorecards/) → hash of its bytes, or ABSENT
    files: dict[str, str]
    format: str = FORMAT
    #: the language of the workbook's sheet names, headers and labels (its layout is built in
    #: it again on import); a workbook without one is Chinese
    language: Language = DEFAULT


def file_hash(root: Path, rel: str) -> str:
    path = root / rel
    if not path.is_file():
        return ABSENT
    return hashlib.sha256(path.read_bytes()).hexdigest()


def current(root: Path, files: Sequence[str]) -> dict[str, str]:
    return {rel: file_hash(root, rel) for rel in files}


def stale_files(root: Path, meta: Meta) -> list[str]:
    """Files whose bytes differ from the workbook's revision."""
    return [rel for rel, h in meta.files.items() if file_hash(root, rel) != h]


def meta_rows(meta: Meta) -> list[list[str]]:
    version, kind, unit, period, files = LABELS
    rows = [[tr(TITLE), meta.language], [version, meta.format], [kind, meta.kind], [unit, meta.unit],
            [period, meta.period or ""], [files, "SHA-256"]]
    rows += [[rel, h] for rel, h in meta.files.items()]
    return rows


class MetaError(ValueError):
    """The hidden sheet is missing or was edited."""


def parse_meta(rows: Sequence[Sequence[Raw]]) -> Meta:
    def text(r: int, c: int) -> str:
        v = rows[r][c] if r < len(rows) and c < len(rows[r]) else None
        return "" if v is None else str(v).strip()

    if [text(r, 0) for r in range(1, 6)] != list(LABELS):
        raise MetaError(tr("工作簿信息表的内容被改动过"))
    if text(1, 1) != FORMAT:
        raise MetaError(tr("工作簿的格式版本是 {found}，本程序只读版本 {version}", found=text(1, 1) or tr("（空）"),
                           version=FORMAT))
    kind = text(2, 1)
    if kind not in ("system", "form"):
        raise MetaError(tr("不认识的工作簿类型“{kind}”", kind=kind))
    files = {text(r, 0): text(r, 1) for r in range(6, len(rows)) if text(r, 0)}
    unit = text(3, 1)
    if not unit or not files:
        raise MetaError(tr("工作簿信息表缺少单位编号或文件版本"))
    language = next((lang for lang in LANGUAGES if lang == text(0, 1)), DEFAULT)
    return Meta("system" if kind == "system" else "form", unit, text(4, 1) or None, files, language=language)
