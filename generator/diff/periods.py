"""Assessment, old against new: scales (items added and removed, weights old → new, the total),
rules (periods, grades, difficulty coefficients, shares) and results (added, and a recorded
result of a period that had ended rewritten: a warning with the old and new value)."""
from __future__ import annotations

import datetime as dt
from typing import Mapping

from ..i18n import N_, tr, tr_n
from ..model import Adjustment, AssessmentRules, DifficultyClass, Grade, Period, ResultsFile, Scale, ScaleItem
from ..model.base import field_label
from ..model.results import Actual, ActualValue
from ..model.vocab import EntityKind
from ..render import fmt
from .changes import Change, Severity, whole
from .entities import Spec, changed, keyed
from .fields import TEXT_FIELDS, Names, field_diffs, nest, show

SCALE_ITEM = Spec[ScaleItem]("scale-item", key=lambda i: i.measure, name=lambda i: "",
                             notice=True, summary=lambda i: tr("权重 {weight}", weight=fmt.value(i.weight)))
ADJUSTMENTS: tuple[tuple[str, EntityKind], ...] = (("bonus", "bonus"), ("deductions", "deduction"),
                                                   ("veto", "veto"))
PERIOD = Spec[Period]("period", key=lambda p: p.id, notice=True)
GRADE = Spec[Grade]("grade", key=lambda g: g.id, notice=True,
                    summary=lambda g: tr("最低分 {score}", score=fmt.value(g.min)))
DIFFICULTY = Spec[DifficultyClass]("difficulty", key=lambda d: d.id, notice=True,
                                   summary=lambda d: tr("难度系数 {coefficient}", coefficient=fmt.value(d.coefficient)))
RULES = Spec[AssessmentRules]("rules", key=lambda r: "", name=lambda r: "", notice=True,
                              skip=frozenset({"periods", "grades", "difficulty"}))
#: the label of a scale's total weight (translated where used)
TOTAL = N_("权重合计")


def _adjustment(entity: EntityKind) -> Spec[Adjustment]:
    return Spec[Adjustment](entity, key=lambda a: a.id, notice=True,
                            summary=lambda a: tr("最多 {points} 分", points=fmt.value(a.max)) if a.max is not None else None)


def _period_name(period: str, periods: Mapping[str, Period]) -> str:
    return periods[period].name if period in periods else period


def _total(s: Scale) -> float:
    return sum(i.weight for i in s.items)


def scales(old: Mapping[str, Scale], new: Mapping[str, Scale], periods: Mapping[str, Period],
           names: Names) -> list[Change]:
    out: list[Change] = []
    measures = names.get("measure", {})
    for pid in [*old, *(p for p in new if p not in old)]:
        a, b = old.get(pid), new.get(pid)
        name = _period_name(pid, periods)
        if a is None or b is None:
            s = b if b is not None else a
            assert s is not None
            out.append(whole(a is None, "scale", pid, name,
                             tr_n("{n} 项考核指标，{total} {weight}", "{n} 项考核指标，{total} {weight}",
                                  len(s.items), n=len(s.items), total=tr(TOTAL), weight=fmt.value(_total(s))),
                             severity="notice"))
            continue
        if a == b:
            continue
        where = tr("{period}考核量表", period=name)
        items = keyed(SCALE_ITEM, a.items, b.items, where=where, names=names)
        items = [c if c.name else Change(c.kind, c.entity, c.ref, measures.get(c.ref, ""), c.field,
                                         c.old, c.new, c.severity, c.where) for c in items]
        out += items
        if items:
            out.append(Change("changed", "scale", pid, name, field=tr(TOTAL), old=fmt.value(_total(a)),
                              new=fmt.value(_total(b)), severity="notice"))
        for attr, entity in ADJUSTMENTS:
            out += keyed(_adjustment(entity), getattr(a, attr), getattr(b, attr), where=where)
        for d in field_diffs(a, b, skip=frozenset({"period", "items", "bonus", "deductions", "veto"})):
            out.append(Change("changed", "scale", pid, name, field=d.label, old=d.old, new=d.new,
                              severity="info" if d.name in TEXT_FIELDS else "notice"))
    return out


def rules(a: AssessmentRules, b: AssessmentRules, names: Names) -> list[Change]:
    """Assessment rules: periods, grades and difficulty classes by id, then the other settings."""
    if a == b:
        return []
    out = keyed(PERIOD, a.periods, b.periods)
    out += keyed(GRADE, a.grades, b.grades)
    out += keyed(DIFFICULTY, a.difficulty, b.difficulty)
    out += changed(RULES, a, b, names=names)
    return out


# -- results -------------------------------------------------------------------------------------

def _value(v: ActualValue) -> float | bool | None:
    return v.value if isinstance(v, Actual) else v


def _actual_text(v: ActualValue | None, data_type: str) -> str:
    return fmt.actual(_value(v) if v is not None else None, data_type)


class _Results:
    """One period's results file, old against new."""

    def __init__(self, pid: str, a: ResultsFile, b: ResultsFile, period: Period | None,
                 as_of: dt.date, names: Names, data_types: Mapping[str, str]) -> None:
        self.pid, self.a, self.b = pid, a, b
        self.name = period.name if period else pid
        #: a result of a period that has ended is a recorded result: rewriting it is a warning
        self.closed = period is not None and period.end < as_of
        self.names, self.data_types = names, data_types
        self.out: list[Change] = []

    def _add(self, kind_if_new: bool, entity: EntityKind, ref: str, name: str, field: str,
             old: str, new: str) -> None:
        if kind_if_new:
            self.out.append(Change("added", entity, ref, name, field, new=new, where=self.name))
        else:
            severity: Severity = "warning" if self.closed else "info"
            self.out.append(Change("revised" if self.closed else "changed", entity, ref, name, field,
                                   old, new, severity, self.name))

    def actuals(self, a: Mapping[str, ActualValue], b: Mapping[str, ActualValue],
                who: str = "") -> None:
        measures = self.names.get("measure", {})
        label = field_label(Actual, "value")
        for mid in [*a, *(m for m in b if m not in a)]:
            old, new = a.get(mid), b.get(mid)
            dtype = self.data_types.get(mid, "number")
            name = who or measures.get(mid, "")
            if _value(old) != _value(new) or (mid in a) != (mid in b):
                if mid not in b:
                    self._add(False, "actual", mid, name, label, _actual_text(old, dtype), tr("（删去）"))
                else:
                    fresh = mid not in a or _value(old) is None
                    self._add(fresh, "actual", mid, name, label, _actual_text(old, dtype),
                              _actual_text(new, dtype))
            elif old != new and isinstance(new, Actual | None) and isinstance(old, Actual | None):
                for d in field_diffs(old or Actual(), new or Actual(), skip=frozenset({"value"})):
                    self.out.append(Change("changed", "actual", mid, name, d.label, d.old, d.new,
                                           where=self.name))

    def points(self) -> None:
        for attr, entity in (("bonus", "bonus"), ("deductions", "deduction")):
            a: dict[str, float] = getattr(self.a, attr)
            b: dict[str, float] = getattr(self.b, attr)
            label = field_label(ResultsFile, attr)
            for k in [*a, *(x for x in b if x not in a)]:
                if a.get(k) != b.get(k):
                    self._add(k not in a, entity, k, "", label, fmt.value(a.get(k)), fmt.value(b.get(k)))  # type: ignore[arg-type]
        for k in self.b.veto:
            if k not in self.a.veto:
                self._add(False, "veto", k, "", field_label(ResultsFile, "veto"), fmt.no(), fmt.yes())
        for k in self.a.veto:
            if k not in self.b.veto:
                self._add(False, "veto", k, "", field_label(ResultsFile, "veto"), fmt.yes(), fmt.no())

    def rest(self) -> None:
        ta, tb = self.a.traditional, self.b.traditional
        label = field_label(ResultsFile, "traditional")
        if ta is None or tb is None:
            if ta != tb:
                self._add(ta is None, "results", self.pid, self.name, label, show(ta), show(tb))
        elif ta != tb:
            for d in field_diffs(ta, tb, prefix=label + nest()):
                self._add(False, "results", self.pid, self.name, d.label, d.old, d.new)
        for d in field_diffs(self.a, self.b, skip=frozenset(
                {"period", "actuals", "bonus", "deductions", "veto", "traditional", "people"})):
            self.out.append(Change("changed", "results", self.pid, self.name, d.label, d.old, d.new,
                                   "notice" if d.name == "published" else "info", self.name))
        people = self.names.get("person", {})
        for pid in [*self.a.people, *(p for p in self.b.people if p not in self.a.people)]:
            pa, pb = self.a.people.get(pid), self.b.people.get(pid)
            if pa != pb:
                who = tr("{person}的个人指标", person=people.get(pid, pid))
                self.actuals(pa.actuals if pa else {}, pb.actuals if pb else {}, who)
                if pa is not None and pb is not None:
                    for d in field_diffs(pa, pb, skip=frozenset({"actuals"})):
                        self._add(False, "person", pid, people.get(pid, pid), d.label, d.old, d.new)

    def compare(self) -> list[Change]:
        self.actuals(self.a.actuals, self.b.actuals)
        self.points()
        self.rest()
        return self.out


def results(old: Mapping[str, ResultsFile], new: Mapping[str, ResultsFile],
            periods: Mapping[str, Period], as_of: dt.date, names: Names,
            data_types: Mapping[str, str]) -> list[Change]:
    out: list[Change] = []
    for pid in [*old, *(p for p in new if p not in old)]:
        a, b = old.get(pid), new.get(pid)
        name = _period_name(pid, periods)
        if b is None:
            assert a is not None
            out.append(Change("removed", "results", pid, name,
                              old=tr_n("{n} 项实际值", "{n} 项实际值", len(a.actuals), n=len(a.actuals)),
                              severity="warning" if pid in periods and periods[pid].end < as_of else "info"))
        elif a is None:
            out.append(Change("added", "results", pid, name,
                              new=tr_n("{n} 项实际值", "{n} 项实际值", len(b.actuals), n=len(b.actuals))))
        elif a != b:
            out += _Results(pid, a, b, periods.get(pid), as_of, names, data_types).compare()
    return out
