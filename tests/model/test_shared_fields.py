"""Objects given the same fields share one set of their names (`Model.model_post_init`), and a
filtered copy is made only of what changes (`copied`): less memory for a large city, the same
answers from pydantic."""
from __future__ import annotations

from generator.model import Objective
from generator.model.base import copied


def _objective(**fields: object) -> Objective:
    return Objective.model_validate({"id": "o1", "name": "提升群众满意度", "perspective": "customer", **fields})


def test_the_same_fields_share_one_set_and_report_what_was_given() -> None:
    a, b = _objective(drives=["o2"]), _objective(id="o9", drives=["o3"])
    c = _objective()
    assert a.model_fields_set == b.model_fields_set == {"id", "name", "perspective", "drives"}
    assert a.__pydantic_fields_set__ is b.__pydantic_fields_set__
    assert c.model_fields_set == {"id", "name", "perspective"}
    assert a.model_dump(exclude_unset=True) == {"id": "o1", "name": "提升群众满意度", "perspective": "customer", "drives": ["o2"]}


def test_a_copy_gets_its_own_set_and_leaves_the_shared_one_alone() -> None:
    a, b = _objective(), _objective(id="o2")
    moved = a.model_copy(update={"owner": "p1"})
    assert moved.model_fields_set == {"id", "name", "perspective", "owner"}
    assert a.model_fields_set == b.model_fields_set == {"id", "name", "perspective"}


def test_copied_returns_the_object_itself_when_nothing_changes() -> None:
    a = _objective(drives=["o2", "o3"], owner="p1")
    assert copied(a, {"drives": ["o2", "o3"], "owner": "p1"}) is a
    assert copied(a, {}) is a
    # a value of another type is a change (a tuple where the field holds a list)
    assert copied(a, {"drives": ("o2", "o3")}) is not a
    kept = copied(a, {"drives": ["o2"], "owner": None})
    assert (kept.drives, kept.owner, a.drives, a.owner) == (["o2"], None, ["o2", "o3"], "p1")
    assert kept.model_fields_set == {"id", "name", "perspective", "drives", "owner"}
    assert kept.__pydantic_fields_set__ is copied(_objective(id="o7", owner="x"), {"drives": ["o1"]}).__pydantic_fields_set__
