"""Hand-kept registries are complete: a module left off its list would silently never run."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import generator.render.pages as pages
import generator.rules as rules

ROOT = Path(__file__).resolve().parents[1] / "generator"


def _modules(folder: Path) -> set[str]:
    """Module names in `folder`, without `__init__` and private helpers (`_util`)."""
    return {p.stem for p in folder.glob("*.py") if not p.stem.startswith("_")}


def test_every_rule_module_is_registered() -> None:
    missing = _modules(ROOT / "rules") - set(rules.RULE_MODULES)
    assert not missing, f"rule modules not in RULE_MODULES (generator/rules/__init__.py): {sorted(missing)}"
    unknown = set(rules.RULE_MODULES) - _modules(ROOT / "rules")
    assert not unknown, f"RULE_MODULES names modules that do not exist: {sorted(unknown)}"
    assert len(rules.RULE_MODULES) == len(set(rules.RULE_MODULES)), "a rule is registered twice"


def test_rule_codes_and_names_are_unique() -> None:
    codes = Counter(r.CODE for r in rules.all_rules())
    assert [c for c, n in codes.items() if n > 1] == [], "two rules share a code"
    names = Counter(r.NAME for r in rules.all_rules())
    assert [c for c, n in names.items() if n > 1] == [], "two rules share a name"
    clash = set(codes) & set(rules.LOAD_CODES)
    assert not clash, f"rule codes also used for loading problems (LOAD_CODES): {sorted(clash)}"


def test_every_rule_module_has_its_contract() -> None:
    for rule in rules.all_rules():
        assert rule.__doc__ and rule.__doc__.startswith(rule.CODE), rule.__name__
        assert callable(rule.check), rule.__name__
        assert isinstance(rule.SEVERITY, rules.Severity), rule.__name__
        assert rules.get(rule.CODE) is rule


def test_every_page_module_is_a_page_kind() -> None:
    registered = {m.__name__.rpartition(".")[2] for m in pages.PAGE_KINDS}
    missing = _modules(ROOT / "render" / "pages") - registered
    assert not missing, f"page modules not in PAGE_KINDS (generator/render/pages/__init__.py): {sorted(missing)}"
    assert len(pages.PAGE_KINDS) == len(registered), "a page kind is registered twice"
