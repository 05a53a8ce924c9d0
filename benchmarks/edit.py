"""The benchmark's one edit: change one measure's target in one unit, as an editor saves it.

`pick_edit` finds the target (in the first benchmark unit of the registry, else the first unit
with a measures.yml: its first measure with a plain numeric target, the last such period) and
`apply` rewrites that one number in place (the rest of the file, comments included, unchanged)
and saves the file atomically, like an editor.
"""
from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

import yaml

from generator.render import fmt, paths


@dataclass(frozen=True)
class Edit:
    path: Path
    unit: str
    measure: str
    period: str
    line: int            # 0-based line and columns of the number in the file
    col: int
    end_col: int
    old: str
    new: float
    data_type: str

    @property
    def shown(self) -> str:
        """The new target as the indicator card shows it."""
        return fmt.target(self.new, self.data_type)

    @property
    def page(self) -> str:
        """The site path of the page that shows the target, and the card's anchor."""
        return paths.cards(self.unit).removesuffix(".md") + ".html"

    @property
    def anchor(self) -> str:
        return paths.measure_anchor(self.measure)

    def moved(self, root: Path) -> "Edit":
        """The same edit in a copy of the scorecards folder at `root`."""
        rel = self.path.relative_to(self.path.parents[2])   # units/<unit>/measures.yml
        return Edit(root / rel, self.unit, self.measure, self.period, self.line, self.col,
                    self.end_col, self.old, self.new, self.data_type)


def _units(scorecards: Path) -> list[str]:
    registry = yaml.load((scorecards / "registry.yml").read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    entries = registry.get("units") or []
    ordered = [e for e in entries if e.get("benchmark")] + [e for e in entries if not e.get("benchmark")]
    return [str(e["id"]) for e in ordered]


def _scalar(node: yaml.Node, key: str) -> str | None:
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            if k.value == key and isinstance(v, yaml.ScalarNode):
                return str(v.value)
    return None


def _number(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None


def pick_edit(scorecards: Path) -> Edit:
    for unit in _units(scorecards):
        path = scorecards / "units" / unit / "measures.yml"
        if not path.is_file():
            continue
        root = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
        measures = next((v for k, v in root.value if k.value == "measures"), None) if root else None
        for m in measures.value if isinstance(measures, yaml.SequenceNode) else []:
            data_type = _scalar(m, "data_type") or "number"
            targets = next((v for k, v in m.value if k.value == "targets"), None)
            if data_type == "yesno" or not isinstance(targets, yaml.MappingNode):
                continue
            numeric = [(k, v) for k, v in targets.value
                       if isinstance(v, yaml.ScalarNode) and (_number(v.value) or 0) >= 2]
            if numeric:
                key, node = numeric[-1]
                old = float(node.value)
                new = old - 0.5 if data_type == "percent" and old >= 99 else old + 0.5
                return Edit(path, unit, str(_scalar(m, "id")), str(key.value), node.start_mark.line,
                            node.start_mark.column, node.end_mark.column, str(node.value), new, data_type)
    raise LookupError(f"no measure with a numeric target under {scorecards}/units")


def apply(edit: Edit) -> None:
    """Write the new target into the file (temporary file + os.replace, like an editor)."""
    lines = edit.path.read_text(encoding="utf-8").splitlines(keepends=True)
    line = lines[edit.line]
    if line[edit.col:edit.end_col] != edit.old:
        raise ValueError(f"{edit.path}:{edit.line + 1}: expected {edit.old!r} at column {edit.col + 1}")
    lines[edit.line] = f"{line[:edit.col]}{edit.new:g}{line[edit.end_col:]}"
    fd, tmp = tempfile.mkstemp(dir=edit.path.parent, prefix=".tmp-", suffix=".yml")
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write("".join(lines))
    os.replace(tmp, edit.path)
