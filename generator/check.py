"""`check` = load every file → validate types → run the rules → apply silences → sort."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .load.tree import load_city
from .model import City
from .problems import Problem
from .rules import Context, apply_silence, run_rules


@dataclass(frozen=True)
class CheckResult:
    city: City | None
    problems: list[Problem]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def ok(self) -> bool:
        return self.city is not None and not self.errors


def check_tree(root: Path | str) -> CheckResult:
    loaded = load_city(root)
    problems = list(loaded.problems)
    if loaded.city is not None and loaded.city.locator is not None:
        ctx = Context(loaded.city, loaded.city.locator, frozenset(loaded.broken_units))
        problems.extend(run_rules(ctx))
    problems = apply_silence(loaded.city, problems)
    return CheckResult(loaded.city, sorted(set(problems)))
