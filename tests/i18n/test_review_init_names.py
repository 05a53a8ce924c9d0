"""Review of issue 15: `bscportal init --name` with characters that YAML or JSON treat specially
gives a city.yml that holds the name exactly, in `name`, `full_name` and the description (the
description is a folded block scalar: JSON escapes such as \\" are not escapes there)."""
from __future__ import annotations

import pytest
import yaml

from generator.scaffold.portal import init_portal

NAMES = ['A "quoted" city', "O'Brien's town", "back\\slash", "a: b #c", "@at", "{brace}", "null"]


@pytest.mark.parametrize("language", ["zh", "en"])
def test_odd_names_are_kept_exactly(tmp_path, language):
    for i, name in enumerate(NAMES):
        folder = tmp_path / f"p{i}"
        init_portal(folder, name, language)
        city = yaml.safe_load((folder / "scorecards" / "city.yml").read_text(encoding="utf-8"))
        assert city["name"] == name
        assert city["full_name"].startswith(name)
        assert name in " ".join(city["description"].split()), city["description"]
