"""BSC213 (warning) no objective of the top perspective is owned by the unit's head.

Pilot lesson 5: the system needs the top leaders' attention. The unit's heads (its party and
government leaders, `heads` in unit.yml: post ids) should own at least one objective of the
top perspective of the map (the stakeholder / social-benefit one). A unit with posts but no
`heads` is asked to name them; a unit without posts is not checked.

FAIL::

    # unit.yml
    heads: [party-secretary, township-head]
    # map.yml: the stakeholder objectives are owned by deputies only
    - {id: S1, perspective: stakeholder, owner: deputy-head-agri}

PASS: `owner: party-secretary` on S1 (or on another stakeholder objective).
"""
from __future__ import annotations

from typing import Iterator

from ..i18n import join, tr, tr_n
from ..problems import Problem, Severity
from . import Context
from ._util import at

CODE = "BSC213"
NAME = "head-owns-no-top-objective"
SEVERITY = Severity.WARNING


def check(ctx: Context) -> Iterator[Problem]:
    for unit in ctx.units():
        if unit.info is None or not unit.objectives or not unit.perspectives:
            continue
        top = unit.perspectives[0]
        objectives = [o for o in unit.objectives if o.perspective == top.id]
        if not objectives:
            continue
        heads = set(unit.info.heads)
        if not heads:
            if unit.posts:
                yield at(ctx, unit.info, "id", code=CODE, unit=unit, severity=SEVERITY,
                         message=tr("没有写明本单位主要负责人的岗位：请在 unit.yml 写 heads（posts.yml 中的岗位编号，"
                                    "如党委书记、乡长），并让他们负责“{perspective}”层面的目标",
                                    perspective=top.name))
            continue
        if any(o.owner in heads for o in objectives):
            continue
        names = join(unit.owner_name(h) or h for h in unit.info.heads)
        yield at(ctx, objectives[0], "owner" if objectives[0].owner else "id", code=CODE, unit=unit,
                 severity=SEVERITY,
                 message=tr_n("“{perspective}”层面的 {n} 个目标没有一个由主要负责人（{heads}）负责："
                              "平衡计分卡需要主要领导亲自抓，请把其中至少一个目标的 owner 写成主要负责人的岗位",
                              "“{perspective}”层面的 {n} 个目标没有一个由主要负责人（{heads}）负责："
                              "平衡计分卡需要主要领导亲自抓，请把其中至少一个目标的 owner 写成主要负责人的岗位",
                              len(objectives), perspective=top.name, n=len(objectives), heads=names))
