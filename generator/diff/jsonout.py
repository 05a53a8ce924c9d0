"""`bscportal diff --format json`: the same changes as data, each with its sentence."""
from __future__ import annotations

import json
from dataclasses import asdict

from .changes import ChangeSet
from .describe import sentence


def data(cs: ChangeSet, edition: str = "internal") -> dict[str, object]:
    return {
        "base": cs.base,
        "head": cs.head,
        "edition": edition,
        "summary": {"changes": len(cs.changes), "warnings": len(cs.warnings),
                    "internal": sum(1 for c in cs.changes if c.internal)},
        "groups": [{"unit": g.unit, "name": g.name,
                    "changes": [{**asdict(c), "text": sentence(c)} for c in g.changes]}
                   for g in cs.groups],
    }


def render(cs: ChangeSet, edition: str = "internal") -> str:
    return json.dumps(data(cs, edition), ensure_ascii=False, indent=2) + "\n"
