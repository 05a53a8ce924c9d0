"""The city's interface language, read before anything else is loaded (check messages are
written in it): `settings.language` of `city.yml`, or None when it cannot be read."""
from __future__ import annotations

from pathlib import Path

import yaml

from ..i18n.core import LANGUAGES, Language, supported


def city_language(root: Path) -> Language | None:
    """`settings.language` of `root/city.yml`; None when the file is missing, broken or silent
    (`check` then reports what is wrong, in the default language)."""
    try:
        with (root / "city.yml").open("rb") as f:
            head = f.read(1_000_000)
        data = yaml.safe_load(head)
    except (OSError, yaml.YAMLError, ValueError, RecursionError):
        return None
    settings = data.get("settings") if isinstance(data, dict) else None
    value = settings.get("language") if isinstance(settings, dict) else None
    return supported(value) if isinstance(value, str) and value in LANGUAGES else None
