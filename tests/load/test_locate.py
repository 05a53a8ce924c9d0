"""Where each model object came from (`load.locate`): the positions messages point at."""
from __future__ import annotations

from pydantic import BaseModel

from generator.load.locate import Locator
from generator.load.tree import load_city
from tests.conftest import ROOT


def test_every_model_object_is_located() -> None:
    """The locator visits only fields whose type can hold a model object; it finds every one a
    walk through all values finds, at the same place."""
    loaded = load_city(ROOT / "scorecards")
    locator = loaded.city.locator
    assert isinstance(locator, Locator)
    def walk(value, loc, out):
        if isinstance(value, BaseModel):
            out[id(value)] = loc
            items = value.__dict__.items()
        elif isinstance(value, (list, tuple)):
            items = enumerate(value)
        elif isinstance(value, dict):
            items = value.items()
        else:
            return
        for key, item in items:
            walk(item, loc + (key,), out)

    found = 0
    for path, doc in locator._docs.items():
        everything: dict[int, tuple] = {}
        model = next(obj for obj in locator._keep if locator._where[id(obj)] == (path, ()))
        walk(model, (), everything)
        for obj_id, loc in everything.items():
            assert locator._where[obj_id] == (path, loc)
        found += len(everything)
    assert found == len(locator._where) > 2000
