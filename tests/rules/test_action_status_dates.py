import datetime as dt

from tests.helpers import found, run

ACTIONS = "units/alpha/actions.yml"
A1 = "start: 2008-01-01, end: 2008-12-31, status: done}"
ON = dt.date(2009, 3, 1)


def test_pass_status_agrees_with_dates(tmp_path):
    assert found(run(tmp_path, as_of=ON), "BSC209") == []


def test_pass_without_a_written_status(tmp_path):
    # no status: worked out from the dates (delayed), nothing to contradict
    result = run(tmp_path, {ACTIONS: (A1, "start: 2008-01-01, end: 2008-12-31}")}, as_of=ON)
    assert found(result, "BSC209") == []


def test_warn_in_progress_after_the_end_date(tmp_path):
    result = run(tmp_path, {ACTIONS: (A1, "start: 2008-01-01, end: 2008-12-31, status: in-progress}")}, as_of=ON)
    assert found(result, "BSC209") == [(ACTIONS, 2)]
    p = next(p for p in result.problems if p.code == "BSC209")
    assert not p.is_error and "2009-03-01" in p.message and "延期" in p.message


def test_warn_done_with_an_open_milestone(tmp_path):
    result = run(tmp_path, {ACTIONS: (A1, "start: 2008-01-01, end: 2008-12-31, status: done,\n"
                                          "      milestones: [{name: 验收, due: 2008-12-20}]}")}, as_of=ON)
    assert found(result, "BSC209") == [(ACTIONS, 2)]
    assert "里程碑“验收”还没有完成" in next(p.message for p in result.problems if p.code == "BSC209")


def test_pass_in_progress_before_the_end_date(tmp_path):
    result = run(tmp_path, {ACTIONS: (A1, "start: 2008-01-01, end: 2008-12-31, status: in-progress}")},
                 as_of=dt.date(2008, 6, 30))
    assert found(result, "BSC209") == []
