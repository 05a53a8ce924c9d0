"""One synthetic unit's assessment: rules.yml (periods at the unit's cadence), a scale per
period (`assessment/<period>.yml`, weights adding up to 100) and its results (`results/<period>.yml`)."""
from __future__ import annotations

import datetime as dt
from typing import Any

from .corpus import Profile
from .draw import Draw
from .strategy import Plan

GRADES = [{"id": "excellent", "name": "优秀", "min": 90}, {"id": "good", "name": "良好", "min": 80},
          {"id": "pass", "name": "合格", "min": 60}, {"id": "fail", "name": "不合格", "min": 0}]
QUARTERS = ((1, 3, "第一季度"), (4, 6, "第二季度"), (7, 9, "第三季度"))
NUMERALS = "一二三"


def _period(pid: str, name: str, kind: str, year: int, start: dt.date, end: dt.date) -> dict[str, Any]:
    track = "simulated" if year == 2007 else "dual-track"   # the example never rates by BSC yet
    return {"id": pid, "name": name, "kind": kind, "year": year, "start": start, "end": end, "track": track}


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)


def rules_file(d: Draw, prof: Profile, plan: Plan) -> dict[str, Any]:
    plan.cadence = prof.cadence if d.chance(0.8) else ("half" if prof.cadence == "quarter" else "quarter")
    periods = [_period("2007", "2007年度（模拟考评）", "year", 2007, dt.date(2007, 1, 1), dt.date(2007, 12, 31))]
    for year in (2008, 2009, 2010):
        if plan.cadence == "quarter":
            subs = [(f"{year}-q{i}", f"{year}年{label}", "quarter", dt.date(year, a, 1), _month_end(year, b))
                    for i, (a, b, label) in enumerate(QUARTERS, 1)]
        else:
            subs = [(f"{year}-h1", f"{year}年上半年", "half", dt.date(year, 1, 1), dt.date(year, 6, 30))]
        if year == 2010:   # the year under way: its first sub-period only, sometimes
            subs = subs[:1] if d.chance(0.6) else []
        periods += [_period(pid, name, kind, year, s, e) for pid, name, kind, s, e in subs]
        plan.sub_periods += [s[0] for s in subs]
        if year < 2010:
            periods.append(_period(str(year), f"{year}年度", "year", year, dt.date(year, 1, 1), dt.date(year, 12, 31)))
    return {
        "description": d.text(d.rng.randint(60, 140)), "periods": periods, "grades": GRADES,
        "difficulty": [{"id": "A", "name": "繁重", "coefficient": 1.15, "description": d.text(40)},
                       {"id": "B", "name": "一般", "coefficient": 1.0},
                       {"id": "C", "name": "较轻", "coefficient": 0.9}],
        "multi_post": {"coefficients": True, "normalise": True, "leadership_share": d.pick((0.1, 0.2))},
        "missing": d.pick(("reweight", "zero")), "score_cap": d.pick((110, 120)),
        "status": {"on_track": 100, "at_risk": d.pick((85, 90))}, "veto_grade": "pass",
        "publish_results": True,
    }


def _target(m: dict[str, Any], period: dict[str, Any]) -> Any:
    targets = m["targets"]
    return targets.get(period["id"], targets.get(str(period["year"])))


def _item(d: Draw, m: dict[str, Any], target: Any, weight: int) -> dict[str, Any]:
    item: dict[str, Any] = {"measure": m["id"], "weight": weight}
    up = m["polarity"] == "up"
    if m["data_type"] == "yesno":
        item["rule"] = "done"
    elif m["data_type"] == "rating":
        item["rule"] = "manual"
    elif isinstance(target, dict):
        item["rule"] = "range"
    elif target == 0:
        item.update(rule="bands", bands=[{"max": 0, "score": 100}, {"max": 1, "score": 50}, {"min": 2, "score": 0}])
    else:
        kind = d.rng.choices(("ratio", "linear", "bands"), (75, 15, 10))[0]
        if kind == "ratio":
            item.update(rule="ratio", cap=d.pick((100, 110)))
        elif kind == "linear":
            item.update(rule="linear", floor=round(target * (0.5 if up else 2), 1))
        else:
            item.update(rule="bands", bands=[{"min": target, "score": 100}, {"min": round(target * 0.9, 1), "score": 80},
                                             {"score": 0}] if up else
                        [{"max": target, "score": 100}, {"max": round(target * 1.1, 1), "score": 80}, {"score": 0}])
    if d.chance(0.1):
        item["note"] = d.text(d.rng.randint(15, 40))
    return item


def _adjustments(d: Draw, pool: list[str], prefix: str, k: int, points: bool) -> list[dict[str, Any]]:
    return [{"id": f"{prefix}{i}", "name": name, **({"max": d.pick((2, 3, 4, 5))} if points else {}),
             **({"description": d.text(20)} if d.chance(0.4) else {})}
            for i, name in enumerate(d.names(pool, k), 1)]


def scale_file(d: Draw, prof: Profile, plan: Plan, period: dict[str, Any]) -> dict[str, Any]:
    candidates = [m for m in plan.measures if _target(m, period) is not None and not m.get("internal")]
    candidates.sort(key=lambda m: (m["type"] != "outcome", d.rng.random()))
    chosen = candidates[:min(18, d.jitter(prof.scale_items, 6))]
    chosen.sort(key=lambda m: plan.measures.index(m))
    weights = sorted(d.weights(len(chosen)), reverse=True)
    d.rng.shuffle(weights)
    out: dict[str, Any] = {"period": period["id"]}
    if d.chance(0.5):
        out["note"] = d.text(d.rng.randint(40, 110))
    out["items"] = [_item(d, m, _target(m, period), w) for m, w in zip(chosen, weights)]
    out["bonus"] = _adjustments(d, d.pools.bonus, "B", d.rng.randint(0, 2), True)
    out["deductions"] = _adjustments(d, d.pools.deductions, "D", d.rng.randint(0, 3), True)
    out["veto"] = _adjustments(d, d.pools.veto, "V", d.rng.randint(1, 3), False)
    start: dt.date = period["start"]
    out["approved"] = {"by": d.pick(("党委会", "党组会", "局务会")),
                       "date": start + dt.timedelta(days=d.rng.randint(5, 20)),
                       "reference": f"会议纪要〔{start.year}〕{d.rng.randint(1, 12)}号"}
    return out


def _value(d: Draw, dtype: str, polarity: str, target: Any) -> Any:
    if dtype == "yesno":
        return d.chance(0.9)
    if dtype == "rating":
        return round(d.rng.uniform(75, 98))
    if isinstance(target, dict):
        return round(d.rng.uniform(target["min"] - 3, target["max"] + 2))
    if target == 0:
        return d.pick((0, 0, 0, 1, 2))
    value = target * (d.rng.uniform(0.85, 1.08) if polarity == "up" else d.rng.uniform(0.9, 1.3))
    if dtype == "percent":
        return round(min(value, 100), 1)
    return round(value) if target >= 10 else round(value, 1)


def _actual(d: Draw, dtype: str, polarity: str, target: Any) -> Any:
    if d.chance(0.03):
        return {"value": None, "note": d.text(d.rng.randint(20, 45))}
    value = _value(d, dtype, polarity, target)
    return {"value": value, "note": d.text(d.rng.randint(15, 40))} if d.chance(0.08) else value


def results_file(d: Draw, plan: Plan, period: dict[str, Any], scale: dict[str, Any],
                 people: dict[str, dict[str, Any]]) -> dict[str, Any]:
    assessed = {i["measure"] for i in scale["items"]}
    yearly = period["kind"] == "year"
    out: dict[str, Any] = {"period": period["id"]}
    if d.chance(0.6):
        out["note"] = d.text(d.rng.randint(60, 150))
    actuals = {}
    for m in plan.measures:
        target = _target(m, period)
        monitored = target is not None and d.chance(0.8 if yearly else 0.4 if m["frequency"] != "yearly" else 0)
        if m["id"] in assessed or monitored:
            actuals[m["id"]] = _actual(d, m["data_type"], m["polarity"], target)
    out["actuals"] = actuals
    bonus = {b["id"]: min(b["max"], d.pick((1, 1.5, 2))) for b in scale["bonus"] if d.chance(0.3)}
    deductions = {x["id"]: min(x["max"], d.pick((1, 2))) for x in scale["deductions"] if d.chance(0.3)}
    if bonus:
        out["bonus"] = bonus
    if deductions:
        out["deductions"] = deductions
    if d.chance(0.02):
        out["veto"] = [scale["veto"][0]["id"]]
    if period["track"] == "dual-track":
        out["traditional"] = {"grade": d.pick(("excellent", "good", "good", "pass")),
                              "score": d.rng.randint(75, 97),
                              **({"rank": d.rng.randint(1, 20)} if yearly and d.chance(0.5) else {})}
    if yearly and period["year"] >= 2008:
        out["people"] = {pid: {"actuals": {pm["id"]: _actual(d, "yesno" if pm["rule"] == "done" else "percent"
                                                             if pm["unit"] == "%" else "number", "up", pm["target"])
                                           for pm in person["measures"]},
                               "leadership_rating": d.rng.randint(80, 95),
                               "traditional_grade": d.pick(("excellent", "good", "pass"))}
                         for pid, person in people.items()}
    return out
