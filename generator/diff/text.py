"""`bscportal diff` as plain text for a terminal: a summary line, then each unit's changes
indented under its name; `!` before a warning, `-` before any other change."""
from __future__ import annotations

from .changes import Change, ChangeSet
from .describe import INTERNAL_MARK, NOTICE_MARK, sentence

#: how a side without a commit (the files on disk) is named
WORKTREE = "工作区"


def headline(cs: ChangeSet, edition: str = "internal") -> str:
    """`abc1234 → 工作区：2 个单位（或全市）有改动，共 5 项（1 项警告，2 项仅内部版可见）`."""
    changes = cs.changes
    if not changes:
        return f"{cs.base} → {cs.head}：没有计分卡内容的改动" + ("（公开版）" if edition == "public" else "")
    extra = []
    if cs.warnings:
        extra.append(f"{len(cs.warnings)} 项警告")
    internal = sum(1 for c in changes if c.internal)
    if internal:
        extra.append(f"{internal} 项仅内部版可见")
    tail = f"（{'，'.join(extra)}）" if extra else ""
    scope = "公开版" if edition == "public" else ""
    return f"{cs.base} → {cs.head}：{scope}共 {len(changes)} 项改动，涉及 {len(cs.groups)} 组{tail}"


def line(c: Change) -> str:
    mark = "!" if c.severity == "warning" else "-"
    notice = NOTICE_MARK if c.severity == "notice" else ""
    return f"  {mark} {INTERNAL_MARK if c.internal else ''}{notice}{sentence(c)}"


def render(cs: ChangeSet, edition: str = "internal") -> str:
    lines = [headline(cs, edition)]
    for g in cs.groups:
        lines += ["", g.name + (f"（{g.unit}）" if g.unit else "")]
        lines += [line(c) for c in g.changes if c.severity == "warning"]
        lines += [line(c) for c in g.changes if c.severity != "warning"]
    return "\n".join(lines) + "\n"
