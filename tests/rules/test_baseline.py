"""The fixture itself is clean, so each rule test below isolates exactly one problem."""
from tests.helpers import run


def test_mini_fixture_has_no_problems(tmp_path):
    result = run(tmp_path)
    assert result.problems == []
    assert result.city is not None and len(result.city.units) == 3
