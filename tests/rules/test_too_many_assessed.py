from generator.problems import Severity
from tests.helpers import found, run

SIX = """period: '2008'
items:
  - {measure: M-S1, weight: 30}
  - {measure: M-C1, weight: 20}
  - {measure: M-P1, weight: 20, rule: linear, floor: 60}
  - {measure: M-D1, weight: 10}
  - {measure: M-L1, weight: 10}
  - {measure: M-S1, weight: 10}
"""


def test_pass_within_limit(tmp_path):
    assert found(run(tmp_path), "BSC201") == []


def test_warn_over_limit(tmp_path):
    # the fixture's city allows 5 assessed measures; M-S1 twice also trips BSC101, ignore that here
    result = run(tmp_path, {"units/alpha/assessment/2008.yml": SIX})
    assert found(result, "BSC201") == [("units/alpha/assessment/2008.yml", 2)]
    assert all(p.severity is Severity.WARNING for p in result.problems if p.code == "BSC201")


def test_silenced_for_one_unit(tmp_path):
    result = run(tmp_path, {"units/alpha/assessment/2008.yml": SIX,
                            "units/alpha/unit.yml": ("values: [为民, 务实]", "values: [为民, 务实]\nsilence: [BSC201]")})
    assert found(result, "BSC201") == []
