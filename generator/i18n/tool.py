"""`python -m generator.i18n.tool update | check | missing [PREFIX] | translate FILE.json`

- `update`: extract the messages, merge them into every `.po`, compile the `.mo` files;
- `check`: list what a catalogue misses (exit 1 if anything);
- `missing [PREFIX]`: the untranslated English messages (of files under PREFIX, e.g.
  `generator/render`) as a JSON object to fill in: `{"msgid": ""}`; a message with a context is
  keyed `context\\u0004msgid`, one with a plural has a list of two forms;
- `translate FILE.json`: merge such a filled object into the English catalogue (after `update`).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from babel.messages.catalog import Message

from .core import LANGUAGES
from .catalogue import gaps, locked, msgid, plural_id, read, update, write

SEP = "\x04"


def _key(message: Message) -> str:
    mid = msgid(message)
    return f"{message.context}{SEP}{mid}" if message.context else mid


def missing(prefix: str = "") -> dict[str, object]:
    out: dict[str, object] = {}
    for message in read("en"):
        if not message.id:
            continue
        forms = message.string if isinstance(message.string, tuple) else (message.string,)
        if all(forms) and "fuzzy" not in message.flags:
            continue
        if prefix and not any(loc.startswith(prefix) for loc, _line in message.locations):
            continue
        out[_key(message)] = ["", ""] if plural_id(message) is not None else ""
    return out


def translate(path: Path) -> int:
    wanted = json.loads(path.read_text(encoding="utf-8"))
    with locked():
        catalog = read("en")
        done = 0
        for message in catalog:
            if not message.id:
                continue
            value = wanted.get(_key(message))
            if not value:
                continue
            if plural_id(message) is not None:
                forms = value if isinstance(value, list) else [value, value]
                message.string = tuple(forms)
            else:
                message.string = value if isinstance(value, str) else value[0]
            message.flags.discard("fuzzy")
            done += 1
        write("en", catalog)
    return done


def main(argv: list[str]) -> int:
    cmd = argv[0] if argv else "check"
    if cmd == "update":
        cats = update()
        for lang, cat in cats.items():
            print(f"{lang}: {len(cat)} messages")
        return 0
    if cmd == "check":
        found = [g for lang in LANGUAGES for g in gaps(lang)]
        for g in found:
            print(g)
        print(f"{len(found)} problems")
        return 1 if found else 0
    if cmd == "missing":
        print(json.dumps(missing(argv[1] if len(argv) > 1 else ""), ensure_ascii=False, indent=1))
        return 0
    if cmd == "translate":
        print(f"{translate(Path(argv[1]))} messages translated")
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
