"""`bscportal diff` as Markdown, for a pull-request comment: a summary line, then one section per
unit with the warnings (a closed period's result rewritten) in a quote block on top and every
change as a list item; targets, thresholds, weights and rules in bold; internal changes marked."""
from __future__ import annotations

from ..i18n import N_, paren, tr
from ..render.escape import md
from .changes import Change, ChangeSet, Group
from .describe import internal_mark, sentence
from .text import headline

#: the comment's heading (translated where it is written); CI finds its own earlier comment by
#: the first line, whatever it says
HEADING = N_("计分卡改动摘要")


def item(c: Change, mark_internal: bool = True) -> str:
    """One change as Markdown text (escaped; bold when called out; `【内部】` before an internal
    change unless the caller marks it its own way)."""
    text = str(md(sentence(c)))
    if c.severity == "notice":
        text = f"**{text}**"
    return (internal_mark() if c.internal and mark_internal else "") + text


def group_lines(g: Group) -> list[str]:
    """A unit's warnings (quoted) and changes (a list), without its heading."""
    lines: list[str] = []
    if g.warnings:
        lines.append("> ⚠️ **" + tr("注意：改写了已结束考核期的结果，请核实原因") + "**")
        lines.append(">")
        lines += [f"> - {item(c)}" for c in g.warnings]
        lines.append("")
    lines += [f"- {item(c)}" for c in g.changes if c.severity != "warning"]
    return lines


def render(cs: ChangeSet, edition: str = "internal") -> str:
    lines = ["## " + tr(HEADING), "", md(headline(cs, edition)), ""]
    for g in cs.groups:
        title = md(g.name) + (paren(f"`{g.unit}`") if g.unit else "")
        lines += [f"### {title}", "", *group_lines(g), ""]
    return "\n".join(str(x) for x in lines).rstrip() + "\n"
