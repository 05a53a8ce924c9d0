"""The interface language: every string the generator shows comes from one gettext catalogue per
language (`generator/locale/<lang>/LC_MESSAGES/bscportal.po`, compiled to `.mo` beside it).

Source strings are written in Chinese, the default language; `zh` is the source catalogue and
`en` its translation. In code:

    from ..i18n import tr, tr_n, tr_p, N_
    tr("找不到 {path}", path=shown)            # a message, formatted with str.format
    tr_n("{n} 个单位", "{n} 个单位", n, n=n)     # with a plural (English needs one)
    tr_p("list separator", "、")              # with a context, for short or ambiguous strings
    N_("年度")                                 # marked for extraction, translated where shown

Templates use Jinja2's i18n extension: `{{ _("使命") }}`, `{{ _("共 %(n)s 个", n=3) }}`,
`{% trans %}…{% endtrans %}`.

The language is a context variable: `use_language("en")` for a block, `set_language` for the
process (the CLI). `python -m generator.i18n.tool` extracts, updates and compiles the catalogues;
`tests/test_i18n.py` fails when a catalogue misses a message.
"""
from __future__ import annotations

from .core import (DEFAULT, LANGUAGES, N_, Language, babel_locale, current, language_from_env,
                   process_language, set_language, tr, tr_n, tr_p, translations, use_language)
from .punct import colon, join, list_sep, paren, record_sep

__all__ = ["DEFAULT", "LANGUAGES", "Language", "N_", "babel_locale", "colon", "current", "join",
           "language_from_env", "list_sep", "paren", "process_language", "record_sep", "set_language", "tr", "tr_n",
           "tr_p", "translations", "use_language"]
