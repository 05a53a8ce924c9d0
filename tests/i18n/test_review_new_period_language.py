"""Review of issue 15: `bscportal new period` writes the new period's name (data, shown on the
site) in the city's language, not the CLI's: with LANG=zh_CN an English city got `2027年度`
in its city.yml, and with LANG=en_US a Chinese city `Year 2027`."""
from __future__ import annotations

import pytest

from generator.i18n import process_language, set_language
from generator.scaffold.period import plan_period
from generator.scaffold.portal import init_portal


@pytest.mark.parametrize(("city", "cli", "wanted", "unwanted"),
                         [("en", "zh", "name: Year 2027", "2027年度"),
                          ("zh", "en", "name: 2027年度", "Year 2027")])
def test_period_name_in_the_city_language(tmp_path, city, cli, wanted, unwanted):
    init_portal(tmp_path / "p", "Springfield" if city == "en" else "海林市", city)
    unit = next(p.name for p in (tmp_path / "p" / "scorecards" / "units").iterdir())
    before = process_language()
    try:
        set_language(cli)
        plan = plan_period(tmp_path / "p" / "scorecards", unit, "2027")
    finally:
        set_language(before)
    texts = "\n".join(w.text for w in plan.writes)
    assert wanted in texts
    assert unwanted not in texts
