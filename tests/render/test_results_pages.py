"""Results, ranking, dual-track and people-results pages, rendered without MkDocs.

The example city is rendered once per edition (`render_edition`: Markdown, SVG, CSV, XLSX as
bytes); every number on a results page is compared with the scoring engine's own result, and
the public edition is checked for what it must leave out.
"""
from __future__ import annotations

import dataclasses
import html
import io
import re

import pytest
from click.testing import CliRunner

from generator.check import check_tree
from generator.cli import main
from generator.render import render_edition
from generator.model.vocab import MISSING_RULE
from generator.render import fmt
from generator.scoring import fairness, score_people, score_unit
from generator.render.fmt import score as fixed
from tests.conftest import MINI_SITE, ROOT
from tests.render.results_site import city, internal, public  # noqa: F401  (session fixtures)

BENCHMARKS = ("hainan-township", "education-bureau")


def render(city, edition):
    return render_edition(city, edition)[1]


def text(files, path) -> str:
    return files[path].decode("utf-8")


def section(page: str, period_id: str) -> str:
    """The part of a results page about one period (from its heading to the next)."""
    start = page.index("{#p-" + period_id + "}")
    nxt = re.search(r"\n## ", page[start:])
    return page[start: start + nxt.start() if nxt else len(page)]


def page_totals(page: str) -> dict[str, str]:
    return dict(re.findall(r'<div class="bsc-result" data-period="([^"]+)">.*?data-total="([^"]+)"', page, re.S))


# -- results pages -------------------------------------------------------------------------

@pytest.mark.parametrize("unit_id", BENCHMARKS)
@pytest.mark.parametrize("edition", ["public", "internal"])
def test_benchmark_units_show_six_or_more_periods_with_trends(public, internal, city, unit_id, edition):
    files = public if edition == "public" else internal
    page = text(files, f"units/{unit_id}/results.md")
    periods = page_totals(page)
    unpublished = sum(1 for r in city.units[unit_id].results.values() if not r.published)
    assert len(periods) >= 6 - (unpublished if edition == "public" else 0)
    assert f'id="chart-total-{unit_id}"' in page and f'id="chart-persp-{unit_id}"' in page
    # one marker (with its tooltip) per period on the total chart
    chart = page[page.index(f'id="chart-total-{unit_id}"'):]
    chart = chart[:chart.index("</svg>")]
    assert len(re.findall(r"<title>[^<]*总分 · ", chart)) == len(periods)
    # the chart's numbers are in the overview table beside it
    overview = page[page.index('id="results-overview"'):]
    for total in periods.values():
        assert f"<strong>{total}</strong>" in overview


@pytest.mark.parametrize("edition", ["public", "internal"])
def test_every_total_on_a_results_page_is_the_official_score(city, public, internal, edition):
    files = public if edition == "public" else internal
    checked = 0
    for unit in city:
        path = f"units/{unit.id}/results.md"
        if path not in files:
            assert not any(score_unit(unit, p.id) for p in unit.periods if edition == "internal")
            continue
        for pid, total in page_totals(text(files, path)).items():
            assert total == fixed(score_unit(unit, pid).total), (unit.id, pid)
            checked += 1
    assert checked >= 20


@pytest.mark.parametrize("unit_id, period", [("hainan-township", "2009"), ("hainan-township", "2008-q3"),
                                             ("education-bureau", "2009-h1")])
def test_page_total_equals_bscportal_score(public, unit_id, period):
    out = CliRunner().invoke(main, ["score", unit_id, period, "--path", str(ROOT / "scorecards")])
    assert out.exit_code == 0, out.output
    cli_total = re.search(r"^总分：(\S+)$", out.output, re.M).group(1)
    assert page_totals(text(public, f"units/{unit_id}/results.md"))[period] == cli_total
    # and each item's points as the CLI prints them
    page = section(text(public, f"units/{unit_id}/results.md"), period)
    for line in out.output.splitlines():
        m = re.match(r"^(M-\S+)\s.*\s(\d+\.\d\d|-)\s+(\S+)$", line)
        if m:
            row = page[page.index(f'id="r-{period}-{m.group(1)}"'):]
            row = row[:row.index("</tr>")]
            assert f'<td class="bsc-num">{m.group(2)}</td>' in row, (m.group(1), row)


def test_scale_rows_show_weight_target_actual_score_and_status(public, city):
    unit = city.units["hainan-township"]
    score = score_unit(unit, "2009")
    page = section(text(public, "units/hainan-township/results.md"), "2009")
    for line in score.items:
        row = page[page.index(f'id="r-2009-{line.measure_id}"'):]
        row = row[:row.index("</tr>")]
        assert html.escape(line.name, quote=False) in row
        for value in (fixed(line.weight), fixed(line.effective_weight), fixed(line.score), fixed(line.points)):
            assert f'<td class="bsc-num">{value}</td>' in row
    assert "合计（基本得分）" in page and f"<strong>{fixed(score.base_total)}</strong>" in page


@pytest.mark.parametrize("unit_id, period, rule", [("hainan-township", "2009-q3", "reweight"),
                                                   ("education-bureau", "2009-h1", "zero")])
def test_missing_actuals_show_as_missing_with_the_rule_applied(public, city, unit_id, period, rule):
    score = score_unit(city.units[unit_id], period)
    assert score.missing and score.missing_rule == rule
    page = section(text(public, f"units/{unit_id}/results.md"), period)
    for mid in score.missing:
        row = page[page.index(f'id="r-{period}-{mid}"'):]
        row = row[:row.index("</tr>")]
        assert re.search(rf'<tr id="r-{period}-{mid}" class="bsc-row--missing">', page)
        assert '<span class="bsc-missing">缺数</span>' in row
        assert MISSING_RULE.detail(rule) in row
        line = score.item(mid)
        # reweight: no score at all (not a silent 0); zero: 0 at the full weight
        if rule == "reweight":
            assert '<td class="bsc-num">—</td>' in row and line.points is None
        else:
            assert f'<td class="bsc-num">{fixed(0)}</td>' in row and line.effective_weight == line.weight
    assert f"缺数 {len(score.missing)} 项" in page
    assert "admonition warning bsc-missing-note" in page


def test_veto_caps_the_grade_and_the_page_says_why(public, city):
    score = score_unit(city.units["hainan-township"], "2008-q3")
    assert score.grade_capped
    page = section(text(public, "units/hainan-township/results.md"), "2008-q3")
    assert f"按总分 {fixed(score.total)} 应为{score.uncapped_grade.name}" in page
    assert f"等次最高为{score.grade.name}" in page
    assert '<tr class="bsc-adj--veto"><td>一票否决</td>' in page


def test_bonus_and_deduction_lines(public, city):
    score = score_unit(city.units["hainan-township"], "2008")
    page = section(text(public, "units/hainan-township/results.md"), "2008")
    assert score.adjustments
    for a in score.adjustments:
        assert html.escape(a.name, quote=False) in page
        assert (fmt.signed(a.applied) if a.kind == 'bonus' else fmt.deduction(a.applied)) in page
    assert f"基本得分 {fixed(score.base_total)} ＋ 加分 {score.bonus:.2f} − 扣分 {score.deductions:.2f}" in page


def test_unit_page_links_to_its_results(public):
    for unit_id in BENCHMARKS:
        assert 'href="results.html"' in text(public, f"units/{unit_id}/index.md")


# -- what the public edition leaves out -----------------------------------------------------

def test_unpublished_results_only_in_the_internal_edition(public, internal, city):
    unit = city.units["finance-bureau"]
    assert unit.results["2007"].published is False
    assert "{#p-2007}" not in text(public, "units/finance-bureau/results.md")
    assert "units/finance-bureau/finance-bureau-results-2007.csv" not in public
    assert "{#p-2007}" in text(internal, "units/finance-bureau/results.md")
    assert "units/finance-bureau/finance-bureau-results-2007.xlsx" in internal


def test_publish_results_false_hides_a_units_results(city):
    unit = city.units["chaihe-town"]
    rules = unit.rules.model_copy(update={"publish_results": False})
    changed = dataclasses.replace(city, units={**city.units, unit.id: dataclasses.replace(unit, own_rules=rules)})
    files = render(changed, "public")
    assert not [p for p in files if p.startswith("units/chaihe-town/") and "results" in p]
    assert all("chaihe-town" not in text(files, p) for p in files if p.startswith("city/") and p.endswith(".csv"))
    assert "chaihe-town" not in text(files, "city/dual-track.md")


def test_people_never_reach_public_files(public, internal, city):
    names = {p.name for u in city for p in u.people}
    assert names
    assert not [p for p in public if p.endswith(("/people.md", "/people-results.md"))
                or re.search(r"-people-[^/]*$", p)]
    assert [p for p in internal if p.endswith("/people-results.md")]
    assert "internal/fairness.md" not in public and "internal/fairness.md" in internal
    for path, data in public.items():
        if path.endswith(".xlsx"):
            body = xlsx_text(data)
        else:
            body = data.decode("utf-8", "replace")
        hits = {n for n in names if n in body}
        assert not hits, (path, hits)


def xlsx_text(data: bytes) -> str:
    import zipfile

    z = zipfile.ZipFile(io.BytesIO(data))
    return "".join(z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".xml"))


# -- mini city: internal items and adjustments inside the official total ----------------------

@pytest.fixture(scope="module")
def mini():
    result = check_tree(MINI_SITE / "scorecards")
    assert result.ok
    return result.city


def test_public_lists_hidden_items_as_one_row_so_the_table_adds_up(mini):
    pub = text(render(mini, "public"), "units/mini-town/results.md")
    full = score_unit(mini.units["mini-town"], "2008")
    assert "机密" not in pub
    assert page_totals(pub)["2008"] == fixed(full.total)
    assert "内部指标 1 项（公开版不列出，计入总分）" in pub
    hidden = next(i for i in full.items if i.measure_id == "M-SX-1")
    assert f'<td class="bsc-num">{hidden.weight:.2f}</td>' in pub
    assert "内部加分项（公开版不列出）" in pub
    intern = text(render(mini, "internal"), "units/mini-town/results.md")
    assert "内部指标" not in intern and "机密加分项未" in intern


def test_public_mini_downloads_have_no_internal_text(mini):
    for path, data in render(mini, "public").items():
        if "results" in path and path.endswith((".csv", ".xlsx")):
            body = xlsx_text(data) if path.endswith(".xlsx") else data.decode("utf-8")
            assert "机密" not in body and "申酉" not in body, path


# -- ranking ----------------------------------------------------------------------------------

def test_ranking_page_orders_annual_totals(public, city):
    page = text(public, "city/ranking.md")
    assert "{#y-2009}" in page
    part = page[page.index("{#y-2009}"):]
    part = part[:part.index("</table>")]
    rows = re.findall(r'<tr><td class="bsc-num">(\d+)</td>.*?<strong>([\d.]+)</strong>', part, re.S)
    totals = [float(t) for _, t in rows]
    assert totals == sorted(totals, reverse=True) and len(totals) >= 6
    ranks = [int(r) for r, _ in rows]
    assert ranks[0] == 1 and all(b >= a for a, b in zip(ranks, ranks[1:]))
    expected = sorted(fixed(score_unit(u, "2009").total) for u in city
                      if "2009" in u.results and score_unit(u, "2009") and u.period_index["2009"].kind == "year")
    assert sorted(f"{t:.2f}" for t in totals) == expected


def test_ranking_hidden_from_the_public_when_the_city_does_not_publish_it(city, public):
    settings = city.info.settings.model_copy(update={"publish_ranking": False})
    quiet = dataclasses.replace(city, info=city.info.model_copy(update={"settings": settings}))
    pub = render(quiet, "public")
    assert "city/ranking.md" not in pub
    assert "ranking.md" not in text(pub, "units/hainan-township/results.md")
    assert "ranking" not in text(pub, "index.md")
    header = text(pub, "city/results-2009.csv").splitlines()[1]
    assert "名次" not in header
    assert text(public, "city/results-2009.csv").splitlines()[1].startswith("名次,类别内名次")
    from generator.render.edition import view

    assert view(quiet, "internal").show_ranking and not view(quiet, "public").show_ranking


def test_competition_ranks():
    from generator.scoring.ranking import competition_ranks

    assert competition_ranks([90.0, 95.5, 90.0, 80.0]) == [2, 1, 2, 4]


# -- dual track -------------------------------------------------------------------------------

def test_dual_track_shows_both_grades_for_every_unit_that_ran_both(public, city):
    page = text(public, "city/dual-track.md")
    both = [(u, pid) for u in city for pid, r in u.results.items()
            if r.traditional is not None and r.published and u.rules.publish_results and score_unit(u, pid)]
    assert len({u.id for u, _ in both}) >= 6
    disagree = 0
    for unit, pid in both:
        part = page[page.index("{#dt-" + pid + "}"):]
        part = part[:part.index("</table>")]
        row = re.search(r"<tr class=\"bsc-dt--(\w+)\"><th scope=\"row\"[^>]*><a href=\"[^\"]*units/" + re.escape(unit.id)
                        + r"/results.html#p-" + re.escape(pid) + r"\">.*?</tr>", part, re.S)
        assert row, (unit.id, pid)
        score = score_unit(unit, pid)
        names = {g.id: g.name for g in unit.rules.grades}
        assert f'<td class="bsc-grade">{score.grade.name}' in row.group(0)
        assert f'<td class="bsc-grade">{names[unit.results[pid].traditional.grade]}</td>' in row.group(0)
        agree = score.grade.id == unit.results[pid].traditional.grade
        assert row.group(1) == ("agree" if agree else ("higher" if row.group(1) == "higher" else "lower"))
        disagree += not agree
    assert re.search(rf'<span class="bsc-stat__num">{disagree}</span><span class="bsc-stat__label">个不一致', page)
    assert re.search(rf'<span class="bsc-stat__num">{len(both)}</span><span class="bsc-stat__label">个单位·考核期', page)


def test_grade_comparison_direction():
    from generator.render.fmt import comparison
    from generator.scoring.grades import compare_grades
    from tests.scoring.factories import GRADES

    assert comparison(compare_grades("excellent", "good", GRADES)) == "计分卡高一等"
    assert comparison(compare_grades("pass", "excellent", GRADES)) == "计分卡低两等"
    assert compare_grades("good", "good", GRADES).kind == "agree"
    assert compare_grades("good", "nonsense", GRADES).kind == "unknown"
    assert compare_grades(None, "good", GRADES).kind == "unknown"


# -- people results (internal only) -----------------------------------------------------------

def test_people_results_show_raw_and_adjusted_and_fairness(internal, city):
    unit = city.units["hainan-township"]
    page = text(internal, "units/hainan-township/people-results.md")
    for period in ("2008", "2009"):
        scores = score_people(unit, period)
        part = section(page, period)
        for s in scores:
            assert html.escape(s.name, quote=False) in part
            if s.raw is not None:
                assert f"{s.raw:.2f}" in part
            if s.adjusted is not None:
                assert f"<strong>{s.adjusted:.2f}</strong>" in part
            if s.normalised_score is not None:  # the column after the coefficient score
                assert f'<td class="bsc-num">{s.normalised_score:.2f}</td>' in part
        # the period's normalisation factor, in its one-line explanation
        factor = scores[0].normalisation
        assert factor is not None and f"归一化系数 = 平均调整前得分 ÷ 平均系数合成得分 = <strong>{factor:.4f}" in part
        f = fairness(scores)
        table = page[page.index(f'id="fairness-{unit.id}"'):]
        row = table[table.index(f'href="#p-{period}"'):]
        row = row[:row.index("</tr>")]
        for v in (f.single.raw, f.single.adjusted, f.multi.raw, f.multi.adjusted):
            assert f"{v:.2f}" in row
        assert f"{f.raw_gap:+.2f}" in row and f"{f.adjusted_gap:+.2f}" in row
    assert 'id="chart-fair-hainan-township"' in page
    assert "units/hainan-township/hainan-township-people-2009.xlsx" in internal


def test_people_results_link_from_the_people_page(internal):
    assert "people-results.md" in text(internal, "units/hainan-township/people.md")


def test_nav_lists_the_ranking_only_where_the_edition_shows_it(city):
    from generator.site.mkdocs_config import results_nav

    def pages(c, edition):
        section = next(s["全市"] for s in results_nav(c, edition) if "全市" in s)
        return [next(iter(p.values())) for p in section if isinstance(p, dict)]

    assert {"city/ranking.md", "city/dual-track.md"} <= set(pages(city, "public"))
    settings = city.info.settings.model_copy(update={"publish_ranking": False})
    quiet = dataclasses.replace(city, info=city.info.model_copy(update={"settings": settings}))
    assert "city/ranking.md" not in pages(quiet, "public") and "city/dual-track.md" in pages(quiet, "public")
    assert "city/ranking.md" in pages(quiet, "internal")
