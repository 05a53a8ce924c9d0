"""CSV and XLSX downloads of results: the same numbers as the pages, Excel-safe, deterministic."""
from __future__ import annotations

import csv
import io
import re

import pytest
from openpyxl import load_workbook

from generator.render import render_edition
from generator.render import fmt
from generator.render.tabular import csv_blocks, xlsx_sheets
from generator.render.tabular import score as Fixed
from generator.render.tabular import value as Value
from generator.scoring import score_unit
from generator.render.fmt import score as fixed
from tests.render.results_site import city, internal, public  # noqa: F401  (session fixtures)


def read_csv(data: bytes) -> list[list[str]]:
    assert data.startswith("\ufeff".encode("utf-8")), "UTF-8 BOM for Excel"
    text = data.decode("utf-8-sig")
    assert "\r\n" in text and "\n" not in text.replace("\r\n", "")
    return list(csv.reader(io.StringIO(text)))


def block(rows: list[list[str]], title: str) -> list[list[str]]:
    """The rows of a CSV block after its title line and header, up to the next blank line."""
    i = next(i for i, r in enumerate(rows) if r and r[0] == title)
    out = []
    for r in rows[i + 2:]:
        if not r:
            break
        out.append(r)
    return out


@pytest.mark.parametrize("unit_id, period", [("hainan-township", "2009"), ("hainan-township", "2009-q3"),
                                             ("hainan-township", "2008-q3"), ("education-bureau", "2009-h1")])
def test_unit_csv_has_the_numbers_of_the_page_and_of_bscportal_score(public, city, unit_id, period):
    score = score_unit(city.units[unit_id], period)
    rows = read_csv(public[f"units/{unit_id}/{unit_id}-results-{period}.csv"])
    summary = {r[0]: r[1] for r in rows[2:] if len(r) == 2}
    assert summary["总分"] == fixed(score.total)
    assert summary["基本得分"] == fixed(score.base_total)
    assert summary["等次"] == fmt.grade_text(score.grade, score.grade_capped)
    items = block(rows, "考核量表得分")
    by_id = {r[2]: r for r in items if r[2]}
    page = public[f"units/{unit_id}/results.md"].decode("utf-8")
    for line in score.items:
        r = by_id[line.measure_id]
        assert r[5:12] == [fixed(line.weight), fixed(line.effective_weight), fmt.target(line.target, line.data_type),
                           fmt.actual(line.actual, line.data_type), r[9], fixed(line.score) if line.score is not None else "",
                           fixed(line.points) if line.points is not None else ""]
        if line.missing:
            assert r[8] == "缺数" and r[13]          # said, with the rule applied
        # the page shows the very same strings
        row = page[page.index(f'id="r-{period}-{line.measure_id}"'):]
        row = row[:row.index("</tr>")]
        assert f'<td class="bsc-num">{fixed(line.points)}</td>' in row
    total = next(r for r in items if r[0] == "合计")
    assert total[11] == fixed(score.base_total)
    if score.grade_capped:
        assert "应为" in summary["等次说明"]


def test_unit_xlsx_matches_the_csv(public, city):
    score = score_unit(city.units["hainan-township"], "2008")
    wb = load_workbook(io.BytesIO(public["units/hainan-township/hainan-township-results-2008.xlsx"]))
    assert wb.sheetnames == ["汇总", "考核量表", "加减分与否决", "层面与目标"]
    summary = {r[0]: r[1] for r in wb["汇总"].iter_rows(min_row=3, values_only=True) if r[0]}
    assert summary["总分"] == round(score.total, 2)
    assert summary["加分"] == round(score.bonus, 2) and summary["扣分"] == -round(score.deductions, 2)
    sheet = wb["考核量表"]
    rows = {r[2]: r for r in sheet.iter_rows(min_row=3, values_only=True) if r[2]}
    for line in score.items:
        r = rows[line.measure_id]
        assert r[5] == round(line.weight, 2) and r[11] == round(line.points, 2)
    cell = next(c for c in sheet[3] if c.column == 12)
    assert cell.number_format == "0.00"


def test_xlsx_bytes_are_deterministic(public):
    """No build time inside: fixed zip timestamps and document dates (unchanged data, unchanged file)."""
    import zipfile

    from generator.render.tabular import FIXED_DATE

    z = zipfile.ZipFile(io.BytesIO(public["units/hainan-township/hainan-township-results-2009.xlsx"]))
    assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    core = z.read("docProps/core.xml").decode("utf-8")
    assert core.count(FIXED_DATE) == 2
    blocks = [("t", ["a"], [[Fixed(1.0)]])]
    assert xlsx_sheets([("s", blocks)], title="t", name="x.xlsx") == xlsx_sheets([("s", blocks)], title="t", name="x.xlsx")


def test_csv_cells_are_formula_safe_but_numbers_stay_numbers():
    data = csv_blocks([("=标题", ["=HYPERLINK(\"x\")", "数"],
                        [["=1+1", Fixed(-2.5)], ["+cmd", Value(-3.25)], ["@SUM(A1)", 7], ["-2+3", None],
                         ["普通", True]])])
    rows = read_csv(data)
    assert rows[0] == ["'=标题"]
    assert rows[1] == ["'=HYPERLINK(\"x\")", "数"]
    assert rows[2:] == [["'=1+1", "-2.50"], ["'+cmd", "-3.25"], ["'@SUM(A1)", "7"], ["'-2+3", ""],
                        ["普通", "是"]]


def test_xlsx_text_is_never_a_formula():
    data = xlsx_sheets([("表", [("t", ["a", "b"], [["=cmd|' /C calc'!A0", Fixed(1.005)], ["-1", Value(-1.5)]])])],
                       title="t", name="x.xlsx")
    ws = load_workbook(io.BytesIO(data))["表"]
    cell = ws["A3"]
    assert cell.value == "=cmd|' /C calc'!A0" and cell.data_type == "s"
    assert ws["A4"].data_type == "s" and ws["A4"].value == "-1"
    assert ws["B3"].value == round(1.005, 2) and ws["B4"].value == -1.5


def test_city_csv_per_annual_period(public, city):
    rows = read_csv(public["city/results-2009.csv"])
    header, body = rows[1], [r for r in rows[2:] if r]
    assert header[:4] == ["名次", "类别内名次", "单位编号", "单位名称"]
    totals = {r[2]: r[header.index("总分")] for r in body}
    for uid, total in totals.items():
        assert total == fixed(score_unit(city.units[uid], "2009").total)
    ranks = [int(r[0]) for r in body]
    assert ranks == sorted(ranks) and ranks[0] == 1
    assert set(totals) >= {"hainan-township", "education-bureau"}
    wb = load_workbook(io.BytesIO(public["city/results-2009.xlsx"]))
    values = list(wb.active.iter_rows(min_row=3, values_only=True))
    assert [v[header.index("总分")] for v in values] == [float(r[header.index("总分")]) for r in body]


def test_download_links_on_the_page_exist(public):
    for path, data in public.items():
        if not path.endswith("/results.md"):
            continue
        folder = path.rsplit("/", 1)[0]
        for name in re.findall(r'href="([^"/#]+\.(?:csv|xlsx))" download', data.decode("utf-8")):
            assert f"{folder}/{name}" in public, (path, name)


def _xlsx_text(data: bytes) -> str:
    import html
    import zipfile

    z = zipfile.ZipFile(io.BytesIO(data))
    text = "".join(z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".xml"))
    return re.sub(r"\s+", "", html.unescape(text))


def test_public_xlsx_downloads_have_no_internal_text(public, city):
    """The leak scan of tests/site does not open XLSX (zip) files: scan them here."""
    from tests.site.leaks import needles

    strings = sorted(needles(city))
    assert strings
    xlsx = {p: d for p, d in public.items() if p.endswith(".xlsx")}
    assert len(xlsx) >= 20
    hits = {p: [s for s in strings if s in _xlsx_text(d)] for p, d in xlsx.items()}
    assert {p: h for p, h in hits.items() if h} == {}


def test_people_csv_shows_the_normalisation(city, internal):
    from generator.scoring import score_people

    unit = city.units["hainan-township"]
    scores = {s.person_id: s for s in score_people(unit, "2009")}
    rows = read_csv(internal["units/hainan-township/hainan-township-people-2009.csv"])
    header = rows[1]
    assert header[5:9] == ["原始得分", "难度系数合成得分", "归一化系数", "归一化后得分"]
    for r in rows[2:]:
        if not r:
            break
        s = scores[r[0]]
        assert r[5:9] == [fixed(s.raw), fixed(s.coefficient_score), f"{s.normalisation:.4f}",
                          fixed(s.normalised_score)]
        assert r[header.index("调整后得分")] == fixed(s.adjusted)
