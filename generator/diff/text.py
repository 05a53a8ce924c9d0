"""`bscportal diff` as plain text for a terminal: a summary line, then each unit's changes
indented under its name; `!` before a warning, `-` before any other change."""
from __future__ import annotations

from ..i18n import N_, colon, paren, tr, tr_n, tr_p
from .changes import Change, ChangeSet
from .describe import internal_mark, notice_mark, sentence

#: how a side without a commit (the files on disk) is named (translated where it is used)
WORKTREE = N_("工作区")


def headline(cs: ChangeSet, edition: str = "internal") -> str:
    """`abc1234 → 工作区：2 个单位（或全市）有改动，共 5 项（1 项警告，2 项仅内部版可见）`."""
    changes = cs.changes
    if not changes:
        return (f"{cs.base} → {cs.head}" + colon() + tr("没有计分卡内容的改动")
                + (paren(tr("公开版")) if edition == "public" else ""))
    extra = []
    if cs.warnings:
        extra.append(tr_n("{n} 项警告", "{n} 项警告", len(cs.warnings), n=len(cs.warnings)))
    internal = sum(1 for c in changes if c.internal)
    if internal:
        extra.append(tr_n("{n} 项仅内部版可见", "{n} 项仅内部版可见", internal, n=internal))
    tail = paren(tr_p("comma", "，").join(extra)) if extra else ""
    count = tr_n("共 {n} 项改动", "共 {n} 项改动", len(changes), n=len(changes))
    if edition == "public":
        count = tr("公开版{count}", count=count)
    groups = tr_n("涉及 {n} 组", "涉及 {n} 组", len(cs.groups), n=len(cs.groups))
    return f"{cs.base} → {cs.head}" + colon() + count + tr_p("comma", "，") + groups + tail


def line(c: Change) -> str:
    mark = "!" if c.severity == "warning" else "-"
    notice = notice_mark() if c.severity == "notice" else ""
    return f"  {mark} {internal_mark() if c.internal else ''}{notice}{sentence(c)}"


def render(cs: ChangeSet, edition: str = "internal") -> str:
    lines = [headline(cs, edition)]
    for g in cs.groups:
        lines += ["", g.name + (paren(g.unit) if g.unit else "")]
        lines += [line(c) for c in g.changes if c.severity == "warning"]
        lines += [line(c) for c in g.changes if c.severity != "warning"]
    return "\n".join(lines) + "\n"
