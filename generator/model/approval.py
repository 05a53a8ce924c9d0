"""Who approved a scale or a period's results (审定), and when: the pilots' fifth lesson asks
for the leadership's attention, and an assessment counts only once its body has approved it."""
from __future__ import annotations

import datetime as dt

from pydantic import Field

from ..i18n import N_
from .base import Model, Name, Text


class Approval(Model):
    by: Name = Field(title=N_("审定机构"), description=N_("如 乡党委会、局党委会、市平衡计分卡考核委员会"))
    date: dt.date = Field(title=N_("审定日期"))
    reference: Name | None = Field(None, title=N_("文号或会议记录"), description=N_("如 海南乡党委会议纪要〔2009〕2号"))
    note: Text | None = Field(None, title=N_("说明"))
