"""`bscportal init DIR --name NAME [--language zh|en]`: a new portal repository that passes
`check` and builds at once.

The files come from the templates under `portal/<language>/` and `portal/common/` (package
data, every file named `<output name>.txt` so that the package's data patterns ship them and
no template tool reads them as its own). A path part `dot-x` becomes `.x`; `@NAME@`, `@YEAR@`
and the other `@…@` fields (see `fields`) are filled in, in paths and texts.

All or nothing: the portal is written into a temporary folder (beside DIR, or inside an empty
DIR), checked with `check_tree` (no error, or nothing is kept), then moved into place. DIR must
not exist or be an empty folder.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Callable

from ..check import check_tree
from ..i18n import LANGUAGES, tr
from ..load.characters import BAD_CHAR
from ..model.base import SLUG_PATTERN
from . import ScaffoldError

TEMPLATES = Path(__file__).with_name("portal")
SUFFIX = ".txt"
FIELD = re.compile(r"@[A-Z_]+@")


@dataclass(frozen=True)
class Portal:
    """What `init` wrote: the folder and its files (relative paths, sorted)."""

    root: Path
    files: tuple[str, ...]
    language: str


def _version() -> str:
    try:
        return metadata.version("bscportal")
    except metadata.PackageNotFoundError:  # pragma: no cover - running from a bare checkout
        return "0"


def city_id(folder: Path) -> str:
    """The city's id: the folder's name when it is a valid id (lower case), else `city`."""
    name = folder.name.lower()
    return name if re.match(SLUG_PATTERN, name) and len(name) <= 64 else "city"


def fields(name: str, folder: Path, today: dt.date) -> dict[str, str]:
    """The `@…@` fields of the templates."""
    return {
        "@NAME@": name,                                  # Markdown and comments
        "@NAME_DQ@": json.dumps(name, ensure_ascii=False)[1:-1],   # inside "…" in YAML
        "@CITY_ID@": city_id(folder),
        "@YEAR@": str(today.year),
        "@PREV_YEAR@": str(today.year - 1),
        "@NEXT_YEAR@": str(today.year + 1),
        "@TODAY@": today.isoformat(),
        "@VERSION@": _version(),
    }


def _fill(text: str, values: dict[str, str]) -> str:
    return FIELD.sub(lambda m: values.get(m.group(0), m.group(0)), text)


def templates(language: str) -> list[tuple[str, Path]]:
    """(output path with fields unfilled, template file) of a language, common files included."""
    out = []
    for base in (TEMPLATES / "common", TEMPLATES / language):
        for path in sorted(base.rglob("*" + SUFFIX)):
            parts = path.relative_to(base).with_suffix("").parts
            rel = "/".join("." + p[4:] if p.startswith("dot-") else p for p in parts)
            out.append((rel, path))
    return out


def render(name: str, language: str, folder: Path, today: dt.date | None = None) -> dict[str, str]:
    """Every file of the new portal: relative path → text."""
    values = fields(name, folder, today or dt.date.today())
    files = {}
    for rel, path in templates(language):
        text = _fill(path.read_text(encoding="utf-8"), values)
        left = FIELD.search(text)
        assert left is None, f"{path}: unknown field {left.group(0) if left else ''}"
        files[_fill(rel, values)] = text
    return files


#: the longest `--name`: city.yml's `full_name` adds the portal's kind to it (` balanced
#: scorecard portal`), and a name may have 120 characters
NAME_MAX = 90


def _clean_name(name: str) -> str:
    name = " ".join(name.split())
    if not name or len(name) > NAME_MAX:
        raise ScaffoldError(tr("门户名称（--name）不能为空，也不能超过 {max} 个字，如 --name 海林市", max=NAME_MAX))
    if BAD_CHAR.search(name):
        raise ScaffoldError(tr("门户名称（--name）里有控制字符：请只写文字"))
    return name


def _refuse(target: Path) -> None:
    """A file, a link or a folder with anything in it is refused; a folder holding only `.git`
    (a clone of a new, empty repository) is taken."""
    if target.is_symlink() or (target.exists() and not target.is_dir()):
        raise ScaffoldError(tr("{path} 已存在，而且不是文件夹：请换一个文件夹名，没有写入任何文件",
                               path=target))
    if target.is_dir() and any(e.name != ".git" for e in target.iterdir()):
        raise ScaffoldError(tr("文件夹 {path} 不是空的：新门户只能建在一个新的或空的文件夹里，"
                               "没有写入任何文件", path=target))


def _write_all(base: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        path = base / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        if rel.endswith(".sh"):
            path.chmod(0o755)


def _verify(base: Path) -> None:
    """The written portal passes check (no error), or `ScaffoldError`."""
    result = check_tree(base / "scorecards", base / "content")
    errors = [p for p in result.problems if p.is_error]
    if errors:
        first = errors[0]
        where = f"{first.path}:{first.line}"
        raise ScaffoldError(tr("生成的门户没有通过检查（{where}: {message}），没有写入任何文件",
                               where=where, message=first.message))


def init_portal(target: Path, name: str, language: str = "zh", today: dt.date | None = None,
                extra: Callable[[Path], None] | None = None) -> Portal:
    """Write a new portal into `target` (see the module docstring); `ScaffoldError` when it
    cannot, with nothing written. `extra` may add files to the portal's work folder before it is
    checked and moved (the CLI writes the JSON Schema and the editor settings with it)."""
    if language not in LANGUAGES:
        raise ScaffoldError(tr("没有界面语言 {language}：可用 {known}", language=language,
                               known=", ".join(LANGUAGES)))
    name = _clean_name(name)
    target = Path(os.path.abspath(target))
    _refuse(target)
    files = render(name, language, target, today)
    existed = target.is_dir()
    try:
        if existed:
            work = Path(tempfile.mkdtemp(dir=target, prefix=".bscportal-init-"))
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            work = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.init-"))
    except OSError as exc:
        raise ScaffoldError(tr("无法在 {path} 写入（{why}），没有写入任何文件",
                               path=target, why=exc.strerror or exc)) from None
    moved: list[Path] = []
    try:
        _write_all(work, files)
        if extra is not None:
            extra(work)
        written = sorted(p.relative_to(work).as_posix() for p in work.rglob("*") if p.is_file())
        _verify(work)
        work.chmod(0o777 & ~_umask())
        if existed:
            for entry in sorted(work.iterdir()):
                dest = target / entry.name
                os.rename(entry, dest)
                moved.append(dest)
            work.rmdir()
        else:
            os.rename(work, target)     # fails if target appeared meanwhile (not empty)
    except OSError as exc:
        for dest in moved:
            try:
                os.rename(dest, work / dest.name)
            except OSError:
                pass
        shutil.rmtree(work, ignore_errors=True)
        raise ScaffoldError(tr("写入失败（{why}），已撤回，没有写入任何文件", why=exc.strerror or exc)) from None
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    return Portal(target, tuple(written), language)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
