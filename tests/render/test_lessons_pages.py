"""What the example's pages show of the pilots' lessons (issue 17): the rules' description and
the approvals on the results page, the leadership team's final adjustment beside the formula
result, cascaded measures on the cards and the personal scorecards."""
from __future__ import annotations

import csv
import io

import pytest

from generator.check import check_tree
from generator.render import render_edition
from generator.scoring import score_people
from tests.conftest import EXAMPLE_AS_OF, ROOT


@pytest.fixture(scope="module")
def city():
    result = check_tree(ROOT / "scorecards")
    assert result.ok
    return result.city


@pytest.fixture(scope="module")
def pages(city):
    return {e: {k: v.decode("utf-8", "replace") for k, v in render_edition(city, e, as_of=EXAMPLE_AS_OF)[1].items()
                if k.endswith(".md") or k.endswith(".csv")}
            for e in ("public", "internal")}


def test_results_page_shows_the_rules_description_and_approvals(pages, city):
    page = pages["public"]["units/hainan-township/results.md"]
    assert "<strong>考核办法：</strong>海南朝鲜族乡平衡计分卡绩效考核办法" in page
    assert "考核量表：乡党委会 2009-01-15 审定（海南乡党委会议纪要〔2009〕" in page
    assert "考核结果：乡党委会 2010-01-17 审定，双轨运行，结果只作对照" in page
    # a unit under the city's rules: the city's description, the city committee's approval
    other = pages["public"]["units/agriculture-bureau/results.md"]
    assert "全市统一的平衡计分卡考核办法（试行）" in other and "市平衡计分卡考核委员会" in other
    assert "考核结果：未记录审定" in other


def test_final_adjustment_beside_the_formula_result(pages, city):
    unit = city.units["hainan-township"]
    piao = next(s for s in score_people(unit, "2009") if s.person_id == "piao-yonghao")
    assert piao.final_adjustment is not None and piao.final_adjustment.applied == 2
    # the final score is the formula result plus the leadership team's 2 points
    assert piao.adjusted == pytest.approx(piao.formula + 2)
    page = pages["internal"]["units/hainan-township/people-results.md"]
    assert "<th scope=\"col\">公式得分</th><th scope=\"col\">领导班子最终调整</th>" in page
    assert "理由：兼任武装部长，7月汛期组织民兵连续12天抢险护堤" in page and "（乡党委会）" in page
    assert "加减不超过 3 分" in page
    rows = list(csv.reader(io.StringIO(pages["internal"]["units/hainan-township/hainan-township-people-2009.csv"])))
    header = next(r for r in rows if r and r[0] == "人员编号")
    row = next(r for r in rows if r and r[0] == "piao-yonghao")
    assert row[header.index("领导班子最终调整")] == "2.00" and "汛期" in row[header.index("调整理由")]
    assert row[header.index("公式得分")] == f"{piao.formula:.2f}" and row[header.index("调整后得分")] == f"{piao.adjusted:.2f}"
    assert "people-results.md" not in pages["public"]


def test_cascaded_measures_on_cards_and_personal_scorecards(pages, city):
    cards = pages["public"]["units/hainan-township/cards.md"]
    start = cards.index("M-EC-5")
    card = cards[start:start + 3000]
    assert "分解自" in card and "M-P2-1 招商引资到位资金" in card and "目标值、实际值与之相同" in card
    # the department measure shows the unit measure's targets
    assert "2009年度：4500" in card
    people = pages["internal"]["units/hainan-township/people.md"]
    assert "分解自 <a href=\"cards.html#m-M-C1-1\">M-C1-1 群众满意度</a>" in people
