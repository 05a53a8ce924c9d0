"""A large city's later unit folders are parsed by a second process (`load.prefetch`) while the
first reads the rest: the city and every problem (with its position) are those a load in one
process gives, whatever the worker does."""
from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest
import yaml

from generator.check import check_tree
from generator.load import prefetch
from tests.conftest import ROOT


def _last(root: Path) -> Path:
    """The folder of the last unit in the registry that has measures: the worker parses it."""
    ids = [u["id"] for u in yaml.safe_load((root / "registry.yml").read_text(encoding="utf-8"))["units"]]
    return next(root / "units" / i for i in reversed(ids) if (root / "units" / i / "measures.yml").is_file())


@pytest.fixture()
def city(tmp_path: Path) -> Path:
    """The example, with bad and unusual files in a unit the worker parses."""
    shutil.copytree(ROOT / "scorecards", tmp_path / "scorecards")
    root = tmp_path / "scorecards"
    last = _last(root)
    measures = last / "measures.yml"                       # a duplicate key
    measures.write_text(measures.read_text(encoding="utf-8") + "\nmeasures: []\n", encoding="utf-8")
    unit = last / "unit.yml"                               # a number that remembers how it was written
    text = "\n".join(line for line in unit.read_text(encoding="utf-8").splitlines()
                     if not line.startswith("updated_note"))
    unit.write_text(text + "\nupdated_note: 1.50\n", encoding="utf-8")
    (last / "people").mkdir(exist_ok=True)                 # a syntax error
    (last / "people" / "broken.yml").write_text("id: broken\nname: [\n", encoding="utf-8")
    return root


def _one_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(prefetch, "MIN_FOLDERS", 10 ** 9)


def _two_processes(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Prefetch from two folders on; returns, for each file asked for, whether the worker gave it."""
    monkeypatch.setattr(prefetch, "MIN_FOLDERS", 2)
    monkeypatch.setattr(prefetch, "_cores", lambda: 2)
    monkeypatch.setattr(prefetch, "_alone", lambda: True)   # whatever threads earlier tests left
    given: list[bool] = []
    real = prefetch.Prefetch.take
    monkeypatch.setattr(prefetch.Prefetch, "take",
                        lambda self, path, shown: (found := real(self, path, shown),
                                                   given.append(found is not None))[0])
    return given


def _same(a, b) -> None:
    assert a.problems == b.problems
    assert a.city is not None and b.city is not None
    assert {k: repr(u) for k, u in a.city.units.items()} == {k: repr(u) for k, u in b.city.units.items()}


def test_a_city_read_in_two_processes_is_the_one_read_in_one(city: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _one_process(monkeypatch)
    alone = check_tree(city)
    codes = {p.code for p in alone.errors}
    assert {"BSC001", "BSC002"} <= codes          # the worker's share holds both kinds of error
    given = _two_processes(monkeypatch)
    shared = check_tree(city)
    assert given.count(True) > len(given) / 2     # most files came from the worker
    _same(shared, alone)
    assert [str(p) for p in shared.problems] == [str(p) for p in alone.problems]
    info = shared.city.units[_last(city).name].info
    assert info is not None and info.updated_note == "1.50"   # a number as written, through the pickle


def test_a_worker_that_fails_costs_nothing_but_time(city: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _one_process(monkeypatch)
    alone = check_tree(city)
    given = _two_processes(monkeypatch)
    from generator.load import tree

    real = tree._Loader.unit_files
    calls = iter(range(10 ** 6))

    def failing(self, folder: Path) -> list[tuple[Path, str]]:   # runs in the worker
        if next(calls) == 3:
            raise OSError("gone")
        return real(self, folder)

    monkeypatch.setattr(tree._Loader, "unit_files", failing)
    _same(check_tree(city), alone)
    assert True in given and False in given      # three folders came, the rest was read here


def test_no_worker_for_a_small_city_or_beside_another_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    folders = [Path(f"/nowhere/{i}") for i in range(prefetch.MIN_FOLDERS)]
    monkeypatch.setattr(prefetch, "_cores", lambda: 2)
    assert prefetch.start(folders[:-1], lambda f: []) is None
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert prefetch.start(folders, lambda f: []) is None   # a fork copies only this thread
    finally:
        stop.set()
        other.join()
    monkeypatch.setattr(prefetch, "_alone", lambda: True)   # whatever threads earlier tests left
    started = prefetch.start(folders, lambda f: [])
    assert started is not None
    for folder in folders:
        started.wait(folder)
    started.close()
    monkeypatch.setattr(prefetch, "_cores", lambda: 1)
    assert prefetch.start(folders, lambda f: []) is None


def test_a_file_saved_after_the_worker_read_it_is_read_again(city: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The worker reads ahead; a file saved between its reading and this process's use of it is
    taken as it is now, as a load in one process would."""
    from generator.load import tree

    last = _last(city)
    measures = last / "measures.yml"
    given = _two_processes(monkeypatch)
    real = tree._Loader.load_unit
    saved: list[bool] = []

    def load_unit(self, entry, city_file, folder):   # in this process, at the first unit
        if not saved and self.prefetch is not None:
            self.prefetch.wait(last)                  # the worker has read the last unit by now
            measures.write_text(measures.read_text(encoding="utf-8") + "\nbroken: [\n", encoding="utf-8")
            saved.append(True)
        return real(self, entry, city_file, folder)

    monkeypatch.setattr(tree._Loader, "load_unit", load_unit)
    shared = check_tree(city)
    assert saved and True in given
    _one_process(monkeypatch)
    monkeypatch.setattr(tree._Loader, "load_unit", real)
    _same(shared, check_tree(city))
    assert any(p.path.endswith(f"{last.name}/measures.yml") and p.code == "BSC001" for p in shared.errors)
