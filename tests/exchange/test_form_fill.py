"""A filled-in reporting form becomes a results file that passes `check` and scores the numbers
typed in: the 2009 form of 海南乡, filled in with the figures of the example's own results file
(which is removed first), gives the same total, grade and lines."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from generator.check import check_tree
from generator.exchange.export_form import INPUT_COL, SHEET
from generator.exchange.importer import import_workbook
from generator.model import Actual
from generator.scoring.api import score_unit

from .helpers import edit, example_copy, find_row, form_xlsx

UNIT, PERIOD = "hainan-township", "2009"


def test_filled_form_scores_the_numbers_typed_in(tmp_path: Path) -> None:
    root = example_copy(tmp_path)
    original = check_tree(root).city.units[UNIT]  # type: ignore[union-attr]
    expected = score_unit(original, PERIOD)
    results = original.results[PERIOD]
    (root / f"units/{UNIT}/results/{PERIOD}.yml").unlink()
    book = form_xlsx(root, UNIT, PERIOD, tmp_path / "form.xlsx")

    def fill(wb):
        ws = wb[SHEET]
        for mid, raw in results.actuals.items():
            r = find_row(ws, mid, 3)
            value = raw.value if isinstance(raw, Actual) else raw
            ws.cell(r, INPUT_COL).value = ("是" if value else "否") if isinstance(value, bool) else value
            if isinstance(raw, Actual) and raw.note:
                ws.cell(r, INPUT_COL + 1).value = raw.note
        for bid, points in results.bonus.items():
            ws.cell(find_row(ws, bid, 3), INPUT_COL).value = points
        grade = {g.id: g.name for g in original.rules.grades}[results.traditional.grade]
        ws.cell(find_row(ws, "grade", 3), INPUT_COL).value = grade
        ws.cell(find_row(ws, "score", 3), INPUT_COL).value = results.traditional.score
        ws.cell(find_row(ws, "rank", 3), INPUT_COL).value = results.traditional.rank
        ws.cell(find_row(ws, "填报人（签字）：", 2), 3).value = "朴英姬"

    out = import_workbook(root, edit(book, fill), today=dt.date(2010, 1, 12))
    assert out.problems == []
    assert out.files == [f"units/{UNIT}/results/{PERIOD}.yml"]
    text = (root / out.files[0]).read_text(encoding="utf-8")
    assert "published: false" in text and "reported: 2010-01-12" in text
    assert "  M-S1-1: 6420   # 农民人均纯收入（元）\n" in text

    after = check_tree(root)
    assert after.errors == []
    unit = after.city.units[UNIT]  # type: ignore[union-attr]
    got = score_unit(unit, PERIOD)
    assert got is not None and expected is not None
    assert got.total == expected.total and got.grade == expected.grade
    assert got.items == expected.items and got.bonus == expected.bonus
    assert unit.results[PERIOD].traditional == results.traditional


def test_a_note_turns_a_bare_value_into_a_mapping_and_a_veto_is_listed(tmp_path: Path) -> None:
    root = example_copy(tmp_path)
    book = form_xlsx(root, UNIT, PERIOD, tmp_path / "form.xlsx")
    path = root / f"units/{UNIT}/results/{PERIOD}.yml"
    old = path.read_text(encoding="utf-8")

    def fill(wb):
        ws = wb[SHEET]
        r = find_row(ws, "M-S2-1", 3)
        ws.cell(r, INPUT_COL).value = 820
        ws.cell(r, INPUT_COL + 1).value = "含上级返还"
        ws.cell(find_row(ws, "V2", 3), INPUT_COL).value = "是"

    out = import_workbook(root, edit(book, fill), today=dt.date(2010, 1, 12))
    assert out.problems == []
    new = path.read_text(encoding="utf-8")
    assert "  M-S2-1:       # 乡级财政收入（万元）\n    value: 820\n    note: 含上级返还\n" in new
    # the first reporting date stays
    assert "veto: [V2]\n" in new and "reported: 2010-01-11\n" in new and "2010-01-12" not in new
    # every other line stays
    assert len(new.splitlines()) == len(old.splitlines()) + 3
