"""A filled-in reporting form → edits to the period's results file.

Only what changed is edited: an actual written as a bare value stays one unless a note or
evidence is added (then it becomes `{value, note, evidence}`); a value left empty is `null`
(missing); bonus and deduction points, the vetoes that were triggered and the traditional
grade go to their own keys. The date of reporting (`reported`) is set the first time values
come in. A results file that does not exist yet is started with `published: false`: the office
publishes it after review. People's results and anything else the form does not show are left
alone.
"""
from __future__ import annotations

import datetime as dt

from ruamel.yaml.comments import CommentedMap

from ..model import Actual, Period, ResultsFile, TraditionalResult, Unit
from ..problems import Problem
from .apply import Edit, to_yaml, yaml_key
from ..i18n import paren, tr
from .cells import Value, same
from .columns import order, unit_file
from .layout import Place
from .read import CellValue, problem

RESULTS = order(ResultsFile)
ACTUAL = order(Actual)


def new_results_text(unit: Unit, period: Period) -> str:
    """The start of a results file the form creates."""
    return ("# " + tr("考核结果：{unit} {period}", unit=unit.name, period=period.name) + "\n"
            "# " + tr("由填报表导入（bscportal import xlsx）；办公室审核后把 published 改为 true 即在公开版发布。") + "\n"
            "# " + tr("actuals 写各指标本期的实际值；缺数写 null，并在 note 里说明原因。") + "\n\n"
            f"period: {yaml_key(period.id)}\npublished: false\n")


def _actual_edits(file: str, mid: str, label: str, got: dict[str, CellValue],
                  results: ResultsFile | None) -> list[Edit]:
    value, note, evidence = (got[f"{k}:{mid}"] for k in ("actual", "note", "evidence"))
    if not (value.changed or note.changed or evidence.changed):
        return []
    present = results is not None and mid in results.actuals
    current = results.actuals.get(mid) if results else None
    if isinstance(current, Actual):
        here = Place(file, ("actuals", mid), "value", ACTUAL)
        edits = [Edit(here, value.value)] if value.changed else []
        for cv, key in ((note, "note"), (evidence, "evidence")):
            if cv.changed:
                edits.append(Edit(Place(file, ("actuals", mid), key, ACTUAL), cv.value, remove=cv.value is None))
        return edits
    place = Place(file, ("actuals",), mid, (), RESULTS)
    comment = None if present else label
    if note.value is None and evidence.value is None:
        return [Edit(place, value.value, comment=comment)]
    node = CommentedMap([("value", to_yaml(value.value))])
    for key, v in (("note", note.value), ("evidence", evidence.value)):
        if v is not None:
            node[key] = v
    return [Edit(place, node, comment=comment)]


def _points(file: str, field: str, got: dict[str, CellValue]) -> list[Edit]:
    edits = []
    for key, cv in got.items():
        if key.startswith(field + ":") and cv.changed:
            place = Place(file, (field,), key.split(":", 1)[1], (), RESULTS)
            edits.append(Edit(place, cv.value, remove=cv.value is None))
    return edits


def _traditional(file: str, got: dict[str, CellValue], path: str, unit: str) -> tuple[list[Edit], list[Problem]]:
    cells = {k.split(":", 1)[1]: cv for k, cv in got.items() if k.startswith("traditional:")}
    if not any(cv.changed for cv in cells.values()):
        return [], []
    grade = cells["grade"]
    if grade.value is None and any(cv.value is not None for cv in cells.values()):
        return [], [problem(path, "BSC504", tr("填了传统考核的得分或名次，等次也必填：请选择等次"),
                            grade.sheet, grade.row, grade.col, unit)]
    return [Edit(Place(file, ("traditional",), k, order(TraditionalResult), RESULTS), cv.value,
                 remove=cv.value is None) for k, cv in cells.items() if cv.changed], []


def form_edits(unit: Unit, period: Period, values: list[CellValue], today: dt.date,
               path: str) -> tuple[list[Edit], list[Problem]]:
    """The edits a filled-in form makes to `results/<period>.yml` (none when nothing changed)."""
    file = unit_file(unit, f"results/{period.id}.yml")
    results = unit.results.get(period.id)
    got = {cv.input.key: cv for cv in values}
    edits: list[Edit] = []
    measures = unit.measure_index
    for key in got:
        if key.startswith("actual:"):
            mid = key.split(":", 1)[1]
            m = measures[mid]
            label = m.name + (paren(m.unit) if m.unit else "")
            edits += _actual_edits(file, mid, label, got, results)
    edits += _points(file, "bonus", got) + _points(file, "deductions", got)
    scale = unit.scales[period.id]
    vetoed = tuple(a.id for a in scale.veto if got[f"veto:{a.id}"].value)
    now: Value = tuple(results.veto) if results else ()
    if not same(tuple(sorted(vetoed)), tuple(sorted(now))):  # type: ignore[arg-type]
        edits.append(Edit(Place(file, (), "veto", RESULTS), vetoed, remove=not vetoed))
    trad, problems = _traditional(file, got, path, unit.id)
    edits += trad
    if edits and (results is None or results.reported is None):
        edits.append(Edit(Place(file, (), "reported", RESULTS), today))
    return edits, problems
