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
