"""A city loaded again with `Reads` (what `bscportal serve` does after every save): files whose
bytes did not change are not parsed again, and the result is the one a fresh load gives."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.check import check_tree
from generator.load import tree as tree_module
from generator.load.tree import Reads
from tests.conftest import MINI_SITE


@pytest.fixture()
def city(tmp_path: Path) -> Path:
    shutil.copytree(MINI_SITE / "scorecards", tmp_path / "scorecards")
    return tmp_path / "scorecards"


def _parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    seen: list[str] = []
    real = tree_module.load_yaml
    monkeypatch.setattr(tree_module, "load_yaml", lambda path, shown: seen.append(shown) or real(path, shown))
    return seen


def _same(a, b) -> None:
    assert a.problems == b.problems
    assert a.city is not None and b.city is not None
    assert {k: repr(u) for k, u in a.city.units.items()} == {k: repr(u) for k, u in b.city.units.items()}


def test_only_changed_files_are_parsed_again(city: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    reads = Reads()
    first = check_tree(city, reads=reads)
    parsed = _parses(monkeypatch)
    again = check_tree(city, reads=reads)
    assert parsed == []
    _same(again, first)
    measures = city / "units" / "mini-town" / "measures.yml"
    measures.write_text(measures.read_text(encoding="utf-8").replace("2009: 5000", "2009: 5100"), encoding="utf-8")
    changed = check_tree(city, reads=reads)
    assert [p.rsplit("/", 1)[-1] for p in parsed] == ["measures.yml"]
    _same(changed, check_tree(city))


def test_problems_of_an_unchanged_file_are_reported_every_time(city: Path) -> None:
    broken = city / "units" / "mini-town" / "measures.yml"
    broken.write_text(broken.read_text(encoding="utf-8") + "  - id: [\n", encoding="utf-8")
    reads = Reads()
    first = check_tree(city, reads=reads)
    assert first.errors
    again = check_tree(city, reads=reads)
    assert again.errors == first.errors == check_tree(city).errors


def test_check_pauses_the_cycle_collector_and_restores_it(monkeypatch) -> None:
    """`check` reads with Python's cycle collector paused (it would walk the growing model again
    and again), and leaves it as it found it, even when reading fails."""
    import gc

    import generator.check as check
    from tests.conftest import MINI_SITE

    seen = []
    real = check.load_city
    monkeypatch.setattr(check, "load_city", lambda *a: seen.append(gc.isenabled()) or real(*a))
    assert gc.isenabled()
    assert check.check_tree(MINI_SITE / "scorecards").ok
    assert seen == [False] and gc.isenabled()
    gc.disable()
    try:
        check.check_tree(MINI_SITE / "scorecards")
        assert not gc.isenabled()
    finally:
        gc.enable()
    monkeypatch.setattr(check, "load_city", lambda *a: 1 / 0)
    try:
        check.check_tree(MINI_SITE / "scorecards")
    except ZeroDivisionError:
        pass
    assert gc.isenabled()


def test_a_build_stamps_files_with_the_digests_it_took_before_reading(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """`serve`'s build digests every file before check reads it (`prepare`); check's stamps use
    those digests instead of reading every file a second time, and still see a change."""
    from generator.site.build import prepare

    shutil.copytree(MINI_SITE, tmp_path / "src")
    scorecards, content = tmp_path / "src" / "scorecards", tmp_path / "src" / "content"
    reads = Reads()
    stamped: list[Path] = []
    real = tree_module.digest
    monkeypatch.setattr(tree_module, "digest", lambda data: stamped.append(data) or real(data))
    prepare(scorecards, content, reads=reads)
    assert stamped == [] and reads.kept and set(reads.kept) <= set(reads.digests)
    parsed = _parses(monkeypatch)
    measures = scorecards / "units" / "mini-town" / "measures.yml"
    measures.write_text(measures.read_text(encoding="utf-8").replace("2009: 5000", "2009: 5100"), encoding="utf-8")
    prepare(scorecards, content, reads=reads)
    assert [p.rsplit("/", 1)[-1] for p in parsed] == ["measures.yml"]


def test_a_single_check_keeps_what_it_made_out_of_later_collections() -> None:
    """Without `Reads`, what check made (the model) is frozen out of later collections, which
    would each walk all of it again; a process that checks again and again (serve) does not
    freeze, so that each replaced city can be collected."""
    import gc

    gc.unfreeze()
    try:
        check_tree(MINI_SITE / "scorecards", reads=Reads())
        assert gc.get_freeze_count() == 0
        result = check_tree(MINI_SITE / "scorecards")
        assert gc.get_freeze_count() > 0 and gc.isenabled()
        collected = {id(o) for g in range(3) for o in gc.get_objects(generation=g)}
        assert gc.is_tracked(result.city) and id(result.city) not in collected
    finally:
        gc.unfreeze()
