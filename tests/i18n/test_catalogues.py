"""The catalogues: complete in every language, in step with the code, compiled as written."""
from __future__ import annotations

import pytest

from generator.i18n import LANGUAGES
from generator.i18n.catalogue import extract, gaps, merged, mo_bytes, mo_path, po_bytes, po_path


@pytest.fixture(scope="module")
def template():
    return extract()


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_is_complete(language, template):
    found = gaps(language, template)
    shown = "\n".join(str(g) for g in found[:60])
    assert not found, f"{len(found)} gaps in the {language} catalogue " \
                      f"(python -m generator.i18n.tool update, then translate):\n{shown}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_po_and_mo_are_up_to_date(language, template):
    catalog = merged(language, template)
    assert po_path(language).read_bytes() == po_bytes(catalog), \
        "the .po is behind the code: python -m generator.i18n.tool update"
    assert mo_path(language).read_bytes() == mo_bytes(catalog), \
        "the .mo is behind the .po: python -m generator.i18n.tool update"


def test_a_missing_translation_is_found(template):
    """The completeness test can fail: an English catalogue with one message emptied."""
    from generator.i18n.catalogue import read
    catalog = read("en")
    victim = next(m for m in catalog if m.id and m.context == "list separator")
    victim.string = ""
    found = gaps("en", template, catalog)
    assert [g.problem for g in found] == ["untranslated"]


def _calls_in_code() -> set[tuple[str | None, str, str]]:
    """(context, msgid, where) of every tr/tr_n/tr_p/N_ call with a literal message, by the AST."""
    import ast
    from pathlib import Path

    root = Path(__file__).resolve().parents[2] / "generator"
    found = set()
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.id if isinstance(node.func, ast.Name) else \
                node.func.attr if isinstance(node.func, ast.Attribute) else None
            args = [a.value if isinstance(a, ast.Constant) and isinstance(a.value, str) else None
                    for a in node.args]
            where = f"{path.relative_to(root.parent)}:{node.lineno}"
            if name in ("tr", "tr_n", "N_") and args and args[0]:
                found.add((None, args[0], where))
            elif name == "tr_p" and len(args) > 1 and args[0] and args[1]:
                found.add((args[0], args[1], where))
    return found


def test_every_message_in_the_code_is_extracted(template):
    """A `tr(...)` the extractor cannot see (inside an f-string, say) would never be translated."""
    missing = [f"{where}: {msgid!r}" for ctx, msgid, where in sorted(_calls_in_code(), key=str)
               if template.get(msgid, context=ctx) is None
               and not any(m.id and isinstance(m.id, (tuple, list)) and m.id[0] == msgid
                           and m.context == ctx for m in template)]
    assert not missing, "messages the catalogue tool does not extract:\n" + "\n".join(missing[:40])
