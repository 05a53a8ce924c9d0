"""`--as-of`: check (and build) judge overdue items and action statuses as of a given date."""
from click.testing import CliRunner

from generator.cli import main
from tests.helpers import mini_tree

IN_PROGRESS = ("start: 2008-01-01, end: 2008-12-31, status: done}",
               "start: 2008-01-01, end: 2008-12-31, status: in-progress}")


def test_check_as_of_a_date(tmp_path):
    root = mini_tree(tmp_path, {"units/alpha/actions.yml": IN_PROGRESS})
    # mid-2008 the plan is in progress; in 2009 its end date has passed (BSC209)
    early = CliRunner().invoke(main, ["check", str(root), "--as-of", "2008-06-30"])
    late = CliRunner().invoke(main, ["check", str(root), "--as-of", "2009-03-01"])
    assert early.exit_code == 0 and "BSC209" not in early.output
    assert late.exit_code == 0 and "[BSC209]" in late.output and "截至 2009-03-01" in late.output


def test_a_date_that_is_not_one_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(main, ["check", str(mini_tree(tmp_path)), "--as-of", "2010-13-01"])
    assert result.exit_code == 2 and "YYYY-MM-DD" in result.output
    result = CliRunner().invoke(main, ["build", "--path", str(tmp_path / "scorecards"), "--as-of", "明天"])
    assert result.exit_code == 2 and "不是日期" in result.output
