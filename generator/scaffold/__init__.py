"""`bscportal new`: skeletons that pass `check` at once — a unit (`unit.py`), a period's scale
and results (`period.py`), an experience article (`article.py`).

Each command makes a `Plan` (the files to create and the files to change, with their new
text) without touching the disk; `apply` then refuses when any file to create already exists,
checks every YAML text against its model, and writes atomically: new files appear whole or not
at all, changed files are replaced, and a failure half-way puts back what was written. Running a
command twice refuses the second time and changes nothing.
"""
from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ValidationError

from ..i18n import tr
from ..load.yamlfile import load_yaml_text
from ..problems import display_path


class ScaffoldError(Exception):
    """Why nothing was written (in the current language, with what to do)."""


@dataclass(frozen=True)
class Write:
    path: Path
    text: str
    #: True: a new file (refused when it exists); False: an existing file changed
    create: bool
    #: the model the text must validate as (None: not YAML, e.g. an article)
    model: type[BaseModel] | None = None


@dataclass(frozen=True)
class Plan:
    writes: tuple[Write, ...]
    #: what the editor should do next
    notes: tuple[str, ...] = field(default_factory=tuple)

    @property
    def paths(self) -> tuple[Path, ...]:
        return tuple(w.path for w in self.writes)


def validate(plan: Plan) -> None:
    """Every YAML text of the plan loads and validates as its model; `ScaffoldError` if not."""
    for w in plan.writes:
        if w.model is None:
            continue
        shown = display_path(w.path)
        doc, problems = load_yaml_text(w.text, shown)
        errors = [p for p in problems if p.is_error]
        if doc is None or errors:
            raise ScaffoldError(tr("生成的 {path} 读不出来（{error}），未写入任何文件", path=shown,
                                   error=errors[0].message if errors else tr("空文件")))
        try:
            w.model.model_validate(doc.data or {})
        except ValidationError as exc:
            raise ScaffoldError(tr("生成的 {path} 不符合格式（{error}），未写入任何文件", path=shown,
                                   error=exc.errors()[0]["msg"])) from None


def _temp(path: Path, text: str) -> str:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=path.suffix)
    with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    return tmp


def apply(plan: Plan) -> None:
    """Write the plan, or nothing (see the module docstring)."""
    for w in plan.writes:
        if w.create and (w.path.exists() or w.path.is_symlink()):
            raise ScaffoldError(tr("{path} 已存在，没有覆盖，也没有改动任何文件", path=display_path(w.path)))
        if not w.create and not w.path.is_file():
            raise ScaffoldError(tr("找不到 {path}，没有改动任何文件", path=display_path(w.path)))
    validate(plan)
    created: list[Path] = []
    folders: list[Path] = []
    replaced: list[tuple[Path, bytes]] = []
    try:
        for w in plan.writes:
            missing = [p for p in [w.path.parent, *w.path.parent.parents] if not p.exists()]
            w.path.parent.mkdir(parents=True, exist_ok=True)
            folders += reversed(missing)
            if w.create:
                tmp = _temp(w.path, w.text)
                try:
                    os.link(tmp, w.path)      # fails if the file appeared meanwhile
                finally:
                    os.unlink(tmp)
                created.append(w.path)
            else:
                old = w.path.read_bytes()
                os.replace(_temp(w.path, w.text), w.path)
                replaced.append((w.path, old))
    except OSError as exc:
        for p in created:
            p.unlink(missing_ok=True)
        for p, old in replaced:
            os.replace(_temp(p, old.decode("utf-8")), p)
        for d in reversed(folders):
            try:
                d.rmdir()
            except OSError:
                pass
        raise ScaffoldError(tr("写入失败（{reason}），已撤回，没有改动任何文件", reason=exc.strerror or exc)) from None
