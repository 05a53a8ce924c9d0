"""BSC205 (warning) a measure or action plan has no owner.

Pilot lesson 2: without a named owner for follow-up, results are not tracked and reported
figures cannot be trusted. Give every measure and action plan an `owner` (a post or
department id); a measure may also name a `tracker` who reports the figure.

FAIL::

    - id: M-P1-1
      name: 办结率
      # no owner

PASS: `owner: party-office`.
"""
from __future__ import annotations

from typing import Iterator

from ..i18n import tr
from ..problems import Problem, Severity
from . import Context
from ._util import at

CODE = "BSC205"
NAME = "missing-owner"
SEVERITY = Severity.WARNING


def check(ctx: Context) -> Iterator[Problem]:
    for unit in ctx.units():
        for m in unit.all_measures:
            if m.owner is None:
                yield at(ctx, m, "id", code=CODE, unit=unit, severity=SEVERITY,
                         message=tr("指标 {id}（{name}）没有责任人：请写 owner（岗位或部门编号），"
                                    "以便跟踪督办、保证数据真实", id=m.id, name=m.name))
        for a in unit.actions:
            if a.owner is None:
                yield at(ctx, a, "id", code=CODE, unit=unit, severity=SEVERITY,
                         message=tr("行动方案 {id}（{name}）没有责任人：请写 owner（岗位或部门编号）",
                                    id=a.id, name=a.name))
