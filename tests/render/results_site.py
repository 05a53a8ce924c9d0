"""Session-scoped renders of the example city for the results tests (no MkDocs): each edition
is rendered once per test session and shared by test_results_pages and test_results_downloads
(import the fixtures into the test module)."""
from __future__ import annotations

import pytest

from generator.check import check_tree
from generator.render import render_edition
from tests.conftest import ROOT


@pytest.fixture(scope="session")
def city():
    result = check_tree(ROOT / "scorecards")
    assert result.ok, result.errors
    return result.city


@pytest.fixture(scope="session")
def public(city):
    return render_edition(city, "public")[1]


@pytest.fixture(scope="session")
def internal(city):
    return render_edition(city, "internal")[1]
