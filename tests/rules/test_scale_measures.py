from tests.helpers import found, run


def test_pass_scale_items_on_cards(tmp_path):
    # M-D1 lives on a department sub-card: that counts as the unit's cards
    assert found(run(tmp_path), "BSC105") == []


def test_fail_scale_item_not_on_card(tmp_path):
    result = run(tmp_path, {"units/alpha/assessment/2008.yml": ("{measure: M-C1, weight: 30}", "{measure: M-X9, weight: 30}")})
    assert found(result, "BSC105") == [("units/alpha/assessment/2008.yml", 4)]


def test_fail_scale_for_unknown_period(tmp_path):
    result = run(tmp_path, {"units/alpha/assessment/2010.yml":
                            "period: '2010'\nitems:\n  - {measure: M-S1, weight: 100}\n"})
    assert ("units/alpha/assessment/2010.yml", 1) in found(result, "BSC105")
