"""No interface text outside the catalogue: every Chinese string literal in `generator/` is the
argument of `tr`/`tr_n`/`tr_p`/`N_`, and every Chinese text in a page template is inside `_()`
or a `{% trans %}` block.

Not interface text, so not flagged: docstrings, comments, and a line marked `# i18n: data`
(e.g. the Chinese punctuation the search separator splits on, which is data about the text).
"""
from __future__ import annotations

import ast
import re
from pathlib import Path

from jinja2 import Environment

ROOT = Path(__file__).resolve().parents[2] / "generator"
CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
CALLS = {"tr", "tr_n", "tr_p", "N_"}
MARK = "# i18n: data"


def _docstrings(tree: ast.AST) -> set[int]:
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                ids.add(id(body[0].value))
        # attribute docstrings: a bare string expression after an assignment
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            ids.add(id(node.value))
    return ids


def python_literals(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    tree = ast.parse(text)
    skip = _docstrings(tree)
    inside: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = node.func.id if isinstance(node.func, ast.Name) else \
                node.func.attr if isinstance(node.func, ast.Attribute) else None
            if name in CALLS:
                for arg in node.args:
                    inside |= {id(n) for n in ast.walk(arg)}
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and CJK.search(node.value):
            if id(node) in skip or id(node) in inside:
                continue
            line = lines[node.lineno - 1]
            if MARK in line or (node.lineno >= 2 and MARK in lines[node.lineno - 2]):
                continue
            out.append(f"{path.relative_to(ROOT.parent)}:{node.lineno}: {node.value[:40]!r}")
    return out


def template_texts(path: Path) -> list[str]:
    env = Environment(extensions=["jinja2.ext.i18n"], trim_blocks=True, lstrip_blocks=True)
    out = []
    depth = 0
    tokens = list(env.lex(path.read_text(encoding="utf-8")))
    for i, (lineno, kind, value) in enumerate(tokens):
        if kind == "name" and value in ("trans", "pluralize") and i and tokens[i - 1][1] in (
                "block_begin",):
            depth = 1 if value == "trans" else depth
        if kind == "name" and value == "endtrans":
            depth = 0
        if kind == "data" and CJK.search(value) and not depth:
            out.append(f"{path.relative_to(ROOT.parent)}:{lineno}: {value.strip()[:40]!r}")
        if kind == "string" and CJK.search(value):
            # a string inside {{ … }}: only as the first argument of _() / gettext()
            j = i - 1
            while j >= 0 and tokens[j][1] == "whitespace":
                j -= 1
            k = j - 1
            while k >= 0 and tokens[k][1] == "whitespace":
                k -= 1
            if not (tokens[j][2] == "(" and tokens[k][2] in ("_", "gettext", "ngettext", "pgettext")) \
                    and not (tokens[j][2] == "," and tokens[k][1] == "string"):
                out.append(f"{path.relative_to(ROOT.parent)}:{lineno}: {value[:40]!r}")
    return out


def test_python_source_speaks_through_the_catalogue():
    found = [hit for p in sorted(ROOT.rglob("*.py")) for hit in python_literals(p)]
    assert not found, f"{len(found)} Chinese literals outside tr()/N_():\n" + "\n".join(found[:80])


def test_templates_speak_through_the_catalogue():
    found = [hit for p in sorted(ROOT.rglob("*.j2")) for hit in template_texts(p)]
    assert not found, f"{len(found)} Chinese texts outside _()/trans:\n" + "\n".join(found[:80])


if __name__ == "__main__":
    # python -m tests.i18n.test_untranslated_source [PATH-PREFIX …]: what is left, by file
    import sys
    prefixes = sys.argv[1:] or ["generator/"]
    files = sorted(ROOT.rglob("*.py")) + sorted(ROOT.rglob("*.j2"))
    total = 0
    for p in files:
        rel = str(p.relative_to(ROOT.parent))
        if not any(rel.startswith(x) for x in prefixes):
            continue
        hits = python_literals(p) if p.suffix == ".py" else template_texts(p)
        total += len(hits)
        for h in hits:
            print(h)
    print(f"{total} left")
