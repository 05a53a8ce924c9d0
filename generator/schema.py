"""JSON Schema of every YAML file kind, for editors' completion and inline errors.

The schemas ship in `scorecards/schema/`; `.vscode/settings.json` maps file globs to them
(the YAML extension by Red Hat reads `yaml.schemas`). A test fails when they are stale.

Titles and descriptions are in the current language (`bscportal --lang en schema`); the
shipped files are in Chinese, the default.
"""
from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from .load.tree import CITY_FILES, UNIT_FILES, UNIT_FOLDERS
from .model.vocab import field_text

#: schema file name → (model, glob of YAML files it applies to, relative to the repo root)
def schema_targets() -> dict[str, tuple[type[BaseModel], str]]:
    targets: dict[str, tuple[type[BaseModel], str]] = {}
    for fname, model in CITY_FILES.items():
        targets[fname.replace(".yml", ".json")] = (model, f"scorecards/{fname}")
    for fname, model in UNIT_FILES.items():
        targets[fname.replace(".yml", ".json")] = (model, f"scorecards/units/*/{fname}")
    for folder, model in UNIT_FOLDERS.items():
        targets[f"{folder}.json"] = (model, f"scorecards/units/*/{folder}/*.yml")
    return targets


#: keywords whose value is data (a default, allowed values), not schema: nothing to translate
_VALUES = frozenset({"default", "enum", "const", "examples"})


def _translated(node: object) -> object:
    """The schema with every `title` and `description` in the current language."""
    if isinstance(node, dict):
        return {k: field_text(v) if k in ("title", "description") and isinstance(v, str)
                else v if k in _VALUES else _translated(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_translated(v) for v in node]
    return node


def render_schema(model: type[BaseModel]) -> str:
    schema = _translated(model.model_json_schema(mode="validation"))
    assert isinstance(schema, dict)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def render_vscode_settings(schema_dir: str = "scorecards/schema") -> str:
    mapping = {f"./{schema_dir}/{name}": glob for name, (_, glob) in schema_targets().items()}
    settings = {
        "yaml.schemas": mapping,
        "yaml.validate": True,
        "yaml.completion": True,
        "files.encoding": "utf8",
        "editor.insertSpaces": True,
        "[yaml]": {"editor.tabSize": 2},
    }
    return json.dumps(settings, ensure_ascii=False, indent=2) + "\n"


def atomic_write(path: Path, text: str) -> bool:
    """Write `text` atomically; False (and nothing touched) when the file already holds it."""
    from .site.stage import write_if_changed

    return write_if_changed(path, text.encode("utf-8"))


def write_schemas(out: Path) -> list[Path]:
    written = []
    for name, (model, _) in schema_targets().items():
        path = out / name
        atomic_write(path, render_schema(model))
        written.append(path)
    return written
