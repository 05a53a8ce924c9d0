"""Extracting the messages of `generator/` and keeping the catalogues in step with them.

`extract()` reads every `tr`, `tr_n`, `tr_p`, `N_` call in the Python modules and every
`_`/`gettext`/`ngettext`/`pgettext` call and `{% trans %}` block in the page templates.
`update()` merges that into each language's `.po` (Chinese, the source language, gets its own
text; other languages keep their translations, new messages arrive untranslated) and compiles
the `.mo` files the site and CLI read. `problems()` lists what a catalogue misses.
"""
from __future__ import annotations

import copy
import datetime as dt
import fcntl
import io
import re
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from .core import DEFAULT, DOMAIN, LANGUAGES, LOCALE_DIR, Language

PACKAGE = LOCALE_DIR.parent
KEYWORDS = {**DEFAULT_KEYWORDS, "tr": None, "tr_n": (1, 2), "tr_p": ((1, "c"), 2)}
METHODS = [("**/templates/**.j2", "jinja2.ext:babel_extract"), ("**.py", "python")]
OPTIONS = {"**/templates/**.j2": {"trim_blocks": "true", "lstrip_blocks": "true",
                                   "newstyle_gettext": "true",
                                   "extensions": "jinja2.ext.loopcontrols"}}
#: fixed header dates, so that an update which changes no message changes no byte
EPOCH = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)


def po_path(language: Language) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def mo_path(language: Language) -> Path:
    return po_path(language).with_suffix(".mo")


@contextmanager
def locked() -> Iterator[None]:
    """One writer of the catalogues at a time (several editors may run the tool at once)."""
    LOCALE_DIR.mkdir(parents=True, exist_ok=True)
    with (LOCALE_DIR / ".lock").open("w") as f:
        fcntl.flock(f, fcntl.LOCK_EX)
        yield


def extract() -> Catalog:
    """The template: every message of the package, with where it is used."""
    template = Catalog(domain=DOMAIN, project="bscportal", charset="utf-8", fuzzy=False,
                       creation_date=EPOCH, revision_date=EPOCH)
    for filename, lineno, message, comments, context in extract_from_dir(
            PACKAGE, METHODS, OPTIONS, KEYWORDS, comment_tags=("TRANSLATORS:",),
            strip_comment_tags=True):
        msgid = message if isinstance(message, str) else tuple(message)
        if not (msgid[0] if isinstance(msgid, tuple) else msgid):
            continue
        template.add(msgid, None, [(f"generator/{filename}", lineno)],
                     auto_comments=comments, context=context)
    return template


def read(language: Language) -> Catalog:
    path = po_path(language)
    if not path.exists():
        return Catalog(locale=language, domain=DOMAIN, project="bscportal", fuzzy=False,
                       creation_date=EPOCH, revision_date=EPOCH,
                       header_comment=f"# bscportal interface messages: {language}")
    with path.open("rb") as f:
        catalog = read_po(f, locale=language, domain=DOMAIN)
    catalog.revision_date = EPOCH
    return catalog


def msgid(message: Message) -> str:
    """The message's id (its singular, for a message with a plural)."""
    return str(message.id[0]) if isinstance(message.id, (tuple, list)) else str(message.id)


def plural_id(message: Message) -> str | None:
    return str(message.id[1]) if isinstance(message.id, (tuple, list)) else None


def _source_text(message: Message) -> str | tuple[str, ...]:
    plural = plural_id(message)
    return (plural,) if plural is not None else msgid(message)   # Chinese: one plural form


def merged(language: Language, template: Catalog) -> Catalog:
    catalog = read(language)
    # update() adds the template's own Message objects: a copy keeps languages apart
    catalog.update(copy.deepcopy(template), no_fuzzy_matching=True, update_header_comment=False)
    catalog.obsolete.clear()
    for message in catalog:
        if not message.id:
            continue
        if language == DEFAULT:
            message.string = _source_text(message)
        message.flags.discard("fuzzy")
    return catalog


def po_bytes(catalog: Catalog) -> bytes:
    buf = io.BytesIO()
    # files without line numbers: an edit that moves a message down a file changes no catalogue
    write_po(buf, catalog, width=100, sort_output=False, sort_by_file=True, omit_header=False,
             include_previous=False, include_lineno=False)
    return buf.getvalue()


def mo_bytes(catalog: Catalog) -> bytes:
    buf = io.BytesIO()
    write_mo(buf, catalog, use_fuzzy=False)
    return buf.getvalue()


def write(language: Language, catalog: Catalog) -> None:
    from ..files import atomic_write
    path = po_path(language)
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(path, po_bytes(catalog))
    atomic_write(mo_path(language), mo_bytes(catalog))


def update() -> dict[Language, Catalog]:
    """Re-extract and merge into every language's catalogue; writes `.po` and `.mo`."""
    template = extract()
    out = {}
    with locked():
        for language in LANGUAGES:
            out[language] = merged(language, template)
            write(language, out[language])
    return out


_BRACE = re.compile(r"(?<!\{)\{([A-Za-z_][A-Za-z0-9_]*)(?:[!:][^{}]*)?\}")
_PERCENT = re.compile(r"%\(([A-Za-z_][A-Za-z0-9_]*)\)[sdifr]")


def placeholders(text: str) -> set[str]:
    return set(_BRACE.findall(text)) | {"%" + n for n in _PERCENT.findall(text)}


@dataclass(frozen=True)
class Gap:
    language: Language
    msgid: str
    context: str | None
    problem: str
    where: str

    def __str__(self) -> str:
        ctx = f" [{self.context}]" if self.context else ""
        return f"{self.where}: {self.language}: {self.problem}: {self.msgid!r}{ctx}"


def _forms(value: object) -> list[str]:
    if isinstance(value, (tuple, list)):
        return [str(v) for v in value]
    return [str(value or "")]


def gaps(language: Language, template: Catalog | None = None,
         catalog: Catalog | None = None) -> list[Gap]:
    """Messages the catalogue misses, leaves untranslated or fuzzy, or translates with other
    placeholders; messages it has that the code no longer uses."""
    template = template or extract()
    catalog = catalog or read(language)
    out: list[Gap] = []
    for message in template:
        if not message.id:
            continue
        key = msgid(message)
        where = f"{message.locations[0][0]}:{message.locations[0][1]}" if message.locations else "?"
        have = catalog.get(message.id, context=message.context)
        if have is None:
            out.append(Gap(language, key, message.context, "missing", where))
            continue
        forms = _forms(have.string)
        if not all(forms) or "fuzzy" in have.flags:
            out.append(Gap(language, key, message.context, "untranslated", where))
            continue
        wanted = placeholders(key)
        plural = plural_id(message)
        if plural is not None:
            wanted |= placeholders(plural)
        for form in forms:
            if placeholders(form) - wanted or (plural is None and placeholders(form) != wanted):
                out.append(Gap(language, key, message.context,
                               f"placeholders differ ({sorted(placeholders(form))} ≠ "
                               f"{sorted(wanted)})", where))
                break
    used = {(m.id, m.context) for m in template if m.id}
    for message in catalog:
        if message.id and (message.id, message.context) not in used:
            out.append(Gap(language, msgid(message), message.context, "not used in the code", str(po_path(language))))
    return out
