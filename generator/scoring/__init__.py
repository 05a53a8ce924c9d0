"""The scoring engine: pure functions from a `Unit` to scores, statuses and grades.

Public API (the portal and the CLI code against these names):

- `score_unit(unit, period_id) -> UnitScore | None`
- `latest_period(unit) -> Period | None`, `latest_status(unit) -> dict[id, status]`
- `score_people(unit, period_id) -> tuple[PersonScore, ...]`, `fairness(scores) -> FairnessSummary`
- `precondition(target, params, polarity)`: why an item cannot be scored (shared with `check`)
- `compare_grades`, `rank`: grade comparison and competition ranks

Modules: `rules` (one precondition and scorer per rule kind, `RULES` registry), `actuals`,
`status`, `measures` (one scored line), `weights` (missing-data rule, weighted mean), `rollup`
(objectives, perspectives), `adjustments` (bonus, deductions, veto), `grades` (grades, veto
cap, grade comparison), `ranking`, `api`, `people`, `records` (the frozen result types).
The `score` command's table is an output: `generator.render.score_text`.
"""
from .api import latest_period, latest_status, latest_values, score_unit
from .people import fairness, score_people
from .records import (AdjustmentScore, FairnessSummary, GroupMean, MeasureScore, ObjectiveScore,
                      PersonScore, PerspectiveScore, PostScore, RuleOutcome, Status, UnitScore)
from .rules import RULES

__all__ = [
    "score_unit", "latest_period", "latest_status", "latest_values", "score_people", "fairness",
    "UnitScore", "MeasureScore", "ObjectiveScore", "PerspectiveScore", "AdjustmentScore",
    "PersonScore", "PostScore", "FairnessSummary", "GroupMean", "RuleOutcome", "Status", "RULES",
]
