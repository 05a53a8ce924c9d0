"""The synthetic cities of the benchmark: valid (no check errors), varied, reproducible."""
from __future__ import annotations

from pathlib import Path

import yaml

from benchmarks.synth import make_city
from benchmarks.synth.corpus import profiles
from generator.check import check_tree


def _measures(scorecards: Path, unit: str) -> list[dict]:
    data = yaml.safe_load((scorecards / "units" / unit / "measures.yml").read_text(encoding="utf-8"))
    return data["measures"]


def test_a_synthetic_city_passes_check_with_no_errors(tmp_path):
    scorecards, content = make_city(tmp_path / "city", 4, seed=1)
    result = check_tree(scorecards, content)
    assert result.errors == []
    assert result.city is not None and len(result.city.units) == 4
    assert len(result.articles) >= 1
    for unit in result.city.units.values():
        assert unit.objectives and unit.measures and unit.departments and unit.people
        assert unit.scales and set(unit.results) == set(unit.scales)


def test_units_are_sized_after_the_benchmark_units_but_not_copies(tmp_path):
    scorecards, _ = make_city(tmp_path / "city", 4, seed=1)
    units = sorted(p.name for p in (scorecards / "units").iterdir())
    names = [tuple(m["name"] for m in _measures(scorecards, u)) for u in units]
    assert len(set(names)) == len(units)                       # no two units share their card
    counts = [len(n) for n in names]
    biggest = max(p.measures for p in profiles())
    assert all(biggest * 0.3 <= c <= biggest * 2 for c in counts)
    registry = yaml.safe_load((scorecards / "registry.yml").read_text(encoding="utf-8"))["units"]
    assert len({e["name"] for e in registry}) == len(registry) == 4


def test_the_same_seed_gives_the_same_city(tmp_path):
    a, _ = make_city(tmp_path / "a", 2, seed=7)
    b, _ = make_city(tmp_path / "b", 2, seed=7)
    files_a = sorted(p.relative_to(a) for p in a.rglob("*.yml"))
    assert files_a == sorted(p.relative_to(b) for p in b.rglob("*.yml"))
    assert all((a / f).read_bytes() == (b / f).read_bytes() for f in files_a)
