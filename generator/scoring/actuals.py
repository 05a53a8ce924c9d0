"""Read one entry of a results file's `actuals`: a value, null (missing), a bool or {value, note, evidence}."""
from __future__ import annotations

from dataclasses import dataclass

from ..model import Actual


@dataclass(frozen=True)
class Reading:
    value: float | bool | None
    note: str | None = None
    evidence: str | None = None

    @property
    def missing(self) -> bool:
        return self.value is None


def read_actual(raw: object) -> Reading:
    """A results entry as (value, note, evidence); absent or null values read as missing."""
    if isinstance(raw, Actual):
        return Reading(raw.value, raw.note, raw.evidence)
    if raw is None or isinstance(raw, (bool, int, float)):
        return Reading(raw if raw is None or isinstance(raw, bool) else float(raw))
    raise TypeError(f"unexpected actual {raw!r}")
