"""Results, ranking, dual-track, reporting, tracking, scale and people pages speak the interface
language: their headings, table headers, captions, aria-labels and notes come from the catalogue
(English here), the data (unit, period, grade names) stays as written, and the Chinese pages
are what they were."""
from __future__ import annotations

import re

import pytest

from generator.i18n import use_language
from generator.render import render_edition
from tests.render.results_site import city, internal  # noqa: F401  (session fixtures)

CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
UNIT = "hainan-township"          # a benchmark unit: every period, veto, missing data, people


@pytest.fixture(scope="module")
def english(city):  # noqa: F811
    with use_language("en"):
        return render_edition(city, "internal")[1]


def page(files, path: str) -> str:
    return files[path].decode("utf-8")


def data_names(city) -> list[str]:  # noqa: F811
    """Names that belong to the data (Chinese in every interface language), longest first."""
    names: set[str] = set()
    for unit in city:
        names |= {unit.name, unit.entry.short_name or ""}
        names |= {p.name for p in unit.periods} | {g.name for g in unit.rules.grades}
        names |= {p.name for p in unit.perspectives} | {o.name for o in unit.all_objectives}
        names |= {m.name for m in unit.all_measures}
        names |= {p.name for p in unit.people} | {p.title or "" for p in unit.people}
        names |= {p.name for p in unit.posts}
    return sorted((n for n in names if n), key=len, reverse=True)


def interface_text(text: str, names: list[str]) -> str:
    for n in names:
        text = text.replace(n, "")
    return text


def labels(text: str) -> list[str]:
    """Headings, captions, aria-labels, summaries and header cells of a page (not charts)."""
    text = re.sub(r"<svg.*?</svg>", "", text, flags=re.S)
    text = re.sub(r'<table class="bsc-table bsc-chart-data".*?</table>', "", text, flags=re.S)
    found = re.findall(r"^#+ .*$", text, flags=re.M)
    found += re.findall(r"<caption>(.*?)</caption>", text)
    found += re.findall(r'aria-label="([^"]*)"', text)
    found += re.findall(r"<summary>(.*?)</summary>", text)
    found += re.findall(r'<th scope="col"[^>]*>([^<]*)</th>', text)
    found += re.findall(r"^title: (.*)$", text, flags=re.M)
    return found


def test_results_page_of_a_benchmark_unit_in_english(english):
    text = page(english, f"units/{UNIT}/results.md")
    assert re.search(r"^# .+ · Results$", text, flags=re.M)
    assert re.search(r'^title: ".+ · Results"$', text, flags=re.M)
    assert "## Trend\n" in text
    assert "This page lists the balanced scorecard results of" in text
    assert "<strong>Scoring: </strong>unit score = Σ score rate × weight ÷ 100" in text
    assert "<caption>Results by period (also the data of the chart above)</caption>" in text
    for header in ("Base score", "Veto", "Total", "Missing", "Perspective · objective",
                   "Effective weight", "Target", "Score rate (%)", "Score", "Related weight",
                   "Claimed", "Counted"):
        assert f'<th scope="col">{header}</th>' in text, header
    assert '<th scope="row" colspan="2">Total (base score)</th>' in text
    assert "<summary>Chart data (score rate by perspective)</summary>" in text
    assert re.search(r"<caption>Assessment scale scores, [^<]+</caption>", text)
    assert re.search(r"<p class=\"bsc-result__sum\">Base score [\d.]+ \+ bonus [\d.]+ − deductions "
                     r"[\d.]+ = total [\d.]+</p>", text)
    assert "Download this period's results: " in text and ">Excel (XLSX)</a>" in text
    # a veto and missing data on the benchmark unit's pages
    assert "<strong>Veto: </strong>" in text
    assert re.search(r"\d+ measures? missing: ", text)


def test_results_page_labels_hold_no_chinese_but_data(english, city):  # noqa: F811
    names = data_names(city)
    for path in (f"units/{UNIT}/results.md", "city/ranking.md", "city/dual-track.md",
                 "city/reporting.md", "city/tracking.md", f"units/{UNIT}/scale-2009.md",
                 f"units/{UNIT}/people.md", f"units/{UNIT}/people-results.md",
                 "internal/fairness.md"):
        left = [x for x in labels(page(english, path)) if CJK.search(interface_text(x, names))]
        assert not left, (path, left[:5])


def test_ranking_page_in_english(english):
    text = page(english, "city/ranking.md")
    assert text.startswith("---\nbsc_generated: true\ntitle: ")
    assert "Ranks follow the total (to two decimals) from high to low" in text
    assert re.search(r"<p>\d+ units: ", text)                    # a count meets a noun: plural
    assert "units (simulated assessment, results not used for grading): " in text
    for header in ("Rank", "Rank within kind", "Unit", "Kind", "Total", "Grade"):
        assert f'<th scope="col">{header}</th>' in text, header
    assert re.search(r"<caption>Ranking, [^<]+ \(also the data of the chart above\)</caption>", text)
    assert '<span class="bsc-badge bsc-badge--benchmark">Benchmark</span>' in text
    assert ". Download: <a" in text


def test_dual_track_counts_take_the_singular(english):
    text = page(english, "city/dual-track.md")
    assert "<p>1 unit: 0 agree, 1 differ.</p>" in text
    assert re.search(r"<p>\d+ units: \d+ agree, \d+ differ\.</p>", text)
    assert "units with dual-track results</span>" in text


def test_tracking_and_reporting_in_english(english):
    tracking = page(english, "city/tracking.md")
    assert "# Follow-up: overdue items\n" in tracking
    assert re.search(r"\d+ overdue items at \d+ units \(", tracking)
    assert '<th scope="col">Tracker</th>' in tracking
    reporting = page(english, "city/reporting.md")
    assert "# Reporting\n" in reporting
    assert '<th scope="col">Units with missing data</th>' in reporting


def test_chinese_pages_unchanged(internal):  # noqa: F811
    results = page(internal, f"units/{UNIT}/results.md")
    assert re.search(r"^# .+ · 考核结果$", results, flags=re.M)
    assert "## 考核趋势\n" in results
    assert "<caption>各考核期结果一览（也是上图的数据）</caption>" in results
    assert '<th scope="col">得分率（%）</th>' in results            # %% in the message, % shown
    assert '<th scope="col">缺数</th>' in results
    assert re.search(r"<p class=\"bsc-result__sum\">基本得分 [\d.]+ ＋ 加分 [\d.]+ − 扣分 [\d.]+ ＝ "
                     r"总分 [\d.]+</p>", results)
    ranking = page(internal, "city/ranking.md")
    assert ranking.startswith("---\nbsc_generated: true\ntitle: \"全市考核排名\"\n---\n\n# 全市考核排名\n")
    assert re.search(r"<p>\d+ 个单位：", ranking)
    assert '<th scope="col">类别内名次</th>' in ranking
    dual = page(internal, "city/dual-track.md")
    assert "<p>1 个单位：一致 0 个，不一致 1 个。</p>" in dual
