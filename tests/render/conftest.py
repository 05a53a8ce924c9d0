from __future__ import annotations

import pytest

from generator.check import check_tree
from tests.conftest import MINI_SITE


@pytest.fixture(scope="session")
def mini_city():
    result = check_tree(MINI_SITE / "scorecards")
    assert result.ok, result.errors
    return result.city
