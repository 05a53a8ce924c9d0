"""Review of issue 15: caches that outlive a build see a change of the catalogue, not only of
the language: a cached strategy map is keyed by the text of the band it names itself (其他 /
Other), and the incremental build's code fingerprint by Babel's version (number symbols and
month names on the pages come from Babel's locale data)."""
from __future__ import annotations

import gettext
from importlib import metadata

from generator import i18n
from generator.i18n import core
from generator.render import maps
from generator.site import fingerprint

from ..render.test_maps import obj, spec


class _Other(gettext.NullTranslations):
    """The English catalogue with another word for the band of unknown perspectives."""

    def __init__(self, real: gettext.NullTranslations) -> None:
        super().__init__()
        self.real = real

    def gettext(self, message: str) -> str:
        return self.real.gettext(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self.real.ngettext(singular, plural, n)

    def pgettext(self, context: str, message: str) -> str:
        return "Elsewhere" if (context, message) == ("map band", "其他") else self.real.pgettext(context, message)


def test_map_cache_key_follows_the_band_translation(monkeypatch):
    s = spec([obj("T", "nowhere")])
    with i18n.use_language("en"):
        before = maps.spec_key(s)
        real = core.translations

        def patched(language):
            return _Other(real("en")) if language == "en" else real(language)

        monkeypatch.setattr(core, "translations", patched)
        assert i18n.tr_p("map band", "其他") == "Elsewhere"
        assert maps.spec_key(s) != before


def test_code_version_follows_babel(monkeypatch):
    real = metadata.version
    before = fingerprint.code_version.__wrapped__()

    def version(name):
        return "0.0-other" if name.lower() == "babel" else real(name)

    monkeypatch.setattr(fingerprint.metadata, "version", version)
    assert fingerprint.code_version.__wrapped__() != before
