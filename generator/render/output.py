"""`Output`, one staged file, and `page`, which renders a template into one."""
from __future__ import annotations

from dataclasses import dataclass

from .jinja import render


@dataclass(frozen=True)
class Output:
    """One staged file: a docs-relative POSIX path and its bytes."""

    path: str
    data: bytes


#: the front-matter key of a generated page (one made from a template here, with no text of an
#: editor's in Markdown): MkDocs may set its raw HTML blocks aside unparsed (`site.rawblocks`)
GENERATED = "bsc_generated"


def page(template: str, path: str, **context: object) -> Output:
    """Render `templates/<template>` as the Markdown page `path` (marked `GENERATED`)."""
    text = render(template, path, **context)
    if text.startswith("---\n"):
        text = f"---\n{GENERATED}: true\n" + text[4:]
    return Output(path, text.encode("utf-8"))
