"""How durations and approvals read (`render.fmt`)."""
import datetime as dt

from generator.model import Approval
from generator.render import fmt


def test_days_and_overdue():
    assert fmt.days(12) == "12 天" and fmt.days(None) == fmt.NONE
    assert fmt.overdue(12) == "逾期 12 天" and fmt.overdue(1) == "逾期 1 天"
    assert fmt.overdue(0) == fmt.NONE and fmt.overdue(None) == fmt.NONE


def test_approval():
    a = Approval(by="乡党委会", date=dt.date(2009, 1, 15), reference="乡党委会议纪要〔2009〕2号")
    assert fmt.approval(a) == "乡党委会 2009-01-15 审定（乡党委会议纪要〔2009〕2号）"
    assert fmt.approval(a.model_copy(update={"reference": None})) == "乡党委会 2009-01-15 审定"
    assert fmt.approval(None) == "未记录审定"
