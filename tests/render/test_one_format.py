"""The same tricky values read the same in every output: the results page, its chart, the unit
page and indicator cards, the CSV and XLSX downloads, the unit's JSON and `bscportal score`.

The fixture is the mini city with a range target, a yes/no measure, a missing actual, a
deduction and a triggered veto that caps the grade (issue 11: one formatting module).
"""
from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from generator.check import check_tree
from generator.cli import main
from generator.render import render_edition
from tests.helpers import mini_tree

#: what each tricky value must read as, wherever it lands
EXPECTED = {
    "range target": "95–100",
    "yes/no target": "是",
    "yes/no actual": "是",
    "missing actual": "缺数",
    "deduction": "-2.00",
    "veto-capped grade": "不合格（否决封顶）",
}

EDITS = {
    "units/alpha/measures.yml": [
        ("{id: M-C1, name: 群众满意度, objective: C1, type: outcome, unit: '%', targets: {'2008': 90}, owner: office}",
         "{id: M-C1, name: 群众满意度, objective: C1, type: outcome, unit: '%', polarity: range, "
         "targets: {'2008': {min: 95, max: 100}}, owner: office}"),
        ("{id: M-P1, name: 办结率, objective: P1, type: driver, unit: '%', targets: {'2008': 95}, owner: office}",
         "{id: M-P1, name: 办结率, objective: P1, type: driver, data_type: yesno, targets: {'2008': 1}, owner: office}"),
    ],
    "units/alpha/assessment/2008.yml": [
        ("{measure: M-C1, weight: 30}", "{measure: M-C1, weight: 30, rule: range}"),
        ("{measure: M-P1, weight: 20, rule: linear, floor: 60}", "{measure: M-P1, weight: 20, rule: done}"),
    ],
    "units/alpha/results/2008.yml": [
        ("  M-P1: 96\n", "  M-P1: true\n"),
        ("bonus: {B1: 2}\n", "bonus: {B1: 2}\ndeductions: {D1: 2}\nveto: [V1]\n"),
    ],
}


@pytest.fixture(scope="module")
def tricky(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("tricky")
    root = mini_tree(tmp)
    for rel, changes in EDITS.items():
        path = root / rel
        text = path.read_text(encoding="utf-8")
        for old, new in changes:
            assert text.count(old) == 1, old
            text = text.replace(old, new)
        path.write_text(text, encoding="utf-8")
    result = check_tree(root)
    assert result.ok, [p for p in result.problems if p.is_error]
    _, files = render_edition(result.city, "internal")
    cli = CliRunner().invoke(main, ["score", "alpha", "2008", "--path", str(root)])
    assert cli.exit_code == 0, cli.output
    return files, cli.output, result.city


def _csv(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


def _row(rows: list[list[str]], key: str) -> list[str]:
    return next(r for r in rows if key in r)


def _xlsx_cells(data: bytes) -> list[list[str]]:
    """Every cell as a spreadsheet shows it (numbers in their number format)."""
    out = []
    for ws in load_workbook(io.BytesIO(data)).worksheets:
        for row in ws.iter_rows():
            shown = []
            for c in row:
                if isinstance(c.value, (int, float)) and c.number_format == "0.00":
                    shown.append(f"{c.value:.2f}")
                else:
                    shown.append("" if c.value is None else str(c.value))
            out.append(shown)
    return out


def test_results_page(tricky):
    files, _, _ = tricky
    page = files["units/alpha/results.md"].decode("utf-8")
    row = lambda mid: page[page.index(f'id="r-2008-{mid}"'):].split("</tr>", 1)[0]  # noqa: E731
    assert f'<td class="bsc-num">{EXPECTED["range target"]} <small>%</small></td>' in row("M-C1")
    assert f'<td class="bsc-num">{EXPECTED["yes/no target"]}</td><td class="bsc-num">{EXPECTED["yes/no actual"]}</td>' in row("M-P1")
    assert f'<span class="bsc-missing">{EXPECTED["missing actual"]}</span>' in row("M-D1")
    assert f'<td class="bsc-num">{EXPECTED["deduction"]}</td>' in page        # overview and adjustments
    assert f'<strong class="bsc-grade">{EXPECTED["veto-capped grade"]}</strong>' in page


def test_unit_page_and_cards(tricky):
    files, _, _ = tricky
    unit = files["units/alpha/index.md"].decode("utf-8")
    assert f"<strong>{EXPECTED['veto-capped grade']}</strong>" in unit
    assert f'<td class="bsc-num">{EXPECTED["range target"]}</td><td class="bsc-num">88</td>' in unit
    assert f'<td class="bsc-num">{EXPECTED["missing actual"]}</td>' in unit
    assert f"目标值</th><td>2008年度：{EXPECTED['range target']}</td>" in files["units/alpha/cards.md"].decode("utf-8")
    assert f"2008年度：{EXPECTED['yes/no target']}</td>" in files["units/alpha/cards.md"].decode("utf-8")


def test_chart(tricky):
    files, _, _ = tricky
    page = files["units/alpha/results.md"].decode("utf-8")
    svg = page[page.index("<svg"):page.index("</svg>")]
    total = page.split('data-total="', 1)[1].split('"', 1)[0]
    assert f"：{total}</title>" in svg                                         # the marker's tooltip


def test_csv_downloads(tricky):
    files, _, _ = tricky
    rows = _csv(files["units/alpha/alpha-results-2008.csv"])
    assert _row(rows, "M-C1")[7] == EXPECTED["range target"]
    assert _row(rows, "M-P1")[7:9] == [EXPECTED["yes/no target"], EXPECTED["yes/no actual"]]
    assert _row(rows, "M-D1")[8] == EXPECTED["missing actual"]
    summary = {r[0]: r[1] for r in rows if len(r) == 2}
    assert summary["扣分"] == EXPECTED["deduction"]
    assert summary["等次"] == EXPECTED["veto-capped grade"]
    assert _row(rows, "通报")[4] == EXPECTED["deduction"]
    city = _csv(files["city/results-2008.csv"])
    header, alpha = city[1], _row(city, "alpha")
    assert alpha[header.index("扣分")] == EXPECTED["deduction"]
    assert alpha[header.index("等次")] == EXPECTED["veto-capped grade"]
    cards = _csv(files["units/alpha/alpha-measures.csv"])
    target = cards[0].index("目标值 2008年度")
    assert _row(cards, "M-C1")[target] == EXPECTED["range target"]
    assert _row(cards, "M-P1")[target] == EXPECTED["yes/no target"]


def test_xlsx_downloads(tricky):
    files, _, _ = tricky
    rows = _xlsx_cells(files["units/alpha/alpha-results-2008.xlsx"])
    assert _row(rows, "M-C1")[7] == EXPECTED["range target"]
    assert _row(rows, "M-P1")[7:9] == [EXPECTED["yes/no target"], EXPECTED["yes/no actual"]]
    assert _row(rows, "M-D1")[8] == EXPECTED["missing actual"]
    assert _row(rows, "扣分")[:2] == ["扣分", EXPECTED["deduction"]]          # the summary sheet
    assert _row(rows, "等次")[:2] == ["等次", EXPECTED["veto-capped grade"]]
    assert _row(rows, "通报")[4] == EXPECTED["deduction"]                    # the adjustments sheet
    city = _xlsx_cells(files["city/results-2008.xlsx"])
    assert EXPECTED["deduction"] in _row(city, "alpha") and EXPECTED["veto-capped grade"] in _row(city, "alpha")


def test_json_values_format_the_same(tricky):
    """The JSON carries data, not text; formatted by `fmt` its values read as everywhere else."""
    from generator.render import fmt
    from generator.model import TargetRange

    files, _, _ = tricky
    data = json.loads(files["units/alpha/alpha.json"])
    measures = {m["id"]: m for m in data["measures"]}
    assert fmt.target(TargetRange(**measures["M-C1"]["targets"]["2008"])) == EXPECTED["range target"]
    assert fmt.target(measures["M-P1"]["targets"]["2008"], measures["M-P1"]["data_type"]) == EXPECTED["yes/no target"]
    actuals = data["results"]["2008"]["actuals"]
    assert fmt.actual(actuals["M-P1"]) == EXPECTED["yes/no actual"]
    assert fmt.actual(actuals["M-D1"]) == EXPECTED["missing actual"]
    assert fmt.deduction(data["results"]["2008"]["deductions"]["D1"]) == EXPECTED["deduction"]


def test_score_command(tricky):
    _, out, _ = tricky
    cells = lambda mid: next(l for l in out.splitlines() if l.startswith(mid)).split()  # noqa: E731
    assert cells("M-C1")[4] == EXPECTED["range target"]
    assert cells("M-P1")[4:6] == [EXPECTED["yes/no target"], EXPECTED["yes/no actual"]]
    assert cells("M-D1")[5] == EXPECTED["missing actual"]
    assert f"扣分：{EXPECTED['deduction']}" in out
    assert f"等次：{EXPECTED['veto-capped grade']}\n" in out
