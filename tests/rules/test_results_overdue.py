import pytest

from generator.problems import Severity
from generator.scoring import reporting
from tests.helpers import found, run

RULES = "units/alpha/rules.yml"
DUE = ("end: 2008-12-31, track: dual-track}", "end: 2008-12-31, track: dual-track, due: 2009-01-20}")


@pytest.fixture(autouse=True)
def today_2009_03(monkeypatch):
    # 2009-03-01: the 2008 period has ended and its due date has passed
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1235865600")
    assert str(reporting.today()) == "2009-03-01"


def test_pass_when_the_results_file_exists(tmp_path):
    assert found(run(tmp_path, {RULES: DUE}), "BSC208") == []


def test_warn_when_past_due_without_results(tmp_path):
    result = run(tmp_path, {RULES: DUE, "units/alpha/results/2008.yml": None})
    assert found(result, "BSC208") == [(RULES, 3)]
    p = next(p for p in result.problems if p.code == "BSC208")
    assert p.severity is Severity.WARNING and "2009-01-20" in p.message and p.unit == "alpha"


def test_pass_before_the_due_date(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1232409600")  # 2009-01-20: due today, not yet past
    assert found(run(tmp_path, {RULES: DUE, "units/alpha/results/2008.yml": None}), "BSC208") == []


def test_pass_without_a_due_date(tmp_path):
    assert found(run(tmp_path, {"units/alpha/results/2008.yml": None}), "BSC208") == []


def test_pass_without_a_scale(tmp_path):
    no_scale = {RULES: DUE, "units/alpha/results/2008.yml": None, "units/alpha/assessment/2008.yml": None}
    assert found(run(tmp_path, no_scale), "BSC208") == []
