"""BSC207 (warning) a person with several posts whose posts have no difficulty class.

Pilot lesson 4: people who hold several posts score low because their load is not counted.
The difficulty coefficient remedy needs every one of their posts classified.

FAIL: a person holding `deputy-secretary` and `armed-forces-head`, one of them without
`difficulty`.

PASS: `difficulty: A` on both posts in posts.yml.
"""
from __future__ import annotations

from typing import Iterator

from ..i18n import join, tr_n
from ..problems import Problem, Severity
from . import Context
from ._util import at

CODE = "BSC207"
NAME = "multi-post-without-difficulty"
SEVERITY = Severity.WARNING


def check(ctx: Context) -> Iterator[Problem]:
    for unit in ctx.units():
        for person in unit.people:
            if len(person.posts) < 2:
                continue
            missing = [a.post for a in person.posts
                       if (p := unit.post_index.get(a.post)) is not None and p.difficulty is None]
            if missing:
                yield at(ctx, person, "posts", code=CODE, unit=unit, severity=SEVERITY, key=True,
                         message=tr_n("{person} 身兼 {n} 个岗位，其中 {posts} 没有岗位难度类别："
                                      "请在 posts.yml 中写 difficulty，否则一人多岗的得分无法校正",
                                      "{person} 身兼 {n} 个岗位，其中 {posts} 没有岗位难度类别："
                                      "请在 posts.yml 中写 difficulty，否则一人多岗的得分无法校正",
                                      len(person.posts), person=person.id, n=len(person.posts),
                                      posts=join(missing)))
