"""The example city in scorecards/ is what the issue promises, and `check` passes on it."""
from pathlib import Path

import pytest

from generator.check import check_tree

ROOT = Path(__file__).parent.parent / "scorecards"


@pytest.fixture(scope="module")
def result():
    return check_tree(ROOT)


def test_check_passes_without_errors(result):
    assert result.city is not None
    assert result.errors == [], "\n".join(f"{p.path}:{p.line}: {p.message}" for p in result.errors)


def test_registry_has_71_units_each_with_a_stage(result):
    city = result.city
    assert len(city.units) == 71
    stages = {s.id for s in city.info.stages}
    assert all(u.entry.stage in stages for u in city)
    assert {u.id for u in city.benchmark_units} == {"hainan-township", "education-bureau"}


@pytest.mark.parametrize("unit_id", ["hainan-township", "education-bureau"])
def test_benchmark_units_are_complete(result, unit_id):
    unit = result.city.units[unit_id]
    info = unit.info
    assert info.mission and info.vision and info.values and info.themes
    assert len(unit.objectives) >= 12 and unit.maps and len(unit.all_measures) >= 20
    assert any(o.drives for o in unit.objectives)
    assert len(unit.departments) >= 3 and all(d.measures for d in unit.departments)
    assert len(unit.actions) >= 5
    assert len(unit.people) >= 12
    assert sum(1 for p in unit.people if len(p.posts) > 1) >= 2
    assert all(p.measures for p in unit.people)
    assert unit.own_rules is not None and unit.rules.difficulty
    assessed = unit.assessed_periods
    assert len(assessed) >= 6
    tracks = {p.track for p in assessed}
    assert {"simulated", "dual-track"} <= tracks
    # history tells a story: weights rebalanced between the first and the last scale
    first, last = unit.scales[assessed[0].id], unit.scales[assessed[-1].id]
    assert {(i.measure, i.weight) for i in first.items} != {(i.measure, i.weight) for i in last.items}
    # dual-track periods carry the traditional grade
    assert all(unit.results[p.id].traditional for p in assessed if p.track == "dual-track")


def test_ten_more_units_have_mission_map_and_card(result):
    others = [u for u in result.city if not u.entry.benchmark and u.info and u.info.mission
              and u.objectives and u.measures]
    assert len(others) >= 10


def test_every_file_says_figures_are_illustrative():
    for path in ROOT.rglob("*.yml"):
        head = path.read_text(encoding="utf-8")[:400]
        assert "虚构" in head or "示例" in head, f"{path} does not say its figures are illustrative"


# -- what the example must agree with (../shared/brief/domain.md) -----------------------------

def test_every_unit_has_formed_its_system_and_nothing_runs_live(result):
    city = result.city
    assert "live" not in {s.id for s in city.info.stages}
    # every unit has a system: how far it runs it is simulated assessment or dual-track
    assert {u.entry.stage for u in city} == {"simulated", "dual-track"}
    for u in city:
        steps = [s.since for s in u.entry.rollout]
        assert steps == sorted(steps), u.id
        assert all(p.track != "live" for p in u.periods), u.id


def test_benchmarks_run_dual_track_with_the_it_system_under_test(result):
    hainan, education = (result.city.units[u] for u in ("hainan-township", "education-bureau"))
    for unit in (hainan, education):
        last = unit.entry.rollout[-1]
        assert (last.stage, str(last.since)) == ("dual-track", "2008-01-01")
        assert "信息系统" in (last.note or "") and "不作为评定等次的依据" in (last.note or "")
    # Hainan started in November 2005; nothing dates the Education Bureau's start with it
    assert str(hainan.entry.rollout[0].since) == "2005-11-01"
    assert education.entry.rollout[0].since != hainan.entry.rollout[0].since


def test_cascaded_measures_agree_with_the_unit(result):
    from generator.scoring import cascade

    for unit_id in ("hainan-township", "education-bureau"):
        unit = result.city.units[unit_id]
        derived = [m for p in unit.people for m in p.measures if m.derives_from]
        assert len(derived) >= 20
        assert cascade.contradictions(unit) == ()


def test_published_results_have_an_approved_scale(result):
    for unit in result.city:
        for pid, res in unit.results.items():
            if res.published and pid in unit.scales:
                assert unit.scales[pid].approved is not None, (unit.id, pid)


def test_corrected_figures():
    hainan = ROOT / "units" / "hainan-township"
    measures = (hainan / "measures.yml").read_text(encoding="utf-8")
    assert "500万元以下" not in measures and "50万元及以上" in measures   # the 2007–2009 threshold
    assert "市直机关工委" not in measures                                 # a township's conduct review
    for period in ("2008", "2009"):
        scale = (hainan / "assessment" / f"{period}.yml").read_text(encoding="utf-8")
        assert "发生较大及以上安全生产责任事故" in scale and "重大安全生产" not in scale
