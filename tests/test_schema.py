"""The shipped JSON Schema and the editors' reference must match the model."""
from pathlib import Path

import yaml

from generator.reference import render_format, render_rules
from generator.reference_examples import EXAMPLES
from generator.schema import render_schema, render_vscode_settings, schema_targets
from generator.load.tree import CITY_FILES, UNIT_FILES, UNIT_FOLDERS

ROOT = Path(__file__).parent.parent


def test_shipped_schema_is_current():
    for name, (model, _) in schema_targets().items():
        shipped = ROOT / "scorecards" / "schema" / name
        assert shipped.is_file(), f"missing {shipped}: run `make schema`"
        assert shipped.read_text(encoding="utf-8") == render_schema(model), \
            f"{shipped} is stale: run `make schema` and commit the result"


def test_vscode_settings_current():
    assert (ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8") == render_vscode_settings()


def test_reference_docs_current():
    assert (ROOT / "docs" / "format.md").read_text(encoding="utf-8") == render_format(), "run `make schema`"
    assert (ROOT / "docs" / "rules.md").read_text(encoding="utf-8") == render_rules(), "run `make schema`"


def test_english_reference_current():
    """`bscportal --lang en docs` writes docs/en/format.md from the same model."""
    from generator.i18n import use_language
    with use_language("en"):
        text = render_format()
    assert (ROOT / "docs" / "en" / "format.md").read_text(encoding="utf-8") == text, \
        "run `bscportal --lang en docs`"


def test_example_comments_are_translatable():
    from generator.reference_examples import COMMENTS, comments
    for key, text in EXAMPLES.items():
        for comment in comments(text):
            assert comment in COMMENTS, f"{key}: add {comment!r} to reference_examples.COMMENTS"


def test_every_field_has_a_label():
    from generator.reference import _nested
    seen, todo = set(), [*CITY_FILES.values(), *UNIT_FILES.values(), *UNIT_FOLDERS.values()]
    while todo:
        model = todo.pop()
        if model in seen:
            continue
        seen.add(model)
        for name, info in model.model_fields.items():
            assert info.title, f"{model.__name__}.{name} has no Chinese title"
            todo.extend(_nested(info.annotation))


def test_reference_examples_validate():
    models = {**CITY_FILES, **UNIT_FILES, **{f"{d}/": m for d, m in UNIT_FOLDERS.items()}}
    assert set(EXAMPLES) == set(models)
    for key, text in EXAMPLES.items():
        models[key].model_validate(yaml.safe_load(text))


def test_every_rule_documented():
    from generator.rules import all_rules
    text = render_rules()
    for rule in all_rules():
        assert f"### {rule.CODE}" in text
        assert rule.__doc__ and "FAIL" in rule.__doc__ and "PASS" in rule.__doc__


def test_schema_command_regenerates_the_shipped_files(tmp_path):
    """`make schema` runs `bscportal schema`: its output is byte-identical to what ships."""
    from click.testing import CliRunner
    from generator.cli import main

    out, vscode = tmp_path / "schema", tmp_path / "settings.json"
    result = CliRunner().invoke(main, ["schema", "--out", str(out), "--vscode", str(vscode)])
    assert result.exit_code == 0, result.output
    for shipped in (ROOT / "scorecards" / "schema").glob("*.json"):
        assert (out / shipped.name).read_text(encoding="utf-8") == shipped.read_text(encoding="utf-8")
    assert "yaml.schemas" in vscode.read_text(encoding="utf-8")
