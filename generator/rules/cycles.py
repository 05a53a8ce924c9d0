"""BSC103 cause-and-effect cycle: `drives` links must not loop back.

A strategy map reads from causes (learning, processes) up to effects (the public, the
mission). A loop (A drives B, B drives A) has no bottom and cannot be drawn upward.

FAIL::

    - id: P1
      drives: [C1]
    - id: C1
      drives: [P1]

PASS: drop one of the two links.
"""
from __future__ import annotations

from typing import Iterator

from ..model import Unit
from ..i18n import tr
from ..problems import Problem, Severity
from . import Context
from ._util import at

CODE = "BSC103"
NAME = "cause-effect-cycle"
SEVERITY = Severity.ERROR


def _cycles(unit: Unit) -> list[list[str]]:
    graph = {o.id: [d for d in o.drives if d in unit.objective_index] for o in unit.all_objectives}
    colour: dict[str, int] = {}
    found: list[list[str]] = []
    reported: set[frozenset[str]] = set()

    def visit(node: str, stack: list[str]) -> None:
        colour[node] = 1
        stack.append(node)
        for nxt in graph.get(node, []):
            if colour.get(nxt) == 1:
                cycle = stack[stack.index(nxt):]
                key = frozenset(cycle)
                if key not in reported:
                    reported.add(key)
                    found.append(cycle + [nxt])
            elif colour.get(nxt) is None:
                visit(nxt, stack)
        stack.pop()
        colour[node] = 2

    for node in graph:
        if node not in colour:
            visit(node, [])
    return found


def check(ctx: Context) -> Iterator[Problem]:
    for unit in ctx.units():
        ids = [o.id for o in unit.all_objectives]
        if len(ids) != len(set(ids)):
            continue  # duplicate ids (BSC101) would show as false loops; fix those first
        for cycle in _cycles(unit):
            last = unit.objective_index[cycle[-2]]
            index = last.drives.index(cycle[-1])
            path = " → ".join(cycle)
            yield at(ctx, last, "drives", index, code=CODE, unit=unit,
                     message=tr("因果关系形成了循环：{path}。战略地图的箭头应自下而上，请删去其中一条 drives",
                                path=path))
