"""Where an alias is written: the composer resolves `*name` to the anchored node and forgets
the alias's own position, so a refusal (expansion too big, self-reference) retraces it from
the event stream. Only run on the refusal path."""
from __future__ import annotations

from typing import Any

import yaml

#: where a value sits in a file: mapping keys and sequence indices from the top
Loc = tuple[str | int, ...]


def alias_position(text: str, target: Loc, loader: type) -> tuple[int, int] | None:
    """The start (0-based line and column) of the alias event that the builder reached at
    `target` (locations are retraced from the event stream: sequence indices and mapping keys)."""
    # frames: [loc or None, is_mapping, next index / expecting a key, current key]
    stack: list[list[Any]] = []
    for event in yaml.parse(text, Loader=loader):
        if isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            stack.pop()
            continue
        if not isinstance(event, (yaml.ScalarEvent, yaml.AliasEvent,
                                  yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            continue
        here: Loc | None = ()
        if stack:
            frame = stack[-1]
            if not frame[1]:
                here = None if frame[0] is None else frame[0] + (frame[2],)
                frame[2] += 1
            elif frame[2]:  # a key
                frame[2] = False
                frame[3] = event.value if isinstance(event, yaml.ScalarEvent) else None
                here = None
            else:
                here = None if frame[0] is None or frame[3] is None else frame[0] + (frame[3],)
                frame[2] = True
        if isinstance(event, yaml.AliasEvent) and here == target:
            start = event.start_mark
            return (start.line, start.column) if start is not None else None
        if isinstance(event, yaml.SequenceStartEvent):
            stack.append([here, False, 0, None])
        elif isinstance(event, yaml.MappingStartEvent):
            stack.append([here, True, True, None])
    return None
